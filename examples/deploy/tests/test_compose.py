"""The Compose file starts the app only after healthy backing services, with data in volumes."""

from urllib.parse import urlsplit

import environ
import pytest
import yaml
from config.celery import app as celery_app

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
    return (
        build is not None
        and (DEPLOY / build["context"] / build["dockerfile"]).resolve()
        == (DEPLOY / "Dockerfile").resolve()
    )


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


def test_the_django_processes_share_one_image(services):
    django = ("migrate", "web", "worker", "beat")
    images = {services[name]["image"] for name in django}
    assert len(images) == 1
    assert all(built_from_our_dockerfile(services[n]) for n in django)


def celery_commands(services, subcommand):
    """The commands of the services that run ``celery -A config <subcommand>``."""
    return {
        name: service["command"]
        for name, service in services.items()
        if service.get("command", [])[:4] == ["celery", "-A", "config", subcommand]
    }


def option_value(command, short, long):
    """The value of ``-X value``, ``-Xvalue``, ``--long value`` or ``--long=value``."""
    for i, arg in enumerate(command):
        if arg in (short, long):
            return command[i + 1]
        if arg.startswith(long + "="):
            return arg.split("=", 1)[1]
        if arg.startswith(short) and arg != short and not arg.startswith("--"):
            return arg[len(short) :]
    return None


# --8<-- [start:test_routed_queues]
def routed_queues():
    """Every queue a task can be sent to: the routes' queues and the default queue."""
    routes = celery_app.conf.task_routes
    assert isinstance(routes, dict), "this check reads routes written as a dict"
    return {route["queue"] for route in routes.values()} | {celery_app.conf.task_default_queue}


def test_the_workers_consume_every_routed_queue(services):
    # A task routed to a queue that no worker consumes waits there for ever, without an error.
    workers = celery_commands(services, "worker")
    assert workers, "no service runs a Celery worker"
    consumed = set()
    for command in workers.values():
        queues = option_value(command, "-Q", "--queues")
        # Without -Q a worker consumes the default queue only.
        consumed |= set(queues.split(",")) if queues else {celery_app.conf.task_default_queue}
    assert routed_queues() <= consumed, f"no worker consumes {routed_queues() - consumed}"


def test_one_beat_service_sends_the_schedule(services):
    beats = celery_commands(services, "beat")
    if not celery_app.conf.beat_schedule:
        return
    assert len(beats) == 1, "the beat schedule needs exactly one beat (two send everything twice)"
    (command,) = beats.values()
    # The image's code folder belongs to root; beat's default schedule file is created there.
    schedule = option_value(command, "-s", "--schedule")
    assert schedule is not None, "beat would write celerybeat-schedule into /app"
    assert schedule.startswith("/tmp/"), schedule
    beat = services[next(iter(beats))]
    assert beat["depends_on"]["rabbitmq"] == {"condition": "service_healthy"}
    assert beat["healthcheck"] == {"disable": True}  # no HTTP to answer the image's /healthz
# --8<-- [end:test_routed_queues]


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
