"""access_nested_map tested with the standard library's unittest (pytest runs these too)."""

# The repository's ruff settings prefer pytest style (rules PT009, PT027); this file shows
# the unittest style on purpose.
# ruff: noqa: PT009, PT027

# --8<-- [start:unittest]
import unittest

from python_basics.utils import access_nested_map


class TestAccessNestedMap(unittest.TestCase):
    def setUp(self):
        # Runs before every test method: each test gets a fresh dictionary.
        self.config = {"database": {"engine": "postgresql", "port": 5432}}

    def test_follows_the_path(self):
        cases = [
            (["database"], {"engine": "postgresql", "port": 5432}),
            (["database", "port"], 5432),
        ]
        for path, expected in cases:
            with self.subTest(path=path):
                self.assertEqual(access_nested_map(self.config, path), expected)

    def test_missing_key_raises_key_error(self):
        with self.assertRaises(KeyError) as cm:
            access_nested_map(self.config, ["database", "user"])
        self.assertEqual(cm.exception.args, ("user",))

    def test_cannot_go_below_a_leaf(self):
        with self.assertRaises(KeyError):
            access_nested_map(self.config, ["database", "port", "number"])


if __name__ == "__main__":
    unittest.main()
# --8<-- [end:unittest]
