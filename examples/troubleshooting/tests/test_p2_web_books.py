"""An unbounded list grows with the table; the paginated one stays the same size and cost."""

import pytest
from catalog.sample_data import create_sample_catalog
from django.core.checks import run_checks
from rest_framework.pagination import PageNumberPagination
from rest_framework.settings import DEFAULTS
from rest_framework.test import APIRequestFactory

from troubleshooting.web_books import AllBooksList, PagedBooksList

pytestmark = pytest.mark.django_db

factory = APIRequestFactory()


def get(view_class, query: str = ""):
    response = view_class.as_view()(factory.get(f"/books/{query}"))
    response.render()
    return response


# --8<-- [start:test_unbounded]
@pytest.mark.parametrize("authors", [5, 20])
def test_the_unbounded_list_grows_in_rows_and_queries(authors, django_assert_num_queries):
    create_sample_catalog(authors=authors, books_per_author=4)
    books = authors * 4
    # The books, then author, publisher and genres for each book: 1 + 3N.
    with django_assert_num_queries(1 + 3 * books):
        response = get(AllBooksList)
    assert len(response.data) == books  # a bare list: every row, no count, no next link


@pytest.mark.parametrize("authors", [5, 20])
def test_the_paginated_list_has_a_fixed_size_and_cost(authors, django_assert_num_queries):
    create_sample_catalog(authors=authors, books_per_author=4)
    # COUNT(*), the page JOINed to author and publisher, the genres of the page: 3.
    with django_assert_num_queries(3):
        response = get(PagedBooksList, "?page_size=500")
    assert response.data["count"] == authors * 4
    assert len(response.data["results"]) == min(50, authors * 4)  # capped at max_page_size
# --8<-- [end:test_unbounded]


def test_filters_run_in_sql_before_the_page_is_cut():
    books = create_sample_catalog(authors=5, books_per_author=4)
    threshold = sorted(b.price for b in books)[10]
    response = get(PagedBooksList, f"?min_price={threshold}&page_size=50")
    expected = sorted(b.title for b in books if b.price >= threshold)
    assert response.data["count"] == len(expected)
    assert [b["title"] for b in response.data["results"]] == expected


def test_walking_the_pages_sees_every_book_once():
    books = create_sample_catalog(authors=5, books_per_author=4)
    seen, page = [], 1
    while True:
        data = get(PagedBooksList, f"?page={page}&page_size=3").data
        seen += [b["id"] for b in data["results"]]
        if data["next"] is None:
            break
        page += 1
    assert sorted(seen) == sorted(b.pk for b in books)
    assert page == 7  # 20 books, 3 per page


def test_the_symptom_is_a_failed_query_count(django_assert_num_queries):
    create_sample_catalog(authors=5, books_per_author=4)
    with pytest.raises(pytest.fail.Exception) as failure:
        with django_assert_num_queries(3):
            get(AllBooksList)
    assert str(failure.value) == (
        "Expected to perform 3 queries but 61 were done (add -v option to show queries)"
    )


def test_a_paginator_without_a_page_size_returns_every_row():
    # PageNumberPagination.page_size is PAGE_SIZE from the settings, and DRF's default is
    # None: naming the paginator class without PAGE_SIZE still returns the bare list.
    create_sample_catalog(authors=2, books_per_author=4)
    assert DEFAULTS["PAGE_SIZE"] is None

    class PageSizeUnset(PageNumberPagination):
        page_size = DEFAULTS["PAGE_SIZE"]

    class DefaultPaginatorList(PagedBooksList):
        pagination_class = PageSizeUnset

    response = get(DefaultPaginatorList)
    assert isinstance(response.data, list)
    assert len(response.data) == 8


def test_a_page_size_without_a_paginator_class_is_a_system_check_warning(settings):
    settings.REST_FRAMEWORK = {
        key: value for key, value in settings.REST_FRAMEWORK.items()
        if key != "DEFAULT_PAGINATION_CLASS"
    }
    warnings = [m for m in run_checks() if m.id == "rest_framework.W001"]
    assert [w.msg for w in warnings] == [
        "You have specified a default PAGE_SIZE pagination rest_framework setting, "
        "without specifying also a DEFAULT_PAGINATION_CLASS."
    ]
