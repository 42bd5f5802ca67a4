"""The Jenkinsfile does what the GitHub Actions workflow deploy.yml does, checked without Jenkins.

Jenkins validates a declarative pipeline only on a running server (``declarative-linter``
over the Jenkins CLI, or ``POST /pipeline-model-converter/validate``), and no offline
validator exists on PyPI or npm. These tests parse the Jenkinsfile as Groovy with
tree-sitter-groovy, read its declarative structure, and compare it with deploy.yml: the
same stages in the same order, the same shell commands, the same service containers, and
credentials that only the shell sees. They do not check that Jenkins accepts every step
and option, that the plugins exist, or that the agent has Docker: the page says so.
"""

import fnmatch
import re
import shlex
from dataclasses import dataclass, field

import pytest
import tree_sitter_groovy
import yaml
from tree_sitter import Language, Node, Parser

from deploy.validate import DEPLOY

JENKINSFILE = DEPLOY / "Jenkinsfile"
WORKFLOW = DEPLOY / "workflows" / "deploy.yml"
# GitHub's variables and their Jenkins counterparts in the same commands.
RENAMED = {"GITHUB_SHA": "GIT_COMMIT", "GITHUB_ACTOR": "REGISTRY_USER"}


# --- a small model of a declarative pipeline, read from tree-sitter's Groovy syntax tree -----
@dataclass
class Str:
    value: str
    gstring: bool  # a double-quoted Groovy string: "${...}" is expanded by Groovy


@dataclass
class Call:
    name: str
    line: int
    args: list = field(default_factory=list)
    kwargs: dict = field(default_factory=dict)
    body: list | None = None  # the statements of a { ... } block


@dataclass
class Assign:
    name: str
    value: object
    line: int


GROOVY = Parser(Language(tree_sitter_groovy.language()))


def syntax_errors(source: str) -> list[str]:
    """Where tree-sitter's Groovy grammar could not parse the file."""
    problems = []

    def visit(node: Node) -> None:
        if node.type == "ERROR" or node.is_missing:
            what = f"missing {node.type}" if node.is_missing else "syntax error"
            problems.append(f"line {node.start_point[0] + 1}: {what}")
        for child in node.children:
            visit(child)

    visit(GROOVY.parse(source.encode()).root_node)
    return problems


def groovy_string(node: Node) -> Str:
    text = node.text.decode()
    quote = text[:3] if text[:3] in ("'''", '"""') else text[0]
    body = text[len(quote) : -len(quote)]
    # Groovy drops a backslash-newline (a continued line) and unescapes \\ \' \" \$.
    body = re.sub(r"\\(\n|.)", lambda m: "" if m.group(1) == "\n" else m.group(1), body)
    return Str(body, gstring=quote.startswith('"'))


def value(node: Node):
    if node.type in ("character_literal", "string_literal"):
        return groovy_string(node)
    if node.type in ("true", "false"):
        return node.type == "true"
    if node.type == "decimal_integer_literal":
        return int(node.text)
    if node.type == "array_literal":
        return [value(c) for c in node.named_children]
    if node.type == "method_invocation":
        return call(node)
    if node.type == "identifier":
        return node.text.decode()
    raise AssertionError(f"line {node.start_point[0] + 1}: unexpected {node.type}")


def call(node: Node) -> Call:
    name = node.child_by_field_name("name") or node.named_children[0]
    result = Call(name.text.decode(), node.start_point[0] + 1)
    for child in node.named_children[1:]:
        if child.type == "argument_list":
            for arg in child.named_children:
                if arg.type == "map_item":
                    key, val = arg.named_children[0], arg.named_children[-1]
                    result.kwargs[key.text.decode()] = value(val)
                else:
                    result.args.append(value(arg))
        elif child.type == "closure":
            result.body = statements(child)
    return result


def statements(block: Node) -> list:
    out = []
    for node in block.named_children:
        if node.type in ("line_comment", "block_comment"):
            continue
        if node.type == "expression_statement":
            node = node.named_children[0]
        if node.type in ("method_invocation", "juxt_function_call"):
            out.append(call(node))
        elif node.type == "assignment_expression":
            target, val = node.named_children[0], node.named_children[-1]
            out.append(Assign(target.text.decode(), value(val), node.start_point[0] + 1))
        else:
            raise AssertionError(f"line {node.start_point[0] + 1}: unexpected {node.type}")
    return out


def read_pipeline(source: str) -> Call:
    top = statements(GROOVY.parse(source.encode()).root_node)
    assert [c.name for c in top] == ["pipeline"], "the file must hold one pipeline { } block"
    return top[0]


