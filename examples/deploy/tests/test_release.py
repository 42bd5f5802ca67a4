"""Every release runs its own migrations: the release commands, run against a stand-in kubectl.

The Kubernetes page shows the first-install commands and, for every later release, the
deploy job's commands (a snippet of workflows/deploy.yml). Both run here, with bash, against
``fake_kubectl.py``, which keeps the API server's rule that a Job's pod template cannot change.
"""

import json
import os
import re
import subprocess
import sys
import textwrap

import pytest
import yaml

from deploy.validate import DEPLOY, ROOT

PAGE = ROOT / "docs" / "technologies" / "kubernetes.md"
WORKFLOW = DEPLOY / "workflows" / "deploy.yml"
JOB = DEPLOY / "k8s" / "migrate-job.yaml"
IMAGE = "ghcr.io/alx-project-nexus/nexus-examples"


def release_script():
    """The lines of the deploy job between its release section markers, dedented."""
    text = WORKFLOW.read_text()
    match = re.search(r"# --8<-- \[start:release\]\n(.*?)\n\s*# --8<-- \[end:release\]", text, re.S)
    assert match, "deploy.yml has no release section"
    return textwrap.dedent(match.group(1))


def first_install_script():
    """The page's bash block that creates the Secret: the commands for an empty namespace."""
    blocks = re.findall(r"```bash\n(.*?)```", PAGE.read_text(), re.S)
    (block,) = [b for b in blocks if "kubectl create secret generic nexus-secrets" in b]
    return block


@pytest.fixture
def cluster(tmp_path):
    """Run shell commands with the stand-in kubectl first on PATH; read back its state."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    kubectl = bin_dir / "kubectl"
    kubectl.write_text(
        f'#!/bin/sh\nexec "{sys.executable}" "{DEPLOY / "tests" / "fake_kubectl.py"}" "$@"\n'
    )
    kubectl.chmod(0o755)
    state_file = tmp_path / "state.json"

    class Cluster:
        def run(self, script, **env):
            # shell: bash in deploy.yml runs steps with bash -e -o pipefail.
            return subprocess.run(
                ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
                env={
                    "PATH": f"{bin_dir}:{os.environ['PATH']}",
                    "FAKE_KUBE_STATE": str(state_file),
                    "IMAGE": IMAGE,
                    **env,
                },
            )

        @property
        def state(self):
            return json.loads(state_file.read_text())

        def image(self, key):
            (container,) = self.state["objects"][key]["spec"]["template"]["spec"]["containers"]
            return container["image"]

    return Cluster()


def job_with_image(tmp_path, image):
    job = yaml.safe_load(JOB.read_text())
    job["spec"]["template"]["spec"]["containers"][0]["image"] = image
    path = tmp_path / f"job-{image.rsplit(':', 1)[-1]}.yaml"
    path.write_text(yaml.safe_dump(job))
    return path


def test_reapplying_a_finished_job_with_a_new_image_is_rejected(cluster, tmp_path):
    first = job_with_image(tmp_path, f"{IMAGE}:aaa")
    second = job_with_image(tmp_path, f"{IMAGE}:bbb")
    assert cluster.run(f"kubectl apply -f {first}").returncode == 0
    proc = cluster.run(f"kubectl apply -f {second}")
    assert proc.returncode == 1
    error = 'The Job "nexus-migrate" is invalid: spec.template: Invalid value:'
    assert proc.stderr.startswith(error)
    assert proc.stderr.strip().endswith("field is immutable")
    assert cluster.state["migrations"] == [f"{IMAGE}:aaa"]  # bbb's migrations never ran


def test_reapplying_the_same_job_runs_nothing(cluster):
    cluster.run(f"kubectl apply -f {JOB}")
    proc = cluster.run(f"kubectl apply -f {JOB}")
    assert proc.stdout.strip() == "job.batch/nexus-migrate unchanged"
    assert len(cluster.state["migrations"]) == 1


def test_the_page_runs_the_workflows_release_commands():
    page = PAGE.read_text()
    assert '--8<-- "examples/deploy/workflows/deploy.yml:release"' in page
    # The first install applies the Job only once, in an empty namespace.
    assert first_install_script().count("migrate-job.yaml") == 1


def test_every_release_migrates_with_its_own_image_before_it_rolls_out(cluster):
    install = cluster.run(first_install_script())
    assert install.returncode == 0, install.stderr
    for sha in ("aaa", "bbb"):
        proc = cluster.run(release_script(), GITHUB_SHA=sha)
        assert proc.returncode == 0, proc.stderr
    first_image = yaml.safe_load(JOB.read_text())["spec"]["template"]["spec"]["containers"][0]
    assert cluster.state["migrations"] == [first_image["image"], f"{IMAGE}:aaa", f"{IMAGE}:bbb"]
    assert cluster.image("Deployment/nexus-web") == f"{IMAGE}:bbb"
    # The worker and beat run the same image and move with the web pods.
    assert cluster.image("Deployment/nexus-worker") == f"{IMAGE}:bbb"
    assert cluster.image("Deployment/nexus-beat") == f"{IMAGE}:bbb"
    verbs = [" ".join(call[:2]) for call in cluster.state["calls"]]
    last = len(verbs) - 1 - verbs[::-1].index("delete job")
    assert verbs[last:] == [
        "delete job",
        "set image",
        "apply -f",
        "wait --for=condition=complete",
        "set image",
        "set image",
        "set image",
        "rollout status",
    ]


def test_a_failed_migration_stops_the_release_before_the_rollout(cluster):
    assert cluster.run(first_install_script()).returncode == 0
    before = cluster.image("Deployment/nexus-web")
    proc = cluster.run(release_script(), GITHUB_SHA="ccc", FAKE_JOB_FAILS="1")
    assert proc.returncode == 1
    assert "timed out waiting for the condition on jobs/nexus-migrate" in proc.stderr
    assert cluster.image("Deployment/nexus-web") == before  # the old pods keep serving


def test_the_release_names_the_objects_of_the_manifests():
    script = release_script()
    job = yaml.safe_load(JOB.read_text())
    deployment = yaml.safe_load((DEPLOY / "k8s" / "deployment.yaml").read_text())
    (migrate,) = job["spec"]["template"]["spec"]["containers"]
    (web,) = deployment["spec"]["template"]["spec"]["containers"]
    assert f"kubectl delete job {job['metadata']['name']} --ignore-not-found" in script
    assert f"job/{job['metadata']['name']}" in script
    assert f'{migrate["name"]}="$IMAGE:$GITHUB_SHA"' in script
    assert f"deployment/{deployment['metadata']['name']} {web['name']}=" in script
