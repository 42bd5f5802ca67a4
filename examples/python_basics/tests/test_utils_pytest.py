"""The same access_nested_map tests written for pytest: a fixture, plain assert, parametrize."""

# --8<-- [start:pytest]
import pytest

from python_basics.utils import access_nested_map


@pytest.fixture
def config():
    # Requested by name: each test that lists `config` gets a fresh dictionary.
    return {"database": {"engine": "postgresql", "port": 5432}}


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (["database"], {"engine": "postgresql", "port": 5432}),
        (["database", "port"], 5432),
    ],
)
def test_follows_the_path(config, path, expected):
    assert access_nested_map(config, path) == expected


def test_missing_key_raises_key_error(config):
    with pytest.raises(KeyError) as excinfo:
        access_nested_map(config, ["database", "user"])
    assert excinfo.value.args == ("user",)


def test_cannot_go_below_a_leaf(config):
    with pytest.raises(KeyError):
        access_nested_map(config, ["database", "port", "number"])
# --8<-- [end:pytest]
