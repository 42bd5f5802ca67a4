"""The challenge "static files answer 404 with DEBUG = False", on a real runserver.

Each test starts ``manage.py runserver`` on a free loopback port and requests the admin's
stylesheet and one of DRF's browsable-API assets, before (no WhiteNoise) and after the fix.
"""

import json
import re

from .helpers import OUTPUTS, get, image_environment, run_collectstatic, runserver

ADMIN_CSS = "/static/admin/css/base.css"
DRF_CSS = "/static/rest_framework/css/bootstrap.min.css"
BEFORE = "static_files.settings_without_whitenoise"
TIMESTAMP = re.compile(r"^\[\d\d/\w{3}/\d{4} \d\d:\d\d:\d\d\] ")


def shown(lines):
    """Log lines without runserver's timestamp, which changes every second."""
    return [TIMESTAMP.sub("[...] ", line) for line in lines]


# --8<-- [start:test_before]
def test_before_debug_off_the_pages_load_and_their_static_files_are_404():
    log = []
    with runserver(log, DJANGO_SETTINGS_MODULE=BEFORE, DJANGO_DEBUG="false") as url:
        status, _, login = get(url + "/admin/login/")
        assert status == 200
        assert f'href="{ADMIN_CSS}"'.encode() in login  # the page links its CSS ...
        assert get(url + ADMIN_CSS)[0] == 404  # ... and nothing serves it
        assert get(url + DRF_CSS)[0] == 404
    expected = (OUTPUTS / "static_404.txt").read_text().splitlines()
    assert shown(expected) == shown([line for line in log if ADMIN_CSS in line])


def test_before_debug_on_runserver_serves_them_which_hides_the_problem():
    log = []
    with runserver(log, DJANGO_SETTINGS_MODULE=BEFORE, DJANGO_DEBUG="true") as url:
        assert get(url + ADMIN_CSS)[0] == 200
        assert get(url + DRF_CSS)[0] == 200
# --8<-- [end:test_before]


# --8<-- [start:test_half_fix]
def test_whitenoise_without_collectstatic_still_answers_404(tmp_path):
    never_collected = tmp_path / "staticfiles"
    log = []
    with runserver(log, DJANGO_DEBUG="false", DJANGO_STATIC_ROOT=str(never_collected)) as url:
        assert get(url + ADMIN_CSS)[0] == 404
    warning = next(line for line in log if "No directory at" in line)
    # Shown on the page as the image would print it, with STATIC_ROOT at /app/staticfiles.
    shown_warning = re.sub(r"^.*?: UserWarning", "UserWarning", warning).replace(
        f"{never_collected}/", "/app/staticfiles/"
    )
    assert shown_warning == (OUTPUTS / "whitenoise_no_directory.txt").read_text().strip()
# --8<-- [end:test_half_fix]


# --8<-- [start:test_after]
def test_after_collectstatic_and_whitenoise_serve_them_with_debug_off(tmp_path):
    static_root = tmp_path / "staticfiles"
    collect = run_collectstatic(static_root)  # the image's RUN step, with the image's ENV
    assert collect.returncode == 0, collect.stdout + collect.stderr
    hashed = json.loads((static_root / "staticfiles.json").read_text())["paths"]
    environment = {**image_environment(), "DJANGO_STATIC_ROOT": str(static_root)}
    log = []
    with runserver(log, DJANGO_DEBUG="false", **environment) as url:
        _, _, login = get(url + "/admin/login/")
        assert f'href="/static/{hashed["admin/css/base.css"]}"'.encode() in login
        status, headers, _ = get(url + "/static/" + hashed["admin/css/base.css"])
        assert status == 200
        assert headers["Cache-Control"] == "max-age=315360000, public, immutable"
        assert get(url + DRF_CSS)[0] == 200
    assert not [line for line in log if '" 404 ' in line]
# --8<-- [end:test_after]