def block(calls: list, name: str) -> Call:
    found = [c for c in calls if isinstance(c, Call) and c.name == name]
    assert len(found) == 1, f"expected one {name} block, found {len(found)}"
    return found[0]


def stages(pipeline: Call) -> dict[str, Call]:
    return {s.args[0].value: s for s in block(pipeline.body, "stages").body}


def sh_steps(calls: list, scope: tuple = ()) -> list[tuple[tuple, Call]]:
    """Every sh step below these statements, with the blocks it sits in (outermost first)."""
    found = []
    for c in calls:
        if not isinstance(c, Call):
            continue
        if c.name == "sh":
            found.append((scope, c))
        if c.body:
            found += sh_steps(c.body, (*scope, c))
    return found


def script_of(sh: Call) -> str:
    script = sh.args[0] if sh.args else sh.kwargs["script"]
    return script.value


# --8<-- [start:commands]
def commands(script: str) -> list[str]:
    """The commands of a shell script: continued lines joined, blanks and comments dropped."""
    joined = re.sub(r"\\\n", " ", script)
    lines = (" ".join(line.split()) for line in joined.splitlines())
    return [line for line in lines if line and not line.startswith("#")]
# --8<-- [end:commands]


def renamed(command: str) -> str:
    for github, jenkins in RENAMED.items():
        command = command.replace(f"${github}", f"${jenkins}")
    return command


def environment(stage: Call) -> dict[str, str]:
    env = [c for c in stage.body if isinstance(c, Call) and c.name == "environment"]
    return {a.name: a.value.value for e in env for a in e.body}


@pytest.fixture(scope="module")
def source() -> str:
    return JENKINSFILE.read_text()


@pytest.fixture(scope="module")
def pipeline(source) -> Call:
    assert syntax_errors(source) == []
    return read_pipeline(source)


@pytest.fixture(scope="module")
def workflow() -> dict:
    # PyYAML reads the key "on" as True (YAML 1.1), so the triggers are under True.
    return yaml.safe_load(WORKFLOW.read_text())


def job_order(workflow: dict) -> list[str]:
    """The workflow's jobs, each after the job it needs."""
    jobs = workflow["jobs"]
    order = [name for name, job in jobs.items() if "needs" not in job]
    while len(order) < len(jobs):
        order += [n for n, job in jobs.items() if job.get("needs") == order[-1]]
    return order


def run_commands(job: dict) -> list[str]:
    return [c for s in job["steps"] if "run" in s for c in commands(s["run"])]


# --- the checks -----------------------------------------------------------------------------
def test_the_jenkinsfile_is_groovy_that_parses(source):
    assert syntax_errors(source) == []


def test_a_missing_brace_is_a_syntax_error(source):
    end_of_lint = "        }\n        // --8<-- [end:lint]"
    broken = source.replace(end_of_lint, end_of_lint.split("\n")[1])
    assert broken != source
    assert syntax_errors(broken)


def test_it_is_a_declarative_pipeline_on_an_agent(pipeline):
    assert block(pipeline.body, "agent").body[0].name == "label"
    for name, stage in stages(pipeline).items():
        assert block(stage.body, "steps").body, f"stage {name} has no steps"


# --8<-- [start:test_stages]
def test_the_stages_are_the_workflows_jobs_in_order(pipeline, workflow):
    # The test job runs "Lint" before its tests; Jenkins shows it as a stage of its own.
    test_steps = [s.get("name") for s in workflow["jobs"]["test"]["steps"]]
    assert test_steps.index("Lint") < test_steps.index("Test against PostgreSQL and Redis")
    expected = ["Lint"] + [job.capitalize() for job in job_order(workflow)]
    assert list(stages(pipeline)) == expected == ["Lint", "Test", "Image", "Deploy"]
# --8<-- [end:test_stages]


# --8<-- [start:test_commands]
def lint_and_test_commands(pipeline: Call) -> list[str]:
    """The commands of the Lint and Test stages, without the service containers."""
    ours = []
    for name in ("Lint", "Test"):
        for scope, sh in sh_steps(stages(pipeline)[name].body):
            if not any(c.name in ("post", "timeout") for c in scope):
                ours += [c for c in commands(script_of(sh)) if not c.startswith("docker run ")]
    return ours


