"""Run every check of the project, in order, and say plainly what passed.

This is the body of ``make test`` (and so of ``.ci/run``):

1. ruff lints the Python code;
2. the example tests run on SQLite, then again on PostgreSQL and on MySQL/MariaDB when those
   servers are reachable (required when ``NEXUS_REQUIRE_SERVICES=1``);
3. the site tests build the site with ``--strict`` and check links, content, workflows and
   the pages in a real browser.

The example passes and the site tests share nothing, so on a machine with two or more cores
they run side by side, in two lanes (``NEXUS_TEST_LANES=1`` runs everything in one line, with
live output). The site is built once, by the first site step (NEXUS_BUILD_CACHE=write); the
longest site tests are then shared out: whichever lane is free first (the examples lane
after its passes, the site lane after the other site tests) takes the next group, longest
first, reading that build (NEXUS_BUILD_CACHE=read), so the two lanes end close together on
any machine. A step's output is printed whole when the step ends, so lanes never interleave.
Each pytest run writes a JUnit report; the last line adds them up.
"""

import os
import subprocess
import sys
import tempfile
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tools.services import DATABASES, services_required

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


# The longest site tests, in groups that either lane takes when it is free, longest first
# (pytest --durations on a quiet 2-core machine: about 150, 60, 55 and 50 s; see plan()).
SHARED_SITE_GROUPS = {
    "site in the browser: the learning journey": ["tests/test_journey.py"],
    "site: build errors": ["tests/test_build_errors.py"],
    "site in the browser: search quality": ["tests/test_search_quality.py"],
    "site in the browser: offline": ["tests/test_offline_app.py"],
}


@dataclass
class Step:
    name: str
    command: list[str]
    env: dict[str, str] = field(default_factory=dict)
    junit: Path | None = None
    after: threading.Event | None = None  # wait for this before starting
    then: threading.Event | None = None  # set this when done, passed or not


class SharedSteps:
    """Steps that several lanes take from, one at a time, each step run once."""

    def __init__(self, steps: Iterable[Step]):
        self._steps = list(steps)
        self._lock = threading.Lock()

    def take(self) -> Step | None:
        with self._lock:
            return self._steps.pop(0) if self._steps else None


@dataclass
class Outcome:
    name: str
    status: str  # "passed", "failed" or "skipped"
    detail: str = ""
    counts: dict[str, int] = field(default_factory=dict)


def pytest_step(
    name: str,
    target: str | list[str],
    report_dir: Path,
    env: dict[str, str] | None = None,
    **events: threading.Event,
) -> Step:
    junit = report_dir / f"{name.replace(' ', '-').replace('/', '-')}.xml"
    targets = [target] if isinstance(target, str) else target
    command = [str(BIN / "python"), "-m", "pytest", *targets, "-q", f"--junitxml={junit}"]
    return Step(name, command, env or {}, junit, **events)


def read_junit(path: Path) -> dict[str, int]:
    counts = {"passed": 0, "failed": 0, "skipped": 0}
    if not path.exists():
        return counts
    for suite in ET.parse(path).getroot().iter("testsuite"):
        total = int(suite.get("tests", 0))
        failed = int(suite.get("failures", 0)) + int(suite.get("errors", 0))
        skipped = int(suite.get("skipped", 0))
        counts["failed"] += failed
        counts["skipped"] += skipped
        counts["passed"] += total - failed - skipped
    return counts


