"""A deployment typed by hand skips steps; the workflow runs them all, in order, every time."""

import yaml

from troubleshooting.ci_workflows import release_steps, workflow_commands

from .validators import CONFIGS, DEPLOY, check

MANUAL = CONFIGS / "ci_setup" / "manual_deploy.sh"
WORKFLOW = DEPLOY / "workflows" / "deploy.yml"


# --8<-- [start:tests]
def test_the_manual_deployment_skips_install_tests_and_migrations():
    assert release_steps(MANUAL.read_text()) == ["release"]


def test_the_workflow_installs_tests_and_migrates_before_it_releases():
    commands = workflow_commands(yaml.safe_load(WORKFLOW.read_text()))
    assert release_steps(commands) == ["install", "test", "migrate", "release"]


def test_the_workflow_passes_every_validator():
    for validator in ("workflow_schema", "actionlint", "zizmor"):
        code, output = check(validator, WORKFLOW)
        assert code == 0, (validator, output)
# --8<-- [end:tests]
