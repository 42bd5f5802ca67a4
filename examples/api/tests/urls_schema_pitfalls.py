"""Two views drf-spectacular cannot fully describe, for the API documentation page's pitfalls."""

from catalog.models import Book
from django.urls import path
from rest_framework import generics, serializers
from rest_framework.response import Response
from rest_framework.views import APIView


class BookStatsView(APIView):
    """An ``APIView`` with no serializer: drf-spectacular cannot guess its response."""

    def get(self, request):
        return Response({"books": Book.objects.count()})


class BookRatingSerializer(serializers.ModelSerializer):
    rating = serializers.SerializerMethodField()

    class Meta:
        model = Book
        fields = ["id", "rating"]

    def get_rating(self, obj):  # no return type hint: documented as a string
        return 4.5


class BookRatingList(generics.ListAPIView):
    queryset = Book.objects.all()
    serializer_class = BookRatingSerializer


urlpatterns = [
    path("stats/", BookStatsView.as_view()),
    path("ratings/", BookRatingList.as_view()),
]
