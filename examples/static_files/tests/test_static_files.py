"""collectstatic as the image runs it, then WhiteNoise serving the result with DEBUG off."""

import functools
import json
import os
import re
import subprocess
import sys

import pytest
from deploy.validate import DEPLOY
from django.conf import settings as django_settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.template import Context, Template
from django.test import Client
from troubleshooting.docker_checks import final_stage

from static_files.media import development_media_urls, save_upload

from .helpers import (
    EXAMPLES,
    collectstatic_step,
    image_environment,
    run_collectstatic,
    settings_for,
)

MANIFEST_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"
FOREVER = "max-age=315360000, public, immutable"


def read(response):
    """The body of a file response; reading it to the end closes the file."""
    return b"".join(response.streaming_content)


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    """A STATIC_ROOT filled by the image's own collectstatic step, once for this module."""
    static_root = tmp_path_factory.mktemp("staticfiles")
    # As in "docker build": no database is reachable, and collectstatic needs none.
    proc = run_collectstatic(static_root, DATABASE_URL="postgres://nexus:nexus@db:5432/nexus")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return static_root


@pytest.fixture(scope="module")
def manifest(collected):
    """staticfiles.json: each original name and its hashed copy."""
    return json.loads((collected / "staticfiles.json").read_text())["paths"]


@pytest.fixture
def production(settings, collected):
    """The image's static settings (DJANGO_STATIC_MANIFEST=true), DEBUG off, files collected."""
    image = settings_for(**image_environment(), DJANGO_STATIC_ROOT=str(collected))
    settings.STORAGES = image["STORAGES"]
    settings.STATIC_ROOT = image["STATIC_ROOT"]
    settings.DEBUG = False
    return settings


# --8<-- [start:test_settings]
def test_whitenoise_comes_right_after_the_security_middleware():
    middleware = django_settings.MIDDLEWARE
    security = middleware.index("django.middleware.security.SecurityMiddleware")
    assert middleware[security + 1] == "whitenoise.middleware.WhiteNoiseMiddleware"


def test_hashed_names_are_on_only_where_collectstatic_runs():
    # Development and the test suite: plain names, no manifest needed, no collectstatic.
    default = settings_for()["STORAGES"]["staticfiles"]["BACKEND"]
    assert default == "django.contrib.staticfiles.storage.StaticFilesStorage"
    # The image sets DJANGO_STATIC_MANIFEST=true and runs collectstatic while it is built.
    assert image_environment()["DJANGO_STATIC_MANIFEST"] == "true"
    assert settings_for(**image_environment())["STORAGES"]["staticfiles"]["BACKEND"] == (
        MANIFEST_STORAGE
    )
# --8<-- [end:test_settings]


# --8<-- [start:test_collectstatic]
def test_the_image_collects_hashed_and_compressed_copies(collected, manifest):
    assert collectstatic_step() == ["python", "manage.py", "collectstatic", "--noinput"]
    hashed = manifest["admin/css/base.css"]
    assert re.fullmatch(r"admin/css/base\.[0-9a-f]{12}\.css", hashed)
    for name in ("admin/css/base.css", hashed, hashed + ".gz"):
        assert (collected / name).is_file(), name
    # Every installed app's static folder is there: the admin, DRF's browsable API, GraphiQL.
    assert {"admin", "rest_framework", "graphene_django"} <= {
        path.name for path in collected.iterdir() if path.is_dir()
    }


def test_the_image_collects_after_the_code_arrives_and_before_root_is_dropped():
    _, stage = final_stage(DEPLOY / "Dockerfile")
    collect = next(i for i, (k, a) in enumerate(stage) if k == "RUN" and "collectstatic" in a)
    user = next(i for i, (k, _) in enumerate(stage) if k == "USER")
    assert stage.index(("COPY", ". .")) < collect < user
    # A laptop's own collected files stay out of the build context.
    ignored = (DEPLOY / "Dockerfile.dockerignore").read_text().splitlines()
    assert "staticfiles" in ignored
# --8<-- [end:test_collectstatic]


# --8<-- [start:test_serving]
def test_whitenoise_serves_hashed_files_cached_for_ever(production, collected, manifest):
    client = Client()  # a new client loads the middleware, so WhiteNoise reads STATIC_ROOT now
    for name in ("admin/css/base.css", "rest_framework/css/default.css"):
        response = client.get("/static/" + manifest[name])
        assert response.status_code == 200, name
        assert response["Cache-Control"] == FOREVER
        assert response["Content-Type"] == "text/css; charset=\"utf-8\""
        assert (collected / manifest[name]).read_bytes() == read(response)
    # The original name is served too, but cached for 60 seconds only: it can change.
    response = client.get("/static/admin/css/base.css")
    assert response.status_code == 200
    assert response["Cache-Control"] == "max-age=60, public"
    assert read(response).startswith(b"/*")