def test_lint_and_test_run_the_commands_of_the_workflows_test_job(pipeline, workflow):
    job = workflow["jobs"]["test"]
    setup_python = next(s for s in job["steps"] if "setup-python" in s.get("uses", ""))
    # The one command the workflow leaves to an action, actions/setup-python.
    venv = f"python{setup_python['with']['python-version']} -m venv .venv"
    assert lint_and_test_commands(pipeline) == [venv, *run_commands(job)]


def test_the_test_stage_runs_only_commands_the_workflow_runs(pipeline, workflow):
    theirs = set(run_commands(workflow["jobs"]["test"]))
    for scope, sh in sh_steps(stages(pipeline)["Test"].body):
        if any(c.name in ("post", "timeout") for c in scope):
            continue  # waiting for and removing the service containers, checked below
        for command in commands(script_of(sh)):
            assert command in theirs or command.startswith("docker run "), command


def test_a_changed_command_is_noticed(source, pipeline):
    changed = read_pipeline(source.replace("sh 'pytest examples'", "sh 'pytest examples -x'"))
    assert lint_and_test_commands(changed) != lint_and_test_commands(pipeline)
# --8<-- [end:test_commands]


def docker_runs(stage: Call) -> dict[str, list[str]]:
    """The containers a stage starts with docker run: name -> the arguments."""
    runs = {}
    for _, sh in sh_steps(stage.body):
        for command in commands(script_of(sh)):
            if command.startswith("docker run "):
                args = shlex.split(command)[2:]
                runs[args[args.index("--name") + 1]] = args
    return runs


def test_the_test_stage_starts_the_workflows_service_containers(pipeline, workflow):
    services = workflow["jobs"]["test"]["services"]
    runs = docker_runs(stages(pipeline)["Test"])
    assert len(runs) == len(services)
    for args in runs.values():
        image = args[-1]
        service = next(s for s in services.values() if s["image"] == image)
        assert args[args.index("--publish") + 1] == service["ports"][0]
        env = {args[i + 1] for i, a in enumerate(args) if a == "--env"}
        assert env == {f"{k}={v}" for k, v in service.get("env", {}).items()}
        options = shlex.split(service["options"])
        assert " ".join(options) in " ".join(args), f"{image}: other health options"


def test_the_test_stage_waits_for_healthy_services_and_removes_them(pipeline):
    test = stages(pipeline)["Test"]
    names = set(docker_runs(test))
    waits = [script_of(sh) for scope, sh in sh_steps(test.body) if scope[-1].name == "timeout"]
    assert len(waits) == 1
    assert "healthy" in waits[0]
    assert names <= set(re.findall(r"[\w-]+", waits[0]))
    cleanup = block(block(block(test.body, "post").body, "always").body, "sh")
    assert cleanup.args[0].value.startswith("docker rm --force ")
    assert names <= set(cleanup.args[0].value.split())


def test_the_test_stage_has_the_workflows_environment(pipeline, workflow):
    env = environment(stages(pipeline)["Test"])
    assert env.pop("PYTEST_ADDOPTS").startswith("--junitxml=")
    assert env == workflow["jobs"]["test"]["env"]


def test_image_and_deploy_run_only_for_main(pipeline, workflow):
    assert workflow[True]["push"]["branches"] == ["main"]
    assert workflow["jobs"]["image"]["if"] == "github.event_name == 'push'"
    for name in ("Image", "Deploy"):
        when = block(stages(pipeline)[name].body, "when")
        branch = block(when.body, "branch")
        assert branch.args[0].value == "main", name


def test_the_image_stage_builds_and_pushes_like_the_workflow(pipeline, workflow):
    ours = [c for _, sh in sh_steps(stages(pipeline)["Image"].body)
            for c in commands(script_of(sh)) if c != "set +x"]
    assert ours == [renamed(c) for c in run_commands(workflow["jobs"]["image"])]


def release_commands() -> list[str]:
    text = WORKFLOW.read_text()
    section = text.split("# --8<-- [start:release]")[1].split("# --8<-- [end:release]")[0]
    return commands(section)


def test_the_deploy_stage_runs_the_workflows_release_commands(pipeline):
    [(_, sh)] = sh_steps(stages(pipeline)["Deploy"].body)
    script = script_of(sh)
    # bash with pipefail, like the workflow's defaults.run.shell: bash.
    assert script.startswith("#!/bin/bash\n")
    assert commands(script)[0] == "set -euo pipefail"
    assert commands(script)[1:] == [renamed(c) for c in release_commands()]


