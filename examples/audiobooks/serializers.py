"""Serializers of the audiobook API."""

from rest_framework import serializers

from audiobooks.models import Audiobook, Author, Chapter, ListeningProgress, Narrator, Purchase


# --8<-- [start:ref_name]
class AuthorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Author
        fields = ["name", "slug"]
        # The schema's component name; "Author" is the bookshop's (/api/v1/schema/ has both).
        ref_name = "AudiobookAuthor"
# --8<-- [end:ref_name]


class NarratorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Narrator
        fields = ["name", "slug"]


class ChapterSerializer(serializers.ModelSerializer):
    class Meta:
        model = Chapter
        fields = ["number", "title", "duration_seconds"]


class AudiobookListSerializer(serializers.ModelSerializer):
    authors = AuthorSerializer(many=True, read_only=True)
    narrator = NarratorSerializer(read_only=True)

    class Meta:
        model = Audiobook
        fields = ["title", "slug", "authors", "narrator", "duration_seconds", "published", "price"]


class AudiobookDetailSerializer(AudiobookListSerializer):
    chapters = ChapterSerializer(many=True, read_only=True)
    # Annotated by the view's query: no extra query per request.
    average_rating = serializers.FloatField(read_only=True, allow_null=True)
    review_count = serializers.IntegerField(read_only=True)

    class Meta(AudiobookListSerializer.Meta):
        fields = [
            *AudiobookListSerializer.Meta.fields,
            "description", "chapters", "average_rating", "review_count",
        ]


class PurchaseSerializer(serializers.ModelSerializer):
    audiobook = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    title = serializers.CharField(source="audiobook.title", read_only=True)

    class Meta:
        model = Purchase
        fields = ["audiobook", "title", "price_paid", "purchased_at"]


# --8<-- [start:progress_serializers]
class ProgressInputSerializer(serializers.Serializer):
    """The body of ``PUT .../progress/``: a chapter number and a position inside it."""

    chapter = serializers.IntegerField(min_value=1)
    position_seconds = serializers.IntegerField(min_value=0)

    def validate(self, attrs):
        audiobook = self.context["audiobook"]
        chapter = audiobook.chapters.filter(number=attrs["chapter"]).first()
        if chapter is None:
            raise serializers.ValidationError({"chapter": "This audiobook has no such chapter."})
        if attrs["position_seconds"] > chapter.duration_seconds:
            raise serializers.ValidationError(
                {
                    "position_seconds": f"Chapter {chapter.number} is only "
                    f"{chapter.duration_seconds} seconds long."
                }
            )
        return {"chapter": chapter, "position_seconds": attrs["position_seconds"]}


class ProgressSerializer(serializers.ModelSerializer):
    audiobook = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    title = serializers.CharField(source="audiobook.title", read_only=True)
    chapter = serializers.IntegerField(source="chapter.number", read_only=True)
    chapter_title = serializers.CharField(source="chapter.title", read_only=True)

    class Meta:
        model = ListeningProgress
        fields = ["audiobook", "title", "chapter", "chapter_title", "position_seconds", "updated"]
# --8<-- [end:progress_serializers]
