"""A stale hand-written sample breaks the frontend; examples checked against the schema cannot."""

import json
import subprocess

import pytest
from api.mock import BOOK_EXAMPLE
from deploy.validate import find_tool

from troubleshooting.api_contract import STALE_BOOK_EXAMPLE, contract_errors, openapi_schema

FRONTEND_CODE = "const book = {payload}; console.log(book.genres.map((g) => g.name).join(', '));"


@pytest.fixture(scope="module")
def schema():
    return openapi_schema()


def run_frontend(payload):
    """The frontend's rendering code, run by Node.js on a payload."""
    node = find_tool("node", "install Node.js 18 or newer")
    script = FRONTEND_CODE.format(payload=json.dumps(payload))
    return subprocess.run([node, "-e", script], capture_output=True, text=True, check=False)


def run_node(script: str) -> subprocess.CompletedProcess[str]:
    node = find_tool("node", "install Node.js 18 or newer")
    return subprocess.run([node, "-e", script], capture_output=True, text=True, check=False)


def test_code_written_for_the_stale_sample_misreads_the_real_payload():
    # The stale sample has a number price and a string author; the API sends a decimal
    # string ("29.90") and an object. Code written for the sample breaks on the real thing.
    code = "const book = {payload}; console.log(`by ${{book.author}}`); book.price.toFixed(2);"
    stale = run_node(code.format(payload=json.dumps(STALE_BOOK_EXAMPLE)))
    assert (stale.returncode, stale.stdout) == (0, "by Ada Lovelace\n")
    real = run_node(code.format(payload=json.dumps(BOOK_EXAMPLE)))
    assert real.stdout == "by [object Object]\n"
    assert "TypeError: book.price.toFixed is not a function" in real.stderr


# --8<-- [start:tests]
def test_the_stale_sample_breaks_the_frontend_and_the_real_example_does_not():
    broken = run_frontend(STALE_BOOK_EXAMPLE)
    assert broken.returncode == 1
    assert "TypeError: Cannot read properties of undefined (reading 'map')" in broken.stderr
    assert run_frontend(BOOK_EXAMPLE).stdout == "Backend, Python\n"


def test_the_schema_lists_every_way_the_stale_sample_is_wrong(schema):
    assert contract_errors(STALE_BOOK_EXAMPLE, "Book", schema) == [
        "(payload): 'genres' is a required property",
        "(payload): 'published' is a required property",
        "(payload): 'publisher' is a required property",
        "author: 'Ada Lovelace' is not of type 'object'",
        "price: 29.9 is not of type 'string'",
    ]


def test_the_documented_example_and_the_mock_conform_to_the_schema(schema, client):
    assert contract_errors(BOOK_EXAMPLE, "Book", schema) == []
    mock = client.get("/api/mock/books/7/").json()
    assert contract_errors(mock, "Book", schema) == []
# --8<-- [end:tests]
