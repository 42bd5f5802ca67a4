"""Query-string filters of the property list: location, price range and free dates."""

from bad_input.filters import ColumnCheckedFilterSet
from django import forms
from django.db.models import Exists, OuterRef
from django_filters import rest_framework as filters

from stays.models import Booking, Property


class AvailabilityForm(forms.Form):
    """Checks that ``available_from`` and ``available_to`` come together, in order."""

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("available_from"), cleaned.get("available_to")
        if start and end is None and "available_to" not in self.errors:
            self.add_error("available_to", "Required with available_from.")
        elif end and start is None and "available_from" not in self.errors:
            self.add_error("available_from", "Required with available_to.")
        elif start and end and end <= start:
            self.add_error("available_to", "Must be after available_from.")
        return cleaned


# --8<-- [start:filterset]
class PropertyFilter(ColumnCheckedFilterSet):
    """``?location=Nairobi&min_price=40&max_price=90&available_from=...&available_to=...``."""

    min_price = filters.NumberFilter(field_name="price_per_night", lookup_expr="gte")
    max_price = filters.NumberFilter(field_name="price_per_night", lookup_expr="lte")
    available_from = filters.DateFilter(method="filter_available")
    available_to = filters.DateFilter(method="filter_available")

    class Meta:
        model = Property
        fields = ["location", "min_price", "max_price", "available_from", "available_to"]
        form = AvailabilityForm

    def filter_available(self, queryset, name, value):
        # Called once per date parameter; do the work once, when both are known.
        if name != "available_from":
            return queryset
        start, end = value, self.form.cleaned_data["available_to"]
        clash = Booking.objects.filter(property=OuterRef("pk")).active().overlapping(start, end)
        return queryset.filter(~Exists(clash))
# --8<-- [end:filterset]
