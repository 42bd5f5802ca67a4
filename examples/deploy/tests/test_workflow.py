"""The deploy workflow tests against healthy services and deploys through an environment."""

import re

import pytest
import yaml

from deploy.validate import DEPLOY


@pytest.fixture(scope="module")
def workflow():
    # PyYAML reads the key "on" as True (YAML 1.1), so the triggers are under True.
    return yaml.safe_load((DEPLOY / "workflows" / "deploy.yml").read_text())


def test_jobs_run_in_order(workflow):
    jobs = workflow["jobs"]
    assert jobs["image"]["needs"] == "test"
    assert jobs["deploy"]["needs"] == "image"
    assert jobs["image"]["if"] == "github.event_name == 'push'"


def test_service_containers_report_health(workflow):
    for name, service in workflow["jobs"]["test"]["services"].items():
        assert "--health-cmd" in service["options"], name


def test_permissions_are_granted_per_job(workflow):
    assert workflow["permissions"] == {}
    assert workflow["jobs"]["image"]["permissions"] == {"contents": "read", "packages": "write"}


def test_the_deploy_job_uses_a_protected_environment(workflow):
    assert workflow["jobs"]["deploy"]["environment"]["name"] == "production"


def test_secrets_reach_scripts_only_through_env(workflow):
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            assert "secrets." not in step.get("run", ""), step.get("name")
            for value in step.get("env", {}).values():
                if "secrets." in value:
                    assert re.fullmatch(r"\$\{\{ secrets\.\w+ \}\}", value)


def test_a_missing_secret_fails_the_deploy_before_kubectl_runs(workflow):
    steps = workflow["jobs"]["deploy"]["steps"]
    guard = next(i for i, s in enumerate(steps) if 'if [ -z "$KUBE_CONFIG" ]' in s.get("run", ""))
    rollout = next(i for i, s in enumerate(steps) if "kubectl" in s.get("run", ""))
    assert guard < rollout
    assert "exit 1" in steps[guard]["run"]


def test_jobs_that_check_out_the_repository_may_read_it(workflow):
    # With a permissions block, every permission it does not name is "none", and
    # actions/checkout needs contents: read (a private repository cannot be cloned without it).
    for name, job in workflow["jobs"].items():
        if any(step.get("uses", "").startswith("actions/checkout@") for step in job["steps"]):
            assert job.get("permissions", {}).get("contents") in {"read", "write"}, name


def test_run_steps_fail_when_any_command_of_a_pipe_fails(workflow):
    # Only an explicit shell: bash adds -o pipefail (the unnamed default is bash -e).
    assert workflow["defaults"]["run"]["shell"] == "bash"
