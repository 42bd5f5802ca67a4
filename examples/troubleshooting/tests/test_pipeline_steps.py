"""Dockerfile, then Compose, then workflow: each step's validator rejects the before file."""

from .validators import CONFIGS, DEPLOY, OUTPUTS, check, shown

STEPS = CONFIGS / "pipeline"


def rejected(name, path):
    code, output = check(name, path)
    assert code == 1, output
    return shown(output, path)


# --8<-- [start:tests]
def test_step_1_hadolint_rejects_an_unpinned_base_image():
    assert rejected("hadolint", STEPS / "before.Dockerfile") == (
        OUTPUTS / "pipeline_hadolint.txt"
    ).read_text().strip()
    assert check("hadolint", DEPLOY / "Dockerfile") == (0, "")


def test_step_2_the_compose_schema_rejects_an_unknown_condition():
    output = rejected("compose_schema", STEPS / "compose.before.yaml")
    best_deep_match = (OUTPUTS / "pipeline_compose.txt").read_text().strip()
    assert best_deep_match in [line.strip() for line in output.splitlines()]
    assert check("compose_schema", DEPLOY / "compose.yaml")[0] == 0


def test_step_3_actionlint_rejects_a_job_that_needs_a_missing_job():
    assert rejected("actionlint", STEPS / "workflow.before.yml") == (
        OUTPUTS / "pipeline_actionlint.txt"
    ).read_text().strip()
    assert check("actionlint", DEPLOY / "workflows" / "deploy.yml")[0] == 0
# --8<-- [end:tests]
