"""A single-stage image keeps its compilers and pip cache; the multi-stage one does not."""

from troubleshooting.docker_checks import final_image_bloat, final_stage

from .validators import CONFIGS, DEPLOY, OUTPUTS, check, shown

BEFORE = CONFIGS / "image_size" / "before.Dockerfile"
AFTER = DEPLOY / "Dockerfile"


# --8<-- [start:tests]
def test_the_single_stage_image_ships_its_build_tools_and_pip_cache():
    assert final_image_bloat(BEFORE) == [
        "full base image python:3.11 (use a -slim variant)",
        "build-essential installed in the final stage",
        "pip keeps its download cache (no --no-cache-dir)",
    ]


def test_the_final_stage_of_the_multi_stage_image_is_lean():
    assert final_image_bloat(AFTER) == []
    base, stage = final_stage(AFTER)
    assert base == "python:${PYTHON_VERSION}-slim-bookworm"
    assert not any(keyword == "RUN" and "pip install" in args for keyword, args in stage)
    assert ("COPY", "--from=builder /opt/venv /opt/venv") in stage


def test_hadolint_rejects_the_before_and_accepts_the_after():
    code, output = check("hadolint", BEFORE)
    assert code == 1
    assert shown(output, BEFORE) == (OUTPUTS / "hadolint_image_size.txt").read_text().strip()
    assert check("hadolint", AFTER) == (0, "")
# --8<-- [end:tests]
