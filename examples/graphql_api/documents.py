"""Read the GraphQL documents in ``queries/``: the tests run them, the page shows them."""

from pathlib import Path

QUERIES_DIR = Path(__file__).resolve().parent / "queries"


def load_document(name: str) -> str:
    """Return the text of ``queries/<name>.graphql``.

    Args:
        name: The file name without its ``.graphql`` extension.

    Returns:
        The GraphQL document, ready for ``schema.execute()`` or an HTTP request body.

    """
    return (QUERIES_DIR / f"{name}.graphql").read_text(encoding="utf-8")


def document_names() -> list[str]:
    """Return the name of every ``.graphql`` file in ``queries/``, sorted."""
    return sorted(path.stem for path in QUERIES_DIR.glob("*.graphql"))
