"""The manifests wire config, secrets, probes, resources and scaling to each other correctly."""

import re

import pytest
import yaml
from django.urls import resolve
from gunicorn.config import Config

from deploy.validate import DEPLOY

K8S = DEPLOY / "k8s"
SETTINGS_VARIABLES = {
    "DATABASE_URL", "CACHE_URL", "CELERY_BROKER_URL",
    "DJANGO_SECRET_KEY", "DJANGO_DEBUG", "DJANGO_ALLOWED_HOSTS",
}


def load(name):
    path = DEPLOY / name if name == "secret.example.yaml" else K8S / name
    return yaml.safe_load(path.read_text())


@pytest.fixture(scope="module")
def deployment():
    return load("deployment.yaml")


@pytest.fixture(scope="module")
def container(deployment):
    (web,) = deployment["spec"]["template"]["spec"]["containers"]
    return web


def test_config_and_secret_together_provide_every_setting():
    config = load("configmap.yaml")["data"]
    secret = load("secret.example.yaml")["stringData"]
    assert SETTINGS_VARIABLES <= set(config) | set(secret)
    # Credentials live only in the Secret.
    assert {"DJANGO_SECRET_KEY", "DATABASE_URL", "CELERY_BROKER_URL"} <= set(secret)
    assert not set(config) & set(secret)
    assert all(not re.search(r"://[^/@]+:[^/@]+@", value) for value in config.values())


@pytest.mark.parametrize("manifest", ["deployment.yaml", "migrate-job.yaml"])
def test_pods_read_the_config_map_and_the_secret(manifest):
    (pod_container,) = load(manifest)["spec"]["template"]["spec"]["containers"]
    refs = pod_container["envFrom"]
    assert {"configMapRef": {"name": load("configmap.yaml")["metadata"]["name"]}} in refs
    assert {"secretRef": {"name": load("secret.example.yaml")["metadata"]["name"]}} in refs


@pytest.mark.parametrize("manifest", ["deployment.yaml", "migrate-job.yaml"])
def test_every_container_has_requests_and_limits(manifest):
    for pod_container in load(manifest)["spec"]["template"]["spec"]["containers"]:
        resources = pod_container["resources"]
        assert set(resources["requests"]) == {"cpu", "memory"}
        assert set(resources["limits"]) == {"cpu", "memory"}


def test_probes_hit_real_endpoints_with_an_allowed_host(container):
    allowed = load("configmap.yaml")["data"]["DJANGO_ALLOWED_HOSTS"].split(",")
    names = {}
    for probe in ("livenessProbe", "readinessProbe"):
        http = container[probe]["httpGet"]
        names[probe] = resolve(http["path"], urlconf="deploy.urls").url_name
        assert http["port"] == container["ports"][0]["name"]
        headers = {h["name"]: h["value"] for h in http["httpHeaders"]}
        assert headers["Host"] in allowed
    assert names == {"livenessProbe": "healthz", "readinessProbe": "readyz"}


def test_readiness_gives_up_long_before_liveness_restarts(container):
    def seconds_to_fail(probe):
        return probe["periodSeconds"] * probe["failureThreshold"]

    readiness, liveness = container["readinessProbe"], container["livenessProbe"]
    # A stuck or overloaded pod loses its traffic first and is restarted only if it stays so.
    assert seconds_to_fail(readiness) < seconds_to_fail(liveness)
    assert all(probe["timeoutSeconds"] < probe["periodSeconds"] for probe in (readiness, liveness))


def test_the_container_port_is_the_one_gunicorn_binds(container):
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    port = re.search(r'"--bind", "0\.0\.0\.0:(\d+)"', dockerfile).group(1)
    assert container["ports"][0]["containerPort"] == int(port)


def test_rolling_updates_never_drop_below_the_desired_count(deployment):
    strategy = deployment["spec"]["strategy"]
    assert strategy["type"] == "RollingUpdate"
    assert strategy["rollingUpdate"] == {"maxSurge": 1, "maxUnavailable": 0}


def test_the_service_selects_the_pods_and_targets_the_named_port(deployment, container):
    service = load("service.yaml")
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert service["spec"]["selector"].items() <= labels.items()
    assert deployment["spec"]["selector"]["matchLabels"].items() <= labels.items()
    assert service["spec"]["ports"][0]["targetPort"] in {p["name"] for p in container["ports"]}


def test_the_autoscaler_targets_the_deployment_and_needs_cpu_requests(deployment, container):
    hpa = load("hpa.yaml")["spec"]
    assert hpa["scaleTargetRef"] == {
        "apiVersion": "apps/v1", "kind": "Deployment", "name": deployment["metadata"]["name"],
    }
    # The autoscaler owns the count: a replicas field would reset it on every apply.
    assert "replicas" not in deployment["spec"]
    assert 2 <= hpa["minReplicas"] <= hpa["maxReplicas"]
    # CPU utilisation is measured against the request, so the request must exist.
    assert hpa["metrics"][0]["resource"]["name"] == "cpu"
    assert "cpu" in container["resources"]["requests"]


def test_old_pods_keep_serving_until_the_load_balancers_have_moved_on(deployment, container):
    pod = deployment["spec"]["template"]["spec"]
    pause = container["lifecycle"]["preStop"]["sleep"]["seconds"]
    # Gunicorn's default (the Dockerfile does not change it): after SIGTERM, workers get this
    # long to finish their requests.
    gunicorn_graceful_timeout = Config().graceful_timeout
    assert "--graceful-timeout" not in (DEPLOY / "Dockerfile").read_text()
    assert pause > 0
    assert pod["terminationGracePeriodSeconds"] > pause + gunicorn_graceful_timeout


@pytest.mark.parametrize("manifest", ["deployment.yaml", "migrate-job.yaml"])
def test_pods_run_restricted(manifest):
    # What the restricted Pod Security Standard requires, plus two extras: a read-only root
    # filesystem, and no API token for an app that never calls the Kubernetes API.
    pod = load(manifest)["spec"]["template"]["spec"]
    assert pod["automountServiceAccountToken"] is False
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert pod["securityContext"]["seccompProfile"] == {"type": "RuntimeDefault"}
    for pod_container in pod["containers"]:
        context = pod_container["securityContext"]
        assert context["allowPrivilegeEscalation"] is False
        assert context["capabilities"] == {"drop": ["ALL"]}
        assert context["readOnlyRootFilesystem"] is True
    assert all(set(volume) <= {"name", "emptyDir"} for volume in pod.get("volumes", []))


def test_run_as_non_root_can_be_verified_and_tmp_is_writable(deployment, container):
    pod = deployment["spec"]["template"]["spec"]
    assert pod["securityContext"]["runAsNonRoot"] is True
    # The kubelet can only verify runAsNonRoot when the image's USER is numeric.
    user = re.findall(r"^USER (\S+)", (DEPLOY / "Dockerfile").read_text(), flags=re.M)[-1]
    assert user.split(":")[0].isdigit()
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    mounts = {m["mountPath"]: m["name"] for m in container["volumeMounts"]}
    volumes = {v["name"]: v for v in pod["volumes"]}
    assert "emptyDir" in volumes[mounts["/tmp"]]


def test_the_job_migrates_with_the_same_image(deployment):
    job = load("migrate-job.yaml")["spec"]["template"]["spec"]
    (migrate,) = job["containers"]
    assert migrate["command"] == ["python", "manage.py", "migrate", "--noinput"]
    assert migrate["image"] == deployment["spec"]["template"]["spec"]["containers"][0]["image"]
    assert job["restartPolicy"] == "Never"
