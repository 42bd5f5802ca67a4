"""ImagePullBackOff and ErrImagePull, caught before any node tries to pull.

``validate.image_references`` reads every manifest: each image names a registry and a
pinned, well-formed reference, and the pods that run one repository agree on its tag and
on their imagePullSecrets. Whether the tag exists in the registry, or the secret's
password is right, only a pull from the registry can tell: not checked here.
"""

import shutil

import pytest

from deploy import validate
from deploy.validate import DEPLOY, ValidatorMissing

K8S = DEPLOY / "k8s"
WEB_IMAGE = "image: ghcr.io/alx-project-nexus/nexus-examples:0.1.0"


@pytest.fixture
def manifests(tmp_path):
    """A copy of k8s/ to break, one file at a time."""
    for path in K8S.glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)

    def edit(name, old, new):
        path = tmp_path / name
        text = path.read_text()
        assert old in text, (name, old)
        path.write_text(text.replace(old, new, 1))
        return path

    edit.folder = tmp_path
    return edit


@pytest.mark.parametrize(
    ("image", "problem"),
    [
        ("ghcr.io/alx-project-nexus/nexus-examples:0.1.0", None),
        ("ghcr.io/alx-project-nexus/nexus-examples@sha256:" + "0" * 64, None),
        ("registry.example.com:5000/team/app:1.2", None),
        ("ghcr.io/alx-project-nexus/nexus-examples", "is not pinned"),
        ("ghcr.io/alx-project-nexus/nexus-examples:latest", "is not pinned"),
        ("alx-project-nexus/nexus-examples:0.1.0", "names no registry"),
        ("ghcr.io/alx-project-nexus/Nexus-Examples:0.1.0", "is not a valid image reference"),
        ("ghcr.io/alx-project-nexus/nexus-examples:0.1.0 ", "is not a valid image reference"),
    ],
)
def test_each_reference_is_pinned_and_well_formed(image, problem):
    found = validate.image_problems(image)
    assert found == [] if problem is None else any(p.startswith(problem) for p in found)


# --8<-- [start:test_image_rule]
def test_the_rule_reads_all_manifests_together(manifests):
    manifests("worker.yaml", WEB_IMAGE, WEB_IMAGE.replace("0.1.0", "latest"))
    manifests("beat.yaml", WEB_IMAGE, WEB_IMAGE.replace("0.1.0", "0.1.1"))
    manifests(
        "deployment.yaml",
        "      automountServiceAccountToken: false\n",
        "      automountServiceAccountToken: false\n"
        "      imagePullSecrets:\n        - name: ghcr-pull\n",
    )
    code, output = validate.image_references(manifests.folder)
    assert code == 1
    expected = (DEPLOY / "outputs" / "image_references.txt").read_text().strip()
    assert output == expected, f"examples/deploy/outputs/image_references.txt:\n{output}"
# --8<-- [end:test_image_rule]


def test_the_schema_accepts_what_the_rule_rejects(manifests):
    # To kubernetes-validate an image is just a string: only the rule sees the mistake.
    path = manifests("worker.yaml", WEB_IMAGE, WEB_IMAGE.replace("nexus-examples", "Nexus"))
    assert validate.image_references(manifests.folder)[0] == 1
    try:
        assert validate.kubernetes_validate(path)[0] == 0
    except ValidatorMissing as exc:
        pytest.fail(str(exc), pytrace=False)


def test_every_pod_of_a_release_runs_the_image_the_workflow_sets():
    # The deploy workflow sets "$IMAGE:$GITHUB_SHA" per container; the files must agree on
    # the starting point, so that none of them pulls a tag that was never pushed.
    code, output = validate.image_references(K8S)
    assert (code, output) == (0, "")