def test_browsers_that_accept_gzip_get_the_compressed_copy(production, manifest):
    url = "/static/" + manifest["admin/css/base.css"]
    response = Client().get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert response["Vary"] == "Accept-Encoding"
    assert read(response)[:2] == b"\x1f\x8b"  # the gzip signature


@pytest.mark.django_db
def test_pages_link_the_hashed_names(production, manifest):
    login = Client().get("/admin/login/").content.decode()
    assert f'href="/static/{manifest["admin/css/base.css"]}"' in login
    assert 'href="/static/admin/css/base.css"' not in login
    api = Client().get("/api/v1/books/", HTTP_ACCEPT="text/html").content.decode()
    assert f'href="/static/{manifest["rest_framework/css/default.css"]}"' in api
# --8<-- [end:test_serving]


# --8<-- [start:test_missing_manifest]
def test_a_name_missing_from_the_manifest_fails_the_page(production):
    template = Template('{% load static %}{% static "css/site.css" %}')
    missing = r"^Missing staticfiles manifest entry for 'css/site\.css'$"
    with pytest.raises(ValueError, match=missing):
        template.render(Context())


def test_without_collectstatic_every_page_that_links_a_static_file_fails(production, tmp_path):
    production.STATIC_ROOT = tmp_path  # an empty folder: collectstatic never ran here
    missing = r"^Missing staticfiles manifest entry for 'admin/css/base\.css'$"
    with pytest.raises(ValueError, match=missing):
        Client().get("/admin/login/")


def test_with_debug_on_the_same_storage_links_plain_names(production, tmp_path):
    # Why it works on a laptop: with DEBUG on, the manifest storage does not look names up.
    production.STATIC_ROOT = tmp_path
    production.DEBUG = True
    rendered = Template('{% load static %}{% static "css/site.css" %}').render(Context())
    assert rendered == "/static/css/site.css"


def test_collectstatic_needs_a_static_root(settings):
    settings.STATIC_ROOT = None
    with pytest.raises(ImproperlyConfigured) as error:
        call_command("collectstatic", interactive=False, verbosity=0)
    assert str(error.value) == (
        "You're using the staticfiles app without having set the STATIC_ROOT setting to a "
        "filesystem path."
    )
# --8<-- [end:test_missing_manifest]


# --8<-- [start:test_media]
def test_uploads_go_to_media_root_and_whitenoise_does_not_serve_them(production, tmp_path):
    production.MEDIA_ROOT = tmp_path / "media"
    url = save_upload("avatars/ada.txt", b"an upload")
    assert url == "/media/avatars/ada.txt"
    assert (tmp_path / "media" / "avatars" / "ada.txt").read_bytes() == b"an upload"
    # DEBUG off: no URL pattern and no middleware serves MEDIA_URL.
    assert development_media_urls() == []
    assert Client().get(url).status_code == 404


def test_the_development_helper_serves_uploads_only_with_debug_on(settings, tmp_path, rf):
    settings.MEDIA_ROOT = tmp_path
    settings.DEBUG = True
    url = save_upload("avatars/ada.txt", b"an upload")
    (pattern,) = development_media_urls()
    match = pattern.resolve(url.removeprefix("/"))
    response = match.func(rf.get(url), **match.kwargs)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"an upload"
    response.file_to_stream.close()
# --8<-- [end:test_media]


# --8<-- [start:test_old_setting]
OLD_STYLE = '''
from config.settings import *  # noqa: F403

del STORAGES  # noqa: F821  (as in a settings file written before Django 4.2)
STATICFILES_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"
'''
WHICH_STORAGE = (
    "import django; django.setup(); from django.core.files.storage import storages; "
    "print(type(storages['staticfiles']).__name__)"
)


def test_the_pre_4_2_setting_is_silently_ignored_by_django_5_2(tmp_path):
    (tmp_path / "old_style_settings.py").write_text(OLD_STYLE)
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    env["DJANGO_SETTINGS_MODULE"] = "old_style_settings"
    run = functools.partial(
        subprocess.run, cwd=EXAMPLES, env=env, capture_output=True, text=True, timeout=120
    )
    used = run([sys.executable, "-c", WHICH_STORAGE], check=True)
    assert used.stdout.strip() == "StaticFilesStorage"  # not the manifest storage it names
    check = run([sys.executable, "manage.py", "check"], check=False)
    assert check.returncode == 0  # and no check warns about it
    assert check.stdout.strip() == "System check identified no issues (0 silenced)."
# --8<-- [end:test_old_setting]
