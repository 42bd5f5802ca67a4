"""Query-string filters of the audiobook catalogue."""

from bad_input.filters import ColumnCheckedFilterSet
from django_filters import rest_framework as filters

from audiobooks.models import Audiobook


# --8<-- [start:filterset]
class AudiobookFilter(ColumnCheckedFilterSet):
    """``?author=ursula-k-le-guin&narrator=...&max_price=15&max_duration=36000``."""

    author = filters.CharFilter(field_name="authors__slug")
    narrator = filters.CharFilter(field_name="narrator__slug")
    min_price = filters.NumberFilter(field_name="price", lookup_expr="gte")
    max_price = filters.NumberFilter(field_name="price", lookup_expr="lte")
    max_duration = filters.NumberFilter(field_name="duration_seconds", lookup_expr="lte")

    class Meta:
        model = Audiobook
        fields = ["author", "narrator", "min_price", "max_price", "max_duration"]
# --8<-- [end:filterset]
