"""Offline checks for the Terraform and Ansible files: no cloud account, no provider downloads.

``terraform validate`` needs the providers, which ``terraform init`` downloads from the
registry, so it cannot run offline. Instead the Terraform files are parsed as HCL with
``python-hcl2`` and their structure is checked against the habits the page teaches. The
Ansible playbook is checked with ``ansible-playbook --syntax-check`` from ``ansible-core``,
against a local inventory. A missing validator raises :class:`ValidatorMissing`, naming the
package to install, so a missing tool is never mistaken for a clean file.
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

INFRA = Path(__file__).resolve().parent
TERRAFORM_FILES = sorted((INFRA / "terraform").glob("*.tf"))
PLAYBOOKS = sorted((INFRA / "ansible").glob("*.yml"))
INVENTORY = INFRA / "ansible" / "inventory.ini"


class ValidatorMissing(RuntimeError):
    """A validator is not installed."""


def _unquote(value: Any) -> Any:
    """Strip the quotes python-hcl2 keeps around string literals and block labels."""
    if isinstance(value, str) and len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1]
    if isinstance(value, dict):
        return {_unquote(k): _unquote(v) for k, v in value.items() if k != "__is_block__"}
    if isinstance(value, list):
        return [_unquote(v) for v in value]
    return value


def parse_terraform(path: Path) -> dict[str, Any]:
    """Parse a ``.tf`` file into plain Python data.

    Args:
        path: The Terraform file.

    Returns:
        The file's top-level blocks, e.g. ``{"variable": [{"app_name": {...}}], ...}``.

    Raises:
        ValidatorMissing: ``python-hcl2`` is not installed.

    """
    try:
        import hcl2
    except ImportError as exc:
        raise ValidatorMissing("python-hcl2 is not installed: pip install python-hcl2") from exc
    with path.open() as handle:
        data = hcl2.load(handle)
    data.pop("__comments__", None)
    return _unquote(data)


# --8<-- [start:terraform_problems]
def terraform_problems(config: dict[str, Any]) -> list[str]:
    """The habits a reviewer checks in a Terraform module, as a list of problems.

    Args:
        config: A parsed module, as returned by :func:`parse_terraform`.

    Returns:
        One message per problem; an empty list means the module passes.

    """
    problems = []
    providers = {}
    for block in config.get("terraform", []):
        for required in block.get("required_providers", []):
            providers.update(required)
    for name, spec in providers.items():
        if "version" not in spec:
            problems.append(f"provider {name} has no version constraint")
    for resource in config.get("resource", []):
        for rtype in resource:
            if rtype.split("_")[0] not in providers:
                problems.append(f"resource type {rtype} uses a provider not in required_providers")
    for variable in config.get("variable", []):
        for name, spec in variable.items():
            for key in ("type", "description"):
                if key not in spec:
                    problems.append(f"variable {name} has no {key}")
    for output in config.get("output", []):
        for name, spec in output.items():
            if "description" not in spec:
                problems.append(f"output {name} has no description")
    return problems
# --8<-- [end:terraform_problems]


def ansible_syntax_check(playbook: Path, inventory: Path = INVENTORY) -> tuple[int, str]:
    """Run ``ansible-playbook --syntax-check`` offline, against a local inventory.

    Args:
        playbook: The playbook to check.
        inventory: The inventory file the playbook's ``hosts`` refer to.

    Returns:
        The exit code and the combined output.

    Raises:
        ValidatorMissing: ``ansible-core`` is not installed next to this interpreter.

    """
    tool = Path(sys.executable).parent / "ansible-playbook"
    if not tool.is_file():
        raise ValidatorMissing("ansible-playbook is not installed: pip install ansible-core")
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "ANSIBLE_HOME": home, "ANSIBLE_LOCAL_TEMP": home,
               "ANSIBLE_NOCOLOR": "1"}
        proc = subprocess.run(
            [str(tool), "--syntax-check", "-i", str(inventory), str(playbook)],
            capture_output=True, text=True, timeout=120, check=False, env=env,
        )
    return proc.returncode, (proc.stdout + proc.stderr).strip()
