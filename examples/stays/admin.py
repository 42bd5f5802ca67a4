from bad_input.admin import ColumnCheckedAdmin
from django.contrib import admin

from stays.models import Booking, Message, Payment, Property, Review


@admin.register(Property)
class PropertyAdmin(ColumnCheckedAdmin):
    list_display = ["title", "host", "location", "price_per_night", "created"]
    list_filter = ["location"]
    list_select_related = ["host"]
    search_fields = ["title", "location"]
    autocomplete_fields = ["host"]


@admin.register(Booking)
class BookingAdmin(ColumnCheckedAdmin):
    list_display = ["property", "guest", "start_date", "end_date", "total_price", "status"]
    list_filter = ["status"]
    list_select_related = ["property", "guest"]
    date_hierarchy = "start_date"
    search_fields = ["property__title", "guest__username"]
    autocomplete_fields = ["property", "guest"]


@admin.register(Payment)
class PaymentAdmin(ColumnCheckedAdmin):
    list_display = ["booking", "amount", "method", "paid_at"]
    list_select_related = ["booking__property"]
    autocomplete_fields = ["booking"]


@admin.register(Review)
class ReviewAdmin(ColumnCheckedAdmin):
    list_display = ["property", "author", "rating", "created"]
    list_filter = ["rating"]
    list_select_related = ["property", "author"]


@admin.register(Message)
class MessageAdmin(ColumnCheckedAdmin):
    list_display = ["sender", "recipient", "sent_at"]
    list_select_related = ["sender", "recipient"]
    search_fields = ["body"]
