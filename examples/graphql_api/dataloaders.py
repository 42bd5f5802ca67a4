"""The DataLoader pattern: batch the lookups of many resolvers into one query.

graphene's ``DataLoader`` is built on asyncio, so it only batches when the schema runs with
``execute_async``. graphene-django 3.2's ``GraphQLView`` executes synchronously, which is
why this module has its own small schema and an async entry point instead of a URL.
"""

from collections import defaultdict
from types import SimpleNamespace

import graphene
from catalog.models import Book, Review
from graphene.utils.dataloader import DataLoader


# --8<-- [start:loader]
class ReviewsByBookLoader(DataLoader):
    """Collect the book IDs asked for in one turn of the event loop, then run one query."""

    async def batch_load_fn(self, book_ids):
        reviews = defaultdict(list)
        async for review in Review.objects.filter(book_id__in=book_ids):
            reviews[review.book_id].append(review)
        # The DataLoader contract: one result per key, in the order of the keys.
        return [reviews[book_id] for book_id in book_ids]
# --8<-- [end:loader]


# --8<-- [start:resolvers]
class LoadedReview(graphene.ObjectType):
    class Meta:
        name = "Review"

    rating = graphene.Int(required=True)
    body = graphene.String(required=True)


class LoadedBook(graphene.ObjectType):
    class Meta:
        name = "Book"

    title = graphene.String(required=True)
    reviews = graphene.List(graphene.NonNull(LoadedReview), required=True)

    async def resolve_reviews(book, info):
        # Does not query: queues the key and waits for the batch.
        return await info.context.reviews_by_book.load(book.pk)


class LoaderQuery(graphene.ObjectType):
    books = graphene.List(graphene.NonNull(LoadedBook), required=True)

    async def resolve_books(root, info):
        return [book async for book in Book.objects.all()]


loader_schema = graphene.Schema(query=LoaderQuery)


async def execute_with_loaders(document: str, variables: dict | None = None):
    """Run a document against ``loader_schema`` with fresh loaders for this one request.

    Args:
        document: The GraphQL query text.
        variables: Values for the document's variables, if it has any.

    Returns:
        graphene's ``ExecutionResult``, with ``data`` and ``errors``.

    """
    # A new loader per request: its cache must never serve one user's data to another.
    context = SimpleNamespace(reviews_by_book=ReviewsByBookLoader())
    return await loader_schema.execute_async(
        document, variable_values=variables, context_value=context
    )
# --8<-- [end:resolvers]
