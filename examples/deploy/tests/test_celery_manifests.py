"""The worker and beat Deployments match the settings, the web pods and each other.

Offline, like test_kubernetes.py: the YAML is read and compared with the Celery settings
(``config.celery.app``) and with deployment.yaml. The last tests run the worker's liveness
probe command against a real worker on RabbitMQ, and skip without it.
"""

import shlex
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import yaml
from config.celery import app as celery_app

from deploy.tests.test_compose import option_value, routed_queues
from deploy.validate import DEPLOY
from tools.services import RABBITMQ

K8S = DEPLOY / "k8s"
EXAMPLES = DEPLOY.parent
OUTPUTS = DEPLOY / "outputs"


def load(name):
    return yaml.safe_load((K8S / name).read_text())


def pod_spec(name):
    return load(name)["spec"]["template"]["spec"]


def only_container(name):
    (container,) = pod_spec(name)["containers"]
    return container


def celery_deployments(subcommand):
    """The manifests whose container runs ``celery -A config <subcommand>``."""
    found = {}
    for path in sorted(K8S.glob("*.yaml")):
        for doc in yaml.safe_load_all(path.read_text()):
            if doc and doc.get("kind") == "Deployment":
                for container in doc["spec"]["template"]["spec"]["containers"]:
                    if container.get("command", [])[:4] == ["celery", "-A", "config", subcommand]:
                        found[path.name] = doc
    return found


# --8<-- [start:test_worker_queues]
def test_the_workers_consume_every_routed_queue():
    # The same rule as the Compose file's: a routed queue nobody consumes keeps its tasks.
    workers = celery_deployments("worker")
    assert workers, "no Deployment runs a Celery worker"
    consumed = set()
    for doc in workers.values():
        (container,) = doc["spec"]["template"]["spec"]["containers"]
        queues = option_value(container["command"], "-Q", "--queues")
        consumed |= set(queues.split(",")) if queues else {celery_app.conf.task_default_queue}
    assert routed_queues() <= consumed, f"no worker consumes {routed_queues() - consumed}"
# --8<-- [end:test_worker_queues]


# --8<-- [start:test_beat]
def test_exactly_one_beat_replaces_itself_before_it_starts_again():
    beats = celery_deployments("beat")
    if not celery_app.conf.beat_schedule:
        return
    assert list(beats) == ["beat.yaml"], "the schedule needs exactly one beat"
    spec = beats["beat.yaml"]["spec"]
    assert spec["replicas"] == 1  # two beats send every scheduled task twice
    assert spec["strategy"] == {"type": "Recreate"}  # a rolling update overlaps old and new
    assert load("hpa.yaml")["spec"]["scaleTargetRef"]["name"] != "nexus-beat"  # nor scaled


def test_beat_writes_its_schedule_to_the_empty_dir():
    beat, pod = only_container("beat.yaml"), pod_spec("beat.yaml")
    schedule = option_value(beat["command"], "-s", "--schedule")
    assert schedule is not None, "beat would write celerybeat-schedule into /app"
    assert beat["securityContext"]["readOnlyRootFilesystem"] is True
    mounts = {m["mountPath"]: m["name"] for m in beat["volumeMounts"]}
    folder = schedule.rsplit("/", 1)[0]
    volumes = {v["name"]: v for v in pod["volumes"]}
    assert "emptyDir" in volumes[mounts[folder]]
# --8<-- [end:test_beat]


def test_nothing_serves_the_worker_or_beat():
    # Workers and beat connect out to the broker; a Service selecting them would be empty
    # of ports and of purpose.
    service = load("service.yaml")
    for name in ("worker.yaml", "beat.yaml"):
        labels = load(name)["spec"]["template"]["metadata"]["labels"]
        assert not service["spec"]["selector"].items() <= labels.items(), name
        assert "ports" not in only_container(name)


@pytest.mark.parametrize("name", ["worker.yaml", "beat.yaml"])
def test_celery_pods_match_the_web_pods(name):
    web_pod, web = pod_spec("deployment.yaml"), only_container("deployment.yaml")
    pod, container = pod_spec(name), only_container(name)
    # One image and one configuration for every Django process.
    assert container["image"] == web["image"]
    assert container["envFrom"] == web["envFrom"]
    # The web pods' security settings, word for word.
    assert pod["securityContext"] == web_pod["securityContext"]
    assert pod["automountServiceAccountToken"] is False
    assert container["securityContext"] == web["securityContext"]
    assert all(set(volume) <= {"name", "emptyDir"} for volume in pod["volumes"])
    resources = container["resources"]
    assert set(resources["requests"]) == set(resources["limits"]) == {"cpu", "memory"}


