"""Async Django views: when they help (waiting on several services) and the ORM rules."""

import asyncio

from asgiref.sync import sync_to_async
from catalog.models import Book
from django.http import HttpRequest, JsonResponse
from django.shortcuts import aget_object_or_404

from .async_examples import fetch_price


# --8<-- [start:broken_view]
async def book_count_broken(request: HttpRequest) -> JsonResponse:
    """Calls the synchronous ORM from async code: Django refuses."""
    return JsonResponse({"books": Book.objects.count()})
# --8<-- [end:broken_view]


# --8<-- [start:fixed_views]
async def book_count(request: HttpRequest) -> JsonResponse:
    """Django's async ORM methods start with an "a": acount(), aget(), afirst()..."""
    return JsonResponse({"books": await Book.objects.acount()})


async def book_detail(request: HttpRequest, pk: int) -> JsonResponse:
    """aget_object_or_404() plus select_related(), so book.author needs no second (sync) query."""
    book = await aget_object_or_404(Book.objects.select_related("author"), pk=pk)
    return JsonResponse({"title": book.title, "author": book.author.name})


def _titles_by(author_name: str) -> list[str]:
    """Plain synchronous ORM code, for example an existing helper you cannot rewrite."""
    return list(Book.objects.filter(author__name=author_name).values_list("title", flat=True))


async def titles_by_author(request: HttpRequest, name: str) -> JsonResponse:
    """Run synchronous ORM code from an async view in a thread with sync_to_async()."""
    titles = await sync_to_async(_titles_by)(name)
    return JsonResponse({"author": name, "titles": titles})
# --8<-- [end:fixed_views]


# --8<-- [start:gather_view]
async def price_board(request: HttpRequest) -> JsonResponse:
    """Ask three slow services at once: the response takes as long as the slowest one."""
    products = ["keyboard", "mouse", "monitor"]
    prices = await asyncio.gather(*(fetch_price(p, 0.2) for p in products))
    return JsonResponse(dict(prices))
# --8<-- [end:gather_view]