def test_the_deploy_waits_for_a_person_and_asks_only_on_main(pipeline):
    deploy = stages(pipeline)["Deploy"]
    asked = {c.name: c.args[0].value for c in block(deploy.body, "input").body}
    assert set(asked) == {"message", "ok", "submitter"}
    assert block(block(deploy.body, "when").body, "beforeInput").args == [True]
    # A stage timeout covers the wait for the answer.
    assert block(block(deploy.body, "options").body, "timeout").kwargs["unit"].value == "DAYS"


# --8<-- [start:test_credentials]
def bindings_of(c: Call) -> set[str]:
    """The variables a withCredentials step defines (usernameVariable: ... and so on)."""
    if c.name != "withCredentials":
        return set()
    return {
        v.value for binding in c.args[0]
        for k, v in binding.kwargs.items() if k.lower().endswith("variable")
    }


def bound_variables(calls: list) -> set[str]:
    names = set()
    for c in calls:
        if isinstance(c, Call):
            names |= bindings_of(c) | bound_variables(c.body or [])
    return names


def credential_problems(pipeline: Call) -> list[str]:
    """Secrets reach only the shell, inside their withCredentials block, and are never printed."""
    secrets = bound_variables(pipeline.body)
    problems = []

    def check(c: Call, in_scope: set[str]) -> None:
        strings = [a for a in [*c.args, *c.kwargs.values()] if isinstance(a, Str)]
        for name in secrets:
            uses = [s for s in strings if re.search(rf"\$\{{?{name}\b", s.value)]
            if not uses:
                continue
            where = f"line {c.line}: ${name}"
            if name not in in_scope:
                problems.append(f"{where} is used outside its withCredentials block")
            if any(s.gstring for s in uses):
                problems.append(f"{where} is in a double-quoted string: Groovy expands it")
            if c.name == "echo":
                problems.append(f"{where} is printed by echo")
            if c.name == "sh":
                script = uses[0].value
                quiet = script.startswith("#!") or commands(script)[0] == "set +x"
                if re.search(r"\bset -[a-z]*x", script) or not quiet:
                    problems.append(f"{where}: sh traces its commands; start with set +x")
                for command in commands(script):
                    printed = re.match(rf"(echo|printf)\b[^|]*\$\{{?{name}\b", command)
                    if printed and "|" not in command:
                        problems.append(f"{where} is printed to the build log")

    def walk(calls: list, in_scope: set[str]) -> None:
        for c in calls:
            if isinstance(c, Assign) and getattr(c.value, "name", None) == "credentials":
                problems.append(f"line {c.line}: credentials() in environment: use withCredentials")
            if not isinstance(c, Call):
                continue
            check(c, in_scope)
            walk(c.body or [], in_scope | bindings_of(c))

    walk(pipeline.body, set())
    return problems


def test_credentials_reach_only_the_shell_and_are_never_printed(pipeline):
    assert credential_problems(pipeline) == []


LOGIN_OPEN = "sh \'\'\'\n                        set +x"
LOGIN_CLOSE = 'docker push "$IMAGE:$GIT_COMMIT"\n                    \'\'\''
LEAKS = {
    "a double-quoted Groovy string": [
        (LOGIN_OPEN, LOGIN_OPEN.replace("\'\'\'", '"""')),
        (LOGIN_CLOSE, LOGIN_CLOSE.replace("\'\'\'", '"""')),
    ],
    "a traced shell": [("set +x\n", "")],
    "tracing switched on again": [("set +x\n", "set +x\nset -ux\n")],
    "echo into the log": [(' | docker login ghcr.io -u "$REGISTRY_USER" --password-stdin', "")],
    "an echo step outside the block": [
        ("sh 'npm ci --no-audit --no-fund'", "echo 'token: $REGISTRY_TOKEN'"),
    ],
}


@pytest.mark.parametrize("leak", LEAKS)
def test_the_credentials_check_finds_each_leak(source, leak):
    leaky = source
    for before, after in LEAKS[leak]:
        assert before in leaky, before
        leaky = leaky.replace(before, after)
    assert syntax_errors(leaky) == []
    assert credential_problems(read_pipeline(leaky)), leak
# --8<-- [end:test_credentials]


def test_post_always_publishes_the_junit_reports_then_cleans_up(pipeline):
    post = block(pipeline.body, "post")
    junit = block(block(post.body, "always").body, "junit")
    assert junit.kwargs["allowEmptyResults"] is True
    report = environment(stages(pipeline)["Test"])["PYTEST_ADDOPTS"].split("=", 1)[1]
    assert fnmatch.fnmatch(report, junit.kwargs["testResults"].value)
    # Without it, a build that fails before the tests would publish the last build's report.
    assert block(block(post.body, "cleanup").body, "deleteDir")
