from bad_input.admin import ColumnCheckedAdmin
from django.contrib import admin

from audiobooks.models import (
    Audiobook,
    Author,
    Chapter,
    ListeningProgress,
    Narrator,
    Purchase,
    Review,
)


@admin.register(Author, Narrator)
class PersonAdmin(ColumnCheckedAdmin):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


class ChapterInline(admin.TabularInline):
    model = Chapter
    extra = 0


@admin.register(Audiobook)
class AudiobookAdmin(ColumnCheckedAdmin):
    list_display = ["title", "narrator", "duration_seconds", "published", "price"]
    list_select_related = ["narrator"]
    list_filter = ["published"]
    prepopulated_fields = {"slug": ["title"]}
    search_fields = ["title", "slug"]
    autocomplete_fields = ["authors", "narrator"]
    inlines = [ChapterInline]


@admin.register(Purchase)
class PurchaseAdmin(ColumnCheckedAdmin):
    list_display = ["user", "audiobook", "price_paid", "purchased_at"]
    list_select_related = ["user", "audiobook"]
    raw_id_fields = ["user", "audiobook"]


@admin.register(ListeningProgress)
class ListeningProgressAdmin(ColumnCheckedAdmin):
    list_display = ["user", "audiobook", "chapter", "position_seconds", "updated"]
    list_select_related = ["user", "audiobook", "chapter"]
    raw_id_fields = ["user", "audiobook", "chapter"]


@admin.register(Review)
class ReviewAdmin(ColumnCheckedAdmin):
    list_display = ["audiobook", "user", "rating", "created"]
    list_select_related = ["audiobook", "user"]
    list_filter = ["rating"]
    raw_id_fields = ["user", "audiobook"]
