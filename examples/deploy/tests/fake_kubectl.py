"""A stand-in for ``kubectl`` with just enough of a cluster to run the release commands offline.

There is no cluster where the tests run, so the tests put this script on ``PATH`` as
``kubectl`` and run the page's and the workflow's shell commands against it. It keeps the
objects it is given in a JSON file (``FAKE_KUBE_STATE``) and copies the API server's rules
that the release depends on:

- a Job's ``spec.template`` cannot change once the Job exists: ``apply`` fails with the
  error ``kubectl`` prints for it (Kubernetes' ``ValidateJobSpecUpdate``), and applying the
  same Job again changes nothing (``unchanged``), so no new pod runs;
- a new Job runs one pod at once: its image is appended to ``migrations``, and the Job is
  complete, or failed when ``FAKE_JOB_FAILS=1``;
- ``wait --for=condition=complete`` fails when the Job is missing or failed (the real
  command waits for its ``--timeout`` first).

Every call is appended to ``calls`` in the state, so a test can check the order.
"""

import json
import os
import sys
from pathlib import Path

import yaml

STATE = Path(os.environ["FAKE_KUBE_STATE"])
RESOURCES = {"job": "Job", "deployment": "Deployment"}
PLURALS = {"Job": "jobs.batch", "Deployment": "deployments.apps"}
STDIN = ""


def load() -> dict:
    if STATE.exists():
        return json.loads(STATE.read_text())
    return {"objects": {}, "migrations": [], "calls": []}


def fail(message: str, code: int = 1) -> None:
    print(message, file=sys.stderr)
    sys.exit(code)


def documents(sources: list[str]) -> list[dict]:
    texts = [STDIN if source == "-" else Path(source).read_text() for source in sources]
    return [doc for text in texts for doc in yaml.safe_load_all(text) if doc]


def option(args: list[str], name: str) -> list[str]:
    """The values of a repeatable option such as -f, in order."""
    return [args[i + 1] for i, arg in enumerate(args) if arg == name]


def apply(state: dict, args: list[str]) -> int:
    code = 0
    for doc in documents(option(args, "-f")):
        kind, name = doc["kind"], doc["metadata"]["name"]
        key = f"{kind}/{name}"
        live = state["objects"].get(key)
        if kind == "Job" and live is not None:
            if live["spec"]["template"] != doc["spec"]["template"]:
                print(
                    f'The Job "{name}" is invalid: spec.template: Invalid value: '
                    "core.PodTemplateSpec{...}: field is immutable",
                    file=sys.stderr,
                )
                code = 1
            else:
                print(f"job.batch/{name} unchanged")
            continue
        state["objects"][key] = doc
        print(f"{kind.lower()}/{name} {'configured' if live else 'created'}")
        if kind == "Job":
            (container,) = doc["spec"]["template"]["spec"]["containers"]
            state["migrations"].append(container["image"])
            doc["status"] = "Failed" if os.environ.get("FAKE_JOB_FAILS") == "1" else "Complete"
    return code


def set_image(state: dict, args: list[str]) -> int:
    pair = next(arg for arg in args if "=" in arg and not arg.startswith("-"))
    container, image = pair.split("=", 1)
    if "--local" in args:
        (doc,) = documents(option(args, "-f"))
        targets = [doc]
    else:
        resource, name = next(arg for arg in args if "/" in arg and "=" not in arg).split("/")
        doc = state["objects"].get(f"{RESOURCES[resource]}/{name}")
        if doc is None:
            fail(f'Error from server (NotFound): {PLURALS[RESOURCES[resource]]} "{name}" not found')
        targets = [doc]
    for target in targets:
        for each in target["spec"]["template"]["spec"]["containers"]:
            if each["name"] == container:
                each["image"] = image
    if "--local" in args:
        print(yaml.safe_dump(targets[0], sort_keys=False), end="")
    return 0


def delete(state: dict, args: list[str]) -> int:
    resource, name = args[0], args[1]
    key = f"{RESOURCES[resource]}/{name}"
    if key in state["objects"]:
        del state["objects"][key]
        print(f'{PLURALS[RESOURCES[resource]]} "{name}" deleted')
    elif "--ignore-not-found" not in args:
        fail(f'Error from server (NotFound): {PLURALS[RESOURCES[resource]]} "{name}" not found')
    return 0


def wait(state: dict, args: list[str]) -> int:
    resource, name = next(arg for arg in args if "/" in arg and not arg.startswith("--")).split("/")
    job = state["objects"].get(f"{RESOURCES[resource]}/{name}")
    if job is None:
        fail(f'Error from server (NotFound): jobs.batch "{name}" not found')
    if "--for=condition=complete" not in args or job.get("status") != "Complete":
        fail(f"error: timed out waiting for the condition on jobs/{name}")
    print(f"job.batch/{name} condition met")
    return 0


def rollout(state: dict, args: list[str]) -> int:
    resource, name = next(arg for arg in args if "/" in arg and not arg.startswith("--")).split("/")
    if f"{RESOURCES[resource]}/{name}" not in state["objects"]:
        fail(f'Error from server (NotFound): deployments.apps "{name}" not found')
    print(f'deployment "{name}" successfully rolled out')
    return 0


def create(state: dict, args: list[str]) -> int:
    if args[:2] != ["secret", "generic"]:
        fail(f"fake kubectl: unsupported: create {' '.join(args)}", 2)
    state["objects"][f"Secret/{args[2]}"] = {"kind": "Secret", "metadata": {"name": args[2]}}
    print(f"secret/{args[2]} created")
    return 0


def main(argv: list[str]) -> int:
    global STDIN
    # In `kubectl set image --local ... | kubectl apply -f -` both run at once: read the pipe
    # to its end (the first one has saved the state by then) before loading the state.
    STDIN = sys.stdin.read() if "-" in argv else ""
    state = load()
    state["calls"].append(argv)
    verb, args = argv[0], argv[1:]
    handlers = {"apply": apply, "delete": delete, "wait": wait, "create": create}
    try:
        if verb == "set" and args[0] == "image":
            code = set_image(state, args[1:])
        elif verb == "rollout" and args[0] == "status":
            code = rollout(state, args[1:])
        elif verb in {"get", "describe"}:
            code = 0
        elif verb in handlers:
            code = handlers[verb](state, args)
        else:
            fail(f"fake kubectl: unsupported: {' '.join(argv)}", 2)
    finally:
        STATE.write_text(json.dumps(state))
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
