"""The Compose file starts the app only after healthy backing services, with data in volumes."""

from urllib.parse import urlsplit

import environ
import pytest
import yaml

from deploy.validate import DEPLOY

BACKING = ("postgres", "redis", "rabbitmq")


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text())


@pytest.fixture(scope="module")
def services(compose):
    return compose["services"]


def built_from_our_dockerfile(service):
    build = service.get("build")
    return build is not None and (DEPLOY / build["context"] / build["dockerfile"]).resolve() == (
        DEPLOY / "Dockerfile"
    ).resolve()


def test_every_backing_service_has_a_healthcheck(services):
    for name in BACKING:
        assert services[name]["healthcheck"]["test"], name


@pytest.mark.parametrize("app", ["web", "worker"])
def test_the_app_waits_for_healthy_services_and_finished_migrations(services, app):
    depends_on = services[app]["depends_on"]
    for name in BACKING:
        assert depends_on[name] == {"condition": "service_healthy"}, (app, name)
    assert depends_on["migrate"] == {"condition": "service_completed_successfully"}
    assert services["migrate"]["depends_on"]["postgres"] == {"condition": "service_healthy"}


def test_every_service_waited_on_as_healthy_can_become_healthy(services):
    dockerfile_has_healthcheck = "HEALTHCHECK" in (DEPLOY / "Dockerfile").read_text()
    for service in services.values():
        for name, rule in service.get("depends_on", {}).items():
            if rule["condition"] == "service_healthy":
                target = services[name]
                assert "healthcheck" in target or (
                    built_from_our_dockerfile(target) and dockerfile_has_healthcheck
                ), name


def test_the_worker_replaces_the_http_healthcheck(services):
    # The image's HEALTHCHECK calls /healthz; a Celery worker serves no HTTP.
    test = services["worker"]["healthcheck"]["test"]
    assert "inspect ping" in test[1]
    assert "healthz" not in test[1]


def test_data_lives_in_named_volumes(compose, services):
    declared = set(compose["volumes"])
    for name in BACKING:
        mounts = services[name]["volumes"]
        volume = mounts[0].split(":")[0]
        assert volume in declared, name
    assert declared == {"postgres-data", "redis-data", "rabbitmq-data"}


def test_the_three_django_processes_share_one_image(services):
    images = {services[name]["image"] for name in ("migrate", "web", "worker")}
    assert len(images) == 1
    assert all(built_from_our_dockerfile(services[n]) for n in ("migrate", "web", "worker"))


def test_urls_point_at_compose_services_and_parse_as_settings_do(services):
    env = services["web"]["environment"]
    assert environ.Env.db_url_config(env["DATABASE_URL"])["ENGINE"] == (
        "django.db.backends.postgresql"
    )
    assert environ.Env.cache_url_config(env["CACHE_URL"])["BACKEND"] == (
        "django.core.cache.backends.redis.RedisCache"
    )
    for key in ("DATABASE_URL", "CACHE_URL", "REDIS_URL", "CELERY_BROKER_URL"):
        host = urlsplit(env[key]).hostname
        assert host in BACKING, (key, host)  # a service's name is its hostname
    assert urlsplit(env["CELERY_BROKER_URL"]).scheme == "amqp"


def test_the_healthcheck_host_is_allowed(services):
    # The image's HEALTHCHECK requests http://127.0.0.1:8000/healthz.
    allowed = services["web"]["environment"]["DJANGO_ALLOWED_HOSTS"].split(",")
    assert "127.0.0.1" in allowed
    assert services["web"]["ports"] == ["8000:8000"]


def test_the_dev_bind_mount_does_not_hide_the_installed_packages():
    dev = yaml.safe_load((DEPLOY / "compose.dev.yaml").read_text())
    for volume in dev["services"]["web"]["volumes"]:
        assert volume["type"] == "bind"
        target = volume["target"].rstrip("/")
        assert not "/opt/venv".startswith(target + "/")
        assert target != "/opt/venv"
        assert (DEPLOY / volume["source"]).resolve() == DEPLOY.parent.resolve()
