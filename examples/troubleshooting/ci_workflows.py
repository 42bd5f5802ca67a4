"""Questions about GitHub Actions workflows that no linter answers, for the CI challenges.

actionlint and the workflow schema catch syntax mistakes; these functions catch the
logic mistakes that break deployments: a secret the job never receives, an empty secret
that is not caught, and a deployment that skips the tests or the migrations.
"""

import re
import subprocess

SECRET = re.compile(r"\$\{\{\s*secrets\.(\w+)\s*\}\}")


# --8<-- [start:secrets]
def jobs_missing_their_environment(workflow: dict) -> list[str]:
    """Jobs that read a secret of their own but name no ``environment:``.

    Secrets stored on an environment (such as ``production``) reach only the jobs that
    declare it; in every other job the expression evaluates to an empty string.
    ``GITHUB_TOKEN`` is provided to every job and does not count.

    Args:
        workflow: A workflow file parsed with ``yaml.safe_load``.

    Returns:
        The names of those jobs.

    """
    missing = []
    for name, job in workflow["jobs"].items():
        used = set(SECRET.findall(str(job["steps"]))) - {"GITHUB_TOKEN"}
        if used and "environment" not in job:
            missing.append(name)
    return missing


def run_step(script: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    """Run a step's ``run:`` script with bash, as a runner does, with only ``env`` set."""
    return subprocess.run(
        ["bash", "-e", "-c", script], env={"PATH": "/usr/bin:/bin", **env},
        capture_output=True, text=True, timeout=30, check=False,
    )
# --8<-- [end:secrets]


# --8<-- [start:release_steps]
RELEASE_STEPS = {
    "install": re.compile(r"pip install"),
    "test": re.compile(r"\bpytest\b"),
    "migrate": re.compile(r"\bmigrat"),
    "release": re.compile(r"systemctl restart|kubectl set image deployment/"),
}


def release_steps(commands: str) -> list[str]:
    """The deployment steps a list of shell commands performs, in the order it performs them.

    Args:
        commands: Shell commands, one per line (a script, or a workflow's ``run:`` blocks).

    Returns:
        Step names from ``RELEASE_STEPS``, each at its first occurrence.

    """
    found = []
    for line in commands.splitlines():
        for step, pattern in RELEASE_STEPS.items():
            if pattern.search(line) and step not in found:
                found.append(step)
    return found


def workflow_commands(workflow: dict) -> str:
    """Every ``run:`` script of a workflow, in job order (each job after the jobs it needs)."""
    jobs, ordered = workflow["jobs"], []
    while len(ordered) < len(jobs):
        for name, job in jobs.items():
            needs = job.get("needs", [])
            needs = [needs] if isinstance(needs, str) else needs
            if name not in ordered and all(n in ordered for n in needs):
                ordered.append(name)
    return "\n".join(
        step.get("run", "") for name in ordered for step in jobs[name]["steps"]
    )
# --8<-- [end:release_steps]