def plan(report_dir: Path) -> list[list[Step | Outcome | SharedSteps]]:
    """The lanes: lint first on its own, then the examples beside the site tests."""
    steps: list[Step | Outcome | SharedSteps] = [
        pytest_step("examples on SQLite", "examples", report_dir)
    ]
    for service in DATABASES.values():
        name = f"examples on {service.name}"
        reason = service.unreachable_reason()
        if reason is None:
            env = {"DATABASE_URL": service.url, "NEXUS_DATABASE_PASS": "1"}
            steps.append(pytest_step(name, "examples", report_dir, env))
        elif services_required():
            steps.append(Outcome(name, "failed", f"{reason} (required: NEXUS_REQUIRE_SERVICES=1)"))
        else:
            steps.append(Outcome(name, "skipped", reason))
    built = threading.Event()
    site = [
        pytest_step(
            "site build",
            "tests/test_build.py",
            report_dir,
            {"NEXUS_BUILD_CACHE": "write"},
            then=built,
        ),
        pytest_step(
            "site",
            ["tests", "--ignore=tests/test_build.py"]
            + [f"--ignore={path}" for group in SHARED_SITE_GROUPS.values() for path in group],
            report_dir,
            {"NEXUS_BUILD_CACHE": "read"},
        ),
    ]
    shared = SharedSteps(
        pytest_step(name, paths, report_dir, {"NEXUS_BUILD_CACHE": "read"}, after=built)
        for name, paths in SHARED_SITE_GROUPS.items()
    )
    steps.append(shared)
    site.append(shared)
    return [[Step("lint", [str(BIN / "ruff"), "check", "."])], steps, site]


_print_lock = threading.Lock()


def run(step: Step, capture: bool) -> Outcome:
    if step.after is not None:
        step.after.wait()
    try:
        return _run(step, capture)
    finally:
        if step.then is not None:
            step.then.set()


def _run(step: Step, capture: bool) -> Outcome:
    shown = " ".join(step.command[2:] if step.junit else step.command)
    env = {**os.environ, **step.env}
    if capture:
        with _print_lock:
            print(f"\n=== {step.name}: started ({shown})", flush=True)
        proc = subprocess.run(
            step.command,
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        code = proc.returncode
        with _print_lock:
            print(f"\n=== {step.name}: {shown}\n{proc.stdout}", end="", flush=True)
    else:
        print(f"\n=== {step.name}: {shown}", flush=True)
        code = subprocess.call(step.command, cwd=ROOT, env=env)
    counts = read_junit(step.junit) if step.junit else {}
    if code == 5:
        return Outcome(step.name, "failed", "pytest collected no tests", counts)
    return Outcome(step.name, "passed" if code == 0 else "failed", f"exit code {code}", counts)


def run_lane(lane: list[Step | Outcome | SharedSteps], capture: bool) -> list[Outcome]:
    outcomes = []
    for item in lane:
        if isinstance(item, SharedSteps):
            while (step := item.take()) is not None:
                outcomes.append(run(step, capture))
        elif isinstance(item, Outcome):
            with _print_lock:
                print(f"\n=== {item.name}: {item.status.upper()} - {item.detail}", flush=True)
            outcomes.append(item)
        else:
            outcomes.append(run(item, capture))
    return outcomes


def run_side_by_side(lanes: list[list[Step | Outcome | SharedSteps]]) -> list[Outcome]:
    results: list[list[Outcome]] = [[] for _ in lanes]

    def work(index: int) -> None:
        results[index] = run_lane(lanes[index], capture=True)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(lanes))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return [outcome for lane in results for outcome in lane]


def lanes_wanted() -> int:
    configured = os.environ.get("NEXUS_TEST_LANES")
    if configured:
        return max(1, int(configured))
    return 2 if (os.cpu_count() or 1) >= 2 else 1


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="nexus-junit-") as tmp:
        lint, examples, site = plan(Path(tmp))
        outcomes = run_lane(lint, capture=False)
        if lanes_wanted() == 1:
            # The site build first: the browser step at the end of the examples waits for it.
            outcomes += run_lane(site + examples, capture=False)
        else:
            outcomes += run_side_by_side([examples, site])

    print("\n=== summary")
    totals = {"passed": 0, "failed": 0, "skipped": 0}
    for outcome in outcomes:
        line = f"{outcome.status.upper():8} {outcome.name}"
        if outcome.counts:
            c = outcome.counts
            line += f" ({c['passed']} passed, {c['failed']} failed, {c['skipped']} skipped)"
        elif outcome.status != "passed":
            line += f" - {outcome.detail}"
        print(line)
        for key in totals:
            totals[key] += outcome.counts.get(key, 0)
    failed_steps = [o for o in outcomes if o.status == "failed"]
    totals["failed"] += sum(1 for o in failed_steps if not o.counts.get("failed"))
    passed, failed, skipped = totals["passed"], totals["failed"], totals["skipped"]
    print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed_steps else 0


if __name__ == "__main__":
    sys.exit(main())
