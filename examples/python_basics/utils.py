"""Small helpers for the API client: fetch JSON over HTTP and read nested dictionaries.

The shape follows a classic exercise of the program (``utils.py`` next to ``client.py``):
the client never talks to the network itself, it calls :func:`get_json`, so a test can
replace that one function with a mock.
"""

from collections.abc import Mapping, Sequence
from typing import Any

import requests

# --8<-- [start:get_json]
TIMEOUT_SECONDS = 10


def get_json(url: str) -> Any:
    """GET a URL and return its decoded JSON body.

    Args:
        url: The address to fetch.

    Returns:
        The parsed JSON (a dict or a list, usually).

    Raises:
        requests.HTTPError: If the server answers with a 4xx or 5xx status.

    """
    response = requests.get(url, timeout=TIMEOUT_SECONDS)
    response.raise_for_status()
    return response.json()
# --8<-- [end:get_json]


# --8<-- [start:access_nested_map]
def access_nested_map(nested_map: Mapping[str, Any], path: Sequence[str]) -> Any:
    """Follow a path of keys into nested mappings.

    Args:
        nested_map: The outer mapping, for example a decoded JSON object.
        path: The keys to follow, outermost first.

    Returns:
        The value at the end of the path.

    Raises:
        KeyError: If a key is missing or a value on the way is not a mapping.

    Example:
        >>> access_nested_map({"a": {"b": 2}}, ["a", "b"])
        2

    """
    value: Any = nested_map
    for key in path:
        if not isinstance(value, Mapping):
            raise KeyError(key)
        value = value[key]
    return value
# --8<-- [end:access_nested_map]
