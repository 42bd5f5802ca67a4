"""A tiny GitHub organization client, written to be tested without the network.

Every HTTP call goes through :func:`python_basics.utils.get_json`, imported into this
module, so tests patch ``python_basics.client.get_json`` (where it is *used*, not where it
is defined).
"""

from functools import cached_property
from typing import Any

from .utils import access_nested_map, get_json


# --8<-- [start:client]
class GithubOrgClient:
    """Read an organization's public repositories from the GitHub REST API."""

    ORG_URL = "https://api.github.com/orgs/{org}"

    def __init__(self, org_name: str) -> None:
        """Remember which organization to read; nothing is fetched yet."""
        self.org_name = org_name

    @cached_property
    def org(self) -> dict[str, Any]:
        """The organization's JSON document, fetched once and then cached."""
        return get_json(self.ORG_URL.format(org=self.org_name))

    @property
    def repos_url(self) -> str:
        """The URL that lists the organization's public repositories."""
        return self.org["repos_url"]

    def public_repos(self, license_key: str | None = None) -> list[str]:
        """Names of the public repositories, optionally only those under one license.

        Args:
            license_key: A license key such as ``"mit"``; None keeps every repository.

        Returns:
            Repository names in the order the API returns them.

        """
        repos = get_json(self.repos_url)
        return [
            repo["name"]
            for repo in repos
            if license_key is None or self.has_license(repo, license_key)
        ]

    @staticmethod
    def has_license(repo: dict[str, Any], license_key: str) -> bool:
        """Whether a repository's JSON says it uses the given license.

        Args:
            repo: One repository as the API returns it.
            license_key: The license key to look for, such as ``"apache-2.0"``.

        Returns:
            True when ``repo["license"]["key"]`` equals ``license_key``.

        """
        try:
            return access_nested_map(repo, ("license", "key")) == license_key
        except KeyError:
            return False
# --8<-- [end:client]
