from bad_input.admin import ColumnCheckedAdmin
from django.contrib import admin

from shop.models import Category, Product


@admin.register(Category)
class CategoryAdmin(ColumnCheckedAdmin):
    list_display = ["name", "slug", "parent"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(Product)
class ProductAdmin(ColumnCheckedAdmin):
    list_display = ["name", "category", "price", "stock", "is_active", "created"]
    list_filter = ["is_active", "category"]
    list_select_related = ["category"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name", "slug"]
    autocomplete_fields = ["category"]
