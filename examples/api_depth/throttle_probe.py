"""Send a few requests from a fresh process and print their status codes, as JSON.

Usage (from examples/): ``python -m api_depth.throttle_probe PATH COUNT CLIENT_IP``. The
throttling tests start it to see what a second server process sees: the settings come from
DJANGO_SETTINGS_MODULE, the cache from CACHE_URL, as in any process of the project.
"""

import json
import os
import sys


def main(argv: list[str]) -> None:
    path, count, client_ip = argv[1], int(argv[2]), argv[3]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.test import Client

    client = Client(REMOTE_ADDR=client_ip)
    print(json.dumps([client.get(path).status_code for _ in range(count)]))


if __name__ == "__main__":
    main(sys.argv)
