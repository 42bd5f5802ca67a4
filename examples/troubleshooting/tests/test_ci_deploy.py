"""A broken deploy job: misindented env (actionlint), secret without environment, empty secret."""

import yaml

from troubleshooting.ci_workflows import jobs_missing_their_environment, run_step

from .validators import CONFIGS, DEPLOY, OUTPUTS, check, shown

BEFORE = CONFIGS / "ci_deploy" / "deploy.before.yml"
AFTER = DEPLOY / "workflows" / "deploy.yml"


def guard_step():
    steps = yaml.safe_load(AFTER.read_text())["jobs"]["deploy"]["steps"]
    return next(s for s in steps if s.get("name") == "Fail early when the secret is missing")


# --8<-- [start:tests]
def test_actionlint_rejects_the_misindented_env_and_accepts_the_fix():
    code, output = check("actionlint", BEFORE)
    assert code == 1
    assert shown(output, BEFORE) == (OUTPUTS / "ci_deploy_actionlint.txt").read_text().strip()
    assert check("actionlint", AFTER)[0] == 0


def test_only_the_fixed_deploy_job_names_the_environment_that_holds_its_secret():
    assert jobs_missing_their_environment(yaml.safe_load(BEFORE.read_text())) == ["deploy"]
    assert jobs_missing_their_environment(yaml.safe_load(AFTER.read_text())) == []


def test_the_guard_step_stops_an_empty_secret_with_a_clear_message():
    script = guard_step()["run"]
    empty = run_step(script, {"KUBE_CONFIG": ""})  # what a missing secret evaluates to
    assert empty.returncode == 1
    assert empty.stdout.strip() == (
        "::error::KUBE_CONFIG is empty: add it to the production environment's secrets"
    )
    assert run_step(script, {"KUBE_CONFIG": "apiVersion: v1"}).returncode == 0
# --8<-- [end:tests]
