"""Read a Dockerfile the way the build does, to find why packages vanish or images grow.

Used by the Docker challenge entries: each function answers one question about a
Dockerfile (or a Compose service) without a Docker engine, so the tests can compare the
broken "before" files in ``troubleshooting/configs/`` with the fixed files in ``deploy/``.
"""

import re
from pathlib import Path, PurePosixPath

BUILD_TOOLS = ("build-essential", "gcc", "g++", "make")


def instructions(dockerfile: Path) -> list[tuple[str, str]]:
    """Return (KEYWORD, arguments) pairs, with line continuations joined and comments dropped.

    Args:
        dockerfile: Path of the Dockerfile.

    Returns:
        One pair per instruction, in file order.

    """
    text = re.sub(r"\\\n\s*", " ", dockerfile.read_text())
    pairs = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keyword, _, args = line.partition(" ")
            pairs.append((keyword.upper(), args.strip()))
    return pairs


def final_stage(dockerfile: Path) -> tuple[str, list[tuple[str, str]]]:
    """Return the base image of the last stage and the instructions after its ``FROM``."""
    pairs = instructions(dockerfile)
    start = max(i for i, (keyword, _) in enumerate(pairs) if keyword == "FROM")
    base = pairs[start][1].split(" AS ")[0].strip()
    return base, pairs[start + 1:]


# --8<-- [start:dependency_checks]
def code_copied_before_install(dockerfile: Path) -> bool:
    """True when ``COPY . .`` comes before the ``pip install`` of the same stage.

    Then any code change invalidates the cached install layer, and learners start
    installing packages by hand in running containers.
    """
    _, stage = final_stage(dockerfile)
    copy_all = [i for i, (k, a) in enumerate(stage) if k == "COPY" and a.startswith(". ")]
    installs = [i for i, (k, a) in enumerate(stage) if k == "RUN" and "pip install" in a]
    return bool(copy_all and installs and copy_all[0] < installs[0])


def package_folders(dockerfile: Path) -> list[str]:
    """Folders the final image keeps its packages in: created venvs or copied-in venvs."""
    _, stage = final_stage(dockerfile)
    folders = []
    for keyword, args in stage:
        if keyword == "RUN":
            folders += re.findall(r"python -m venv (\S+)", args)
        if keyword == "COPY" and args.startswith("--from="):
            folders.append(args.split()[-1])
    return folders


def hidden_by_mounts(dockerfile: Path, service: dict) -> list[str]:
    """Package folders that a Compose service's bind mounts cover, so the packages vanish.

    Args:
        dockerfile: The image's Dockerfile.
        service: One service from a Compose file, as parsed by ``yaml.safe_load``.

    Returns:
        The covered folders; empty when the mounts leave the packages alone.

    """
    targets = []
    for volume in service.get("volumes", []):
        target = volume["target"] if isinstance(volume, dict) else volume.split(":")[1]
        targets.append(PurePosixPath(target))
    return [
        folder for folder in package_folders(dockerfile)
        if any(PurePosixPath(folder).is_relative_to(target) for target in targets)
    ]


def missing_copy_sources(dockerfile: Path, context: Path) -> list[str]:
    """Sources of ``COPY`` instructions that do not exist in a build context.

    Args:
        dockerfile: The Dockerfile.
        context: The folder passed as the last argument of ``docker build``.

    Returns:
        The sources the build would fail on with ``not found``.

    """
    sources = [
        args.split()[0] for keyword, args in instructions(dockerfile)
        if keyword == "COPY" and not args.startswith("--from")
    ]
    return [source for source in sources if not (context / source).exists()]
# --8<-- [end:dependency_checks]


# --8<-- [start:size_checks]
def final_image_bloat(dockerfile: Path) -> list[str]:
    """What makes the image that ships (the last stage) bigger than it needs to be.

    Args:
        dockerfile: The Dockerfile.

    Returns:
        One description per problem; empty for a lean final stage.

    """
    base, stage = final_stage(dockerfile)
    problems = []
    if "slim" not in base and "alpine" not in base:
        problems.append(f"full base image {base} (use a -slim variant)")
    for keyword, args in stage:
        if keyword != "RUN":
            continue
        for tool in BUILD_TOOLS:
            if re.search(rf"apt-get install[^&;]*\s{re.escape(tool)}(\s|$)", args):
                problems.append(f"{tool} installed in the final stage")
        if "pip install" in args and "--no-cache-dir" not in args:
            problems.append("pip keeps its download cache (no --no-cache-dir)")
    return problems
# --8<-- [end:size_checks]

