"""XSS in Django terms: autoescaping, |safe and mark_safe."""

from django.template import Context, Engine
from django.utils.html import format_html
from django.utils.safestring import mark_safe

ENGINE = Engine()

# --8<-- [start:templates]
ESCAPED = ENGINE.from_string("<p>{{ comment }}</p>")
UNSAFE = ENGINE.from_string("<p>{{ comment|safe }}</p>")


def render_comment(comment: str, *, trust_it: bool = False) -> str:
    """Render a user's comment; ``trust_it=True`` switches autoescaping off (don't)."""
    template = UNSAFE if trust_it else ESCAPED
    return template.render(Context({"comment": comment}))
# --8<-- [end:templates]


# --8<-- [start:mark_safe]
def greeting_unsafe(name: str) -> str:
    """WRONG: mark_safe() on a string built from user input lets their HTML through."""
    return mark_safe(f"<strong>Hello, {name}</strong>")  # noqa: S308


def greeting_safe(name: str) -> str:
    """Right: format_html() escapes every argument and marks only the template as safe."""
    return format_html("<strong>Hello, {}</strong>", name)
# --8<-- [end:mark_safe]
