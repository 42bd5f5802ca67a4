"""The GraphQL schema of the bookshop catalogue, built with graphene-django.

Types map the catalog models to GraphQL object types, ``Query`` holds the read entry points
and ``Mutation`` the write ones. ``naive_schema`` serves the same types from a root resolver
that loads nothing in advance: the tests run the same query document through both schemas
to show the N+1 problem and its fix. The snippet markers (``--8<-- [start:...]``) let the
documentation include one part at a time.
"""

import graphene
from catalog.models import Author, Book, Genre, Publisher, Review
from django import forms
from graphene.validation import depth_limit_validator
from graphene_django import DjangoObjectType
from graphql import GraphQLError, NoSchemaIntrospectionCustomRule, specified_rules


# --8<-- [start:types]
class GenreType(DjangoObjectType):
    """A category a book belongs to."""

    class Meta:
        model = Genre
        name = "Genre"
        fields = ("id", "name")


class PublisherType(DjangoObjectType):
    """A company that publishes books."""

    class Meta:
        model = Publisher
        name = "Publisher"
        fields = ("id", "name")


class AuthorType(DjangoObjectType):
    """A person who writes books."""

    class Meta:
        model = Author
        name = "Author"
        fields = ("id", "name", "books")


class ReviewType(DjangoObjectType):
    """A reader's rating of a book, from 1 to 5 stars."""

    class Meta:
        model = Review
        name = "Review"
        fields = ("id", "rating", "body", "created", "book")


class BookType(DjangoObjectType):
    """A book in the catalogue."""

    # A field the model does not have: computed by the resolver below.
    average_rating = graphene.Float(description="Mean rating of the book's reviews, or null.")

    class Meta:
        model = Book
        name = "Book"
        fields = ("id", "title", "author", "publisher", "genres", "published", "price", "reviews")

    def resolve_average_rating(self, info):
        # .all() reuses prefetched reviews when the root resolver loaded them.
        ratings = [review.rating for review in self.reviews.all()]
        return sum(ratings) / len(ratings) if ratings else None
# --8<-- [end:types]


# --8<-- [start:naive_query]
class NaiveQuery(graphene.ObjectType):
    books = graphene.List(graphene.NonNull(BookType), required=True)

    def resolve_books(root, info):
        # Every book.author, book.genres and book.reviews is a query of its own, later.
        return Book.objects.all()
# --8<-- [end:naive_query]


# --8<-- [start:query]
class Query(graphene.ObjectType):
    books = graphene.List(
        graphene.NonNull(BookType),
        required=True,
        genre=graphene.String(description="Only books in the genre with this name."),
    )
    book = graphene.Field(BookType, id=graphene.ID(required=True))
    authors = graphene.List(graphene.NonNull(AuthorType), required=True)

    def resolve_books(root, info, genre=None):
        books = Book.objects.select_related("author", "publisher").prefetch_related(
            "genres", "reviews"
        )
        if genre is not None:
            books = books.filter(genres__name=genre)
        return books

    def resolve_book(root, info, id):
        return Book.objects.filter(pk=id).first()

    def resolve_authors(root, info):
        return Author.objects.prefetch_related("books__genres")
# --8<-- [end:query]


# --8<-- [start:mutation]
class ReviewForm(forms.ModelForm):
    # The model's check constraint guards the table; the form says why a value is refused.
    rating = forms.IntegerField(min_value=1, max_value=5)

    class Meta:
        model = Review
        fields = ("book", "rating", "body")


class FieldError(graphene.ObjectType):
    """Why one input field was refused: the field's name and Django's messages."""

    field = graphene.String(required=True)
    messages = graphene.List(graphene.NonNull(graphene.String), required=True)


class CreateReview(graphene.Mutation):
    """Add a review to a book (logged-in users only); invalid input comes back in `errors`."""

    class Arguments:
        book = graphene.ID(required=True)
        rating = graphene.Int(required=True)
        body = graphene.String(default_value="")

    review = graphene.Field(ReviewType)
    errors = graphene.List(graphene.NonNull(FieldError), required=True)

    def mutate(root, info, book, rating, body):
        # info.context is the request; the view set request.user from the bearer token.
        if not info.context.user.is_authenticated:
            raise GraphQLError(
                "You must be logged in to add a review.",
                extensions={"code": "UNAUTHENTICATED"},
            )
        form = ReviewForm(data={"book": book, "rating": rating, "body": body})
        if not form.is_valid():
            errors = [
                FieldError(field=field, messages=messages)
                for field, messages in form.errors.items()
            ]
            return CreateReview(review=None, errors=errors)
        return CreateReview(review=form.save(), errors=[])


class Mutation(graphene.ObjectType):
    create_review = CreateReview.Field()
# --8<-- [end:mutation]


# --8<-- [start:schema]
schema = graphene.Schema(query=Query, mutation=Mutation)
naive_schema = graphene.Schema(query=NaiveQuery)
# --8<-- [end:schema]

# --8<-- [start:validation_rules]
# A view's validation_rules replace graphql-core's standard ones: keep those, add a limit.
validation_rules = (*specified_rules, depth_limit_validator(max_depth=5))
# Outside development, also refuse __schema and __type. This graphql-core rule still
# allows __typename, which Apollo Client adds to every query; graphene's
# DisableIntrospection refuses __typename too.
production_validation_rules = (*validation_rules, NoSchemaIntrospectionCustomRule)
# --8<-- [end:validation_rules]
