from bad_input.admin import ColumnCheckedAdmin
from django.contrib import admin

from .models import Author, Book, Genre, Publisher, Review


@admin.register(Book)
class BookAdmin(ColumnCheckedAdmin):
    list_display = ["title", "author", "publisher", "published", "price"]
    list_filter = ["genres", "publisher"]
    search_fields = ["title", "author__name"]
    # The change list shows author and publisher on every row: fetch them in the same query.
    list_select_related = ["author", "publisher"]


admin.site.register([Author, Genre, Publisher, Review], ColumnCheckedAdmin)
