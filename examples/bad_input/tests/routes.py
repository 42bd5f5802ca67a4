"""Every route of the project's URLconf, as a URL template with its parameters and its view."""

from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver
from django.utils.regex_helper import normalize
from rest_framework.views import APIView


@dataclass(frozen=True)
class Route:
    template: str  # "/stays/api/bookings/%(pk)s/cancel/"
    params: tuple[str, ...]  # ("pk",)
    pattern: URLPattern

    @property
    def view_class(self) -> type | None:
        return getattr(self.pattern.callback, "cls", None)

    @property
    def is_drf(self) -> bool:
        return isinstance(self.view_class, type) and issubclass(self.view_class, APIView)

    @property
    def actions(self) -> dict[str, str]:
        """The viewset's method-to-action map of this route, ``{}`` for other views."""
        return getattr(self.pattern.callback, "actions", None) or {}

    @property
    def has_format_suffix(self) -> bool:
        return "format" in self.params

    def url(self, **values: str) -> str:
        return self.template % values

    def __str__(self) -> str:
        return self.template


def _walk(resolver: URLResolver, prefix: str = ""):
    for entry in resolver.url_patterns:
        regex = prefix + entry.pattern.regex.pattern.removeprefix("^")
        if isinstance(entry, URLResolver):
            yield from _walk(entry, regex)
        else:
            yield regex, entry


def all_routes(skip_prefixes: tuple[str, ...] = ()) -> list[Route]:
    """One ``Route`` per URL pattern, in URLconf order, with the prefixes of its includes.

    ``normalize()`` is what ``reverse()`` uses to turn a pattern back into a URL: it gives
    a format string with one ``%(name)s`` per named group or path converter.
    """
    routes = []
    for regex, pattern in _walk(get_resolver()):
        template, params = normalize(regex)[0]
        template = "/" + template
        if not template.startswith(skip_prefixes):
            routes.append(Route(template, tuple(params), pattern))
    return routes
