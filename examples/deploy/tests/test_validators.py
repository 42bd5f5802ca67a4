"""Every deployment file passes its validator with zero findings, and each validator is live."""

import pytest

from deploy import validate
from deploy.validate import DEPLOY, ValidatorMissing

CHECKS = validate.all_checks()


def check(name, path):
    try:
        return getattr(validate, name)(path)
    except ValidatorMissing as exc:  # fail, never skip: a missing tool is not a clean file
        pytest.fail(str(exc), pytrace=False)


@pytest.mark.parametrize(
    ("name", "path"), CHECKS, ids=[f"{n}:{p.relative_to(DEPLOY)}" for n, p in CHECKS]
)
def test_file_passes_its_validator(name, path):
    code, output = check(name, path)
    assert code == 0, output


def test_every_deployment_file_is_checked():
    checked = {path for _, path in CHECKS}
    config_files = {
        p for p in DEPLOY.rglob("*")
        if p.suffix in {".yaml", ".yml"} or p.name == "Dockerfile"
    }
    assert config_files <= checked, sorted(str(p) for p in config_files - checked)


def test_hadolint_reports_nothing_at_all():
    # hadolint exits 0 on "info" and "style" findings too; the clean Dockerfile has none.
    code, output = check("hadolint", validate.DOCKERFILE)
    assert (code, output) == (0, "")


def test_hadolint_flags_a_root_user(tmp_path):
    dockerfile = tmp_path / "Dockerfile"
    dockerfile.write_text(validate.DOCKERFILE.read_text().replace("USER 10001:10001", "USER root"))
    code, output = check("hadolint", dockerfile)
    assert code == 1
    assert "DL3002" in output
    assert "Last USER should not be root" in output


def test_compose_schema_rejects_an_unknown_condition(tmp_path):
    compose = tmp_path / "compose.yaml"
    source = (DEPLOY / "compose.yaml").read_text()
    compose.write_text(source.replace("condition: service_healthy", "condition: healthy", 1))
    code, output = check("compose_schema", compose)
    assert code == 1
    assert "'healthy' is not one of" in output


def test_hpa_rule_flags_a_replica_count_the_autoscaler_owns(tmp_path):
    for manifest in (DEPLOY / "k8s").glob("*.yaml"):
        (tmp_path / manifest.name).write_text(manifest.read_text())
    deployment = tmp_path / "deployment.yaml"
    source = deployment.read_text()
    assert "\n  replicas:" not in source
    with_replicas = "\n  replicas: 2\n  revisionHistoryLimit:"
    deployment.write_text(source.replace("\n  revisionHistoryLimit:", with_replicas))
    code, output = validate.hpa_replicas(tmp_path)
    assert code == 1
    assert output == (
        "deployment.yaml: Deployment nexus-web sets spec.replicas, but the "
        "HorizontalPodAutoscaler nexus-web scales it: remove spec.replicas, or every "
        "kubectl apply resets the replica count"
    )
    # kubernetes-validate accepts the same file: only the rule that reads both files sees it.
    assert check("kubernetes_validate", deployment)[0] == 0


def test_the_validate_command_prints_what_the_page_shows(capsys):
    assert validate.main() == 0
    expected = (DEPLOY / "outputs" / "validate.txt").read_text()
    assert capsys.readouterr().out == expected, (
        "The pages show examples/deploy/outputs/validate.txt; refresh it from examples/ with: "
        "python -m deploy.validate > deploy/outputs/validate.txt"
    )


def test_strict_mode_catches_a_misspelled_probe(tmp_path):
    manifest = tmp_path / "deployment.yaml"
    source = (DEPLOY / "k8s" / "deployment.yaml").read_text()
    manifest.write_text(source.replace("readinessProbe:", "readinesProbe:"))
    code, output = check("kubernetes_validate", manifest)
    assert code == 1
    shown = output.replace(str(manifest), "deployment.yaml")
    expected = (DEPLOY / "outputs" / "kubernetes_validate_typo.txt").read_text().strip()
    assert shown == expected


def test_actionlint_names_the_misindented_key(tmp_path):
    workflow = tmp_path / "deploy.yml"
    source = (DEPLOY / "workflows" / "deploy.yml").read_text()
    good = (
        "      - name: Fail early when the secret is missing\n"
        "        env:\n"
        "          KUBE_CONFIG: ${{ secrets.KUBE_CONFIG }}\n"
    )
    assert good in source
    workflow.write_text(source.replace(good, good.replace("          KUBE", "        KUBE")))
    code, output = check("actionlint", workflow)
    assert code == 1
    shown = output.replace(str(workflow), "deploy.yml")
    expected = (DEPLOY / "outputs" / "actionlint_indentation.txt").read_text().strip()
    assert shown == expected
