"""SQL injection in Django terms: string-built SQL versus parameters."""

from django.db import connection


# --8<-- [start:sql]
def book_ids_by_title_unsafe(title: str) -> list[int]:
    """WRONG: the title is pasted into the SQL text, so it can rewrite the query."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id FROM catalog_book WHERE title = '{title}'")  # noqa: S608
        return sorted(row[0] for row in cursor.fetchall())


def book_ids_by_title(title: str) -> list[int]:
    """Right: the driver sends the title as a value, never as SQL."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM catalog_book WHERE title = %s", [title])
        return sorted(row[0] for row in cursor.fetchall())
# --8<-- [end:sql]
