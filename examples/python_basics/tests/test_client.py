"""GithubOrgClient and get_json tested with unittest.mock: no request leaves the machine."""

import sys
from unittest.mock import Mock, PropertyMock, patch

import pytest
import requests

from python_basics.client import GithubOrgClient
from python_basics.utils import TIMEOUT_SECONDS, get_json

REPOS = [
    {"name": "episodes", "license": {"key": "mit"}},
    {"name": "kratu", "license": {"key": "apache-2.0"}},
    {"name": "dagger", "license": None},
    {"name": "truth"},
]


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Fail loudly if any test forgets a mock and reaches for the real requests.get."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"a test tried to use the network: {args}")

    monkeypatch.setattr(requests, "get", refuse)


# --8<-- [start:mock_get_json]
def test_get_json_returns_the_decoded_body():
    payload = {"login": "google", "repos_url": "https://api.github.com/orgs/google/repos"}
    with patch("python_basics.utils.requests.get") as mock_get:
        mock_get.return_value.json.return_value = payload  # requests.get(...).json()

        assert get_json("https://api.github.com/orgs/google") == payload

    mock_get.assert_called_once_with("https://api.github.com/orgs/google", timeout=TIMEOUT_SECONDS)
# --8<-- [end:mock_get_json]


def test_get_json_raises_on_http_errors():
    response = Mock()
    response.raise_for_status.side_effect = requests.HTTPError("404 Client Error: Not Found")
    with patch("python_basics.utils.requests.get", return_value=response):
        with pytest.raises(requests.HTTPError, match="404"):
            get_json("https://api.github.com/orgs/no-such-org")
    response.json.assert_not_called()


# --8<-- [start:mock_client]
@pytest.mark.parametrize("org_name", ["google", "abc"])
def test_org_is_fetched_once(org_name):
    with patch("python_basics.client.get_json", return_value={"login": org_name}) as mock:
        client = GithubOrgClient(org_name)
        assert client.org == {"login": org_name}
        assert client.org == {"login": org_name}  # second access: served from the cache

    mock.assert_called_once_with(f"https://api.github.com/orgs/{org_name}")


def test_public_repos_filters_by_license():
    url = "https://api.github.com/orgs/google/repos"
    with (
        patch("python_basics.client.get_json", return_value=REPOS) as mock_get_json,
        patch.object(
            GithubOrgClient, "repos_url", new_callable=PropertyMock, return_value=url
        ) as mock_url,
    ):
        client = GithubOrgClient("google")
        assert client.public_repos() == ["episodes", "kratu", "dagger", "truth"]
        assert client.public_repos(license_key="apache-2.0") == ["kratu"]

    assert mock_get_json.call_count == 2
    mock_get_json.assert_called_with(url)
    assert mock_url.call_count == 2
# --8<-- [end:mock_client]


def test_repos_url_comes_from_the_org_document():
    org = {"repos_url": "https://api.github.com/orgs/google/repos"}
    with patch.object(GithubOrgClient, "org", new_callable=PropertyMock, return_value=org):
        assert GithubOrgClient("google").repos_url == org["repos_url"]


@pytest.mark.parametrize(
    ("repo", "license_key", "expected"),
    [
        ({"license": {"key": "my_license"}}, "my_license", True),
        ({"license": {"key": "other_license"}}, "my_license", False),
        ({"license": None}, "my_license", False),
        ({}, "my_license", False),
    ],
)
def test_has_license(repo, license_key, expected):
    assert GithubOrgClient.has_license(repo, license_key) is expected


# --8<-- [start:patch_where_used]
def test_patching_the_definition_does_not_reach_the_client():
    # client.py did `from .utils import get_json`, so it holds its own reference:
    # replacing python_basics.utils.get_json leaves python_basics.client.get_json alone.
    with patch("python_basics.utils.get_json", return_value={"login": "google"}):
        with pytest.raises(AssertionError, match="a test tried to use the network"):
            GithubOrgClient("google").public_repos()
# --8<-- [end:patch_where_used]


def test_autospec_rejects_calls_the_real_function_would_reject():
    with patch("python_basics.client.get_json", autospec=True) as mock:
        with pytest.raises(TypeError, match="too many positional arguments"):
            mock("https://example.com", 10)
    with patch("python_basics.client.get_json") as loose:
        loose("https://example.com", 10)  # a plain Mock accepts any call
        loose.assert_called_once_with("https://example.com", 10)


# --8<-- [start:assert_typo]
def test_a_missing_assert_prefix_checks_nothing_before_python_3_12():
    with patch("python_basics.client.get_json") as loose:
        GithubOrgClient("google").public_repos()
    if sys.version_info < (3, 12):
        # Not an assertion: a Mock invents the attribute `called_once_with` and calls it.
        assert loose.called_once_with("https://api.github.com/orgs/WRONG")
    else:
        # Python 3.12 added these names to the typos a plain Mock refuses.
        with pytest.raises(AttributeError, match="'called_once_with' is not a valid assertion"):
            loose.called_once_with("https://api.github.com/orgs/WRONG")

    with patch("python_basics.client.get_json", autospec=True) as strict:
        GithubOrgClient("google").public_repos()
    # With autospec the mock only has the real function's attributes.
    with pytest.raises(AttributeError, match="no attribute 'called_once_with'"):
        strict.called_once_with("https://api.github.com/orgs/WRONG")
# --8<-- [end:assert_typo]
