"""URL routes of the tasks app: background work, caching and async examples."""

from bad_input.converters import TextConverter
from django.urls import path, register_converter

from . import async_views, caching, views

register_converter(TextConverter, "text")

urlpatterns = [
    path("reports/", views.request_report, name="request-report"),
    path("reports/<int:pk>/", views.report_detail, name="report-detail"),
    path("books.json", caching.book_list_api, name="cached-book-list-api"),
    path("books/", caching.book_list_page, name="cached-book-list-page"),
    path("async/books/count/", async_views.book_count, name="async-book-count"),
    path("async/books/count-broken/", async_views.book_count_broken, name="async-count-broken"),
    path("async/books/<int:pk>/", async_views.book_detail, name="async-book-detail"),
    path("async/authors/<text:name>/", async_views.titles_by_author, name="async-titles-by"),
    path("async/prices/", async_views.price_board, name="async-price-board"),
]