def test_the_worker_sets_its_own_concurrency_and_prefetch():
    command = only_container("worker.yaml")["command"]
    # Without --concurrency, Celery starts one process per CPU of the node (test_operations).
    assert int(option_value(command, "-c", "--concurrency")) >= 1
    assert option_value(command, "-P", "--pool") in (None, "prefork")  # enforces time limits
    assert option_value(command, "--prefetch-multiplier", "--prefetch-multiplier") == "1"


def test_a_stopping_worker_has_time_to_finish_its_longest_task():
    celery_app.loader.import_default_modules()
    limits = [task.time_limit for name, task in celery_app.tasks.items()
              if name.startswith("tasks.") and task.time_limit]
    assert pod_spec("worker.yaml")["terminationGracePeriodSeconds"] > max(limits)


def probe_command():
    return only_container("worker.yaml")["livenessProbe"]["exec"]["command"]


def test_the_liveness_probe_pings_this_worker_only_and_has_time_to():
    probe = only_container("worker.yaml")["livenessProbe"]
    shell, flag, script = probe_command()
    assert (shell, flag) == ("sh", "-c")  # the shell expands $HOSTNAME
    words = shlex.split(script)
    assert words[:5] == ["celery", "-A", "config", "inspect", "ping"]
    assert option_value(words, "-d", "--destination") == "celery@$HOSTNAME"
    ping_timeout = float(option_value(words, "-t", "--timeout"))
    # The kubelet gives up on the command after timeoutSeconds (1 s unless set).
    assert probe["timeoutSeconds"] > ping_timeout
    assert probe["periodSeconds"] > probe["timeoutSeconds"]


# ---- The probe's command, run against a real worker ---------------------------------------

def run_probe(hostname: str) -> tuple[subprocess.CompletedProcess, float]:
    """Run the manifest's probe command as the kubelet would in the pod named ``hostname``."""
    env = {
        "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",  # celery, as in the image
        "HOSTNAME": hostname,
        "CELERY_BROKER_URL": RABBITMQ.url,
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    started = time.monotonic()
    proc = subprocess.run(
        probe_command(), cwd=EXAMPLES, env=env, capture_output=True, text=True, timeout=120
    )
    return proc, time.monotonic() - started


# --8<-- [start:test_probe]
@pytest.mark.rabbitmq
@pytest.mark.redis
def test_the_probe_passes_while_the_worker_answers_and_fails_when_it_does_not(
    rabbitmq_url, redis_url, monkeypatch
):
    from tasks.tests.live_worker import live_app, worker

    for name in ("CELERY_BROKER_URL", "CELERY_RESULT_BACKEND"):
        monkeypatch.delenv(name, raising=False)
    pod = f"nexus-worker-{uuid.uuid4().hex[:10]}"  # the pod's name is its hostname
    timeout = only_container("worker.yaml")["livenessProbe"]["timeoutSeconds"]
    with live_app(rabbitmq_url, redis_url) as app, worker(app, hostname=f"celery@{pod}"):
        alive, seconds = run_probe(pod)
    assert alive.returncode == 0, alive.stderr
    assert seconds < timeout  # Python, Django and Celery start well inside the timeout
    gone, _ = run_probe(pod)  # the same pod name, and no worker behind it any more
    assert gone.returncode == 69  # EX_UNAVAILABLE: the kubelet counts a failure

    shown = (
        "$ celery -A config inspect ping -d \"celery@$HOSTNAME\" --timeout 10\n"
        + alive.stdout
        + "$ echo $?\n0\n"
        + "$ celery -A config inspect ping -d \"celery@$HOSTNAME\" --timeout 10  # no worker\n"
        + gone.stdout + gone.stderr
        + "$ echo $?\n69\n"
    ).replace(pod, "nexus-worker-7d9c5b8f6-x2x4p")
    expected = (OUTPUTS / "worker_probe.txt").read_text()
    assert shown == expected, f"examples/deploy/outputs/worker_probe.txt should be:\n{shown}"
# --8<-- [end:test_probe]
