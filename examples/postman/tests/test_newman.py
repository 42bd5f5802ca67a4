"""The Postman collection passes against the shop, served by a live Django server.

Newman (the npm package pinned in package.json) runs ``shop.postman_collection.json`` with
``local.postman_environment.json``; the command line overrides the base URL and gives the
password of a staff user these tests create. The tests read Newman's JSON report and fail on
any failed assertion, request error or script error.
"""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from shop.models import Product
from shop.sample_data import create_sample_shop

from tools.services import services_required

POSTMAN = Path(__file__).resolve().parents[1]
ROOT = POSTMAN.parents[1]
NEWMAN = ROOT / "node_modules" / ".bin" / "newman"
COLLECTION = POSTMAN / "shop.postman_collection.json"
ENVIRONMENT = POSTMAN / "local.postman_environment.json"
OUTPUTS = POSTMAN / "outputs"
# A throwaway user of the test database, never a real account.
STAFF_PASSWORD = "s3cret-pass-123"

# The live server's static files middleware warns that collectstatic never ran: harmless here.
live = pytest.mark.filterwarnings("ignore:No directory at:UserWarning")


def newman_missing_reason() -> str | None:
    if shutil.which("node") is None:
        return "Node.js is not installed: install Node.js 18 or newer, then run 'npm ci'"
    if not NEWMAN.exists():
        return "node_modules/.bin/newman is missing: run 'npm ci' in the repository root"
    return None


@pytest.fixture
def newman() -> Path:
    reason = newman_missing_reason()
    if reason is not None:
        if services_required():
            pytest.fail(f"{reason} (NEXUS_REQUIRE_SERVICES=1 makes this a failure)", pytrace=False)
        pytest.skip(reason)
    return NEWMAN


@pytest.fixture
def shop_with_staff(transactional_db):
    """The sample shop of the shop tests, and the staff user the environment file names."""
    create_sample_shop(products_per_category=5)
    environment = {v["key"]: v["value"] for v in json.loads(ENVIRONMENT.read_text())["values"]}
    get_user_model().objects.create_user(
        environment["username"], password=STAFF_PASSWORD, is_staff=True
    )


# --8<-- [start:run_newman]
def run_newman(
    collection: Path, report: Path, *env_vars: str, folder: str | None = None
) -> subprocess.CompletedProcess:
    command = [str(NEWMAN), "run", str(collection), "--environment", str(ENVIRONMENT)]
    for env_var in env_vars:
        command += ["--env-var", env_var]
    if folder:
        command += ["--folder", folder]
    command += ["--reporters", "cli,json,junit", "--reporter-json-export", str(report)]
    command += ["--reporter-junit-export", str(report.with_suffix(".xml"))]
    command += ["--color", "off", "--disable-unicode"]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=ROOT)
# --8<-- [end:run_newman]


def requests_in(items: list[dict]) -> list[dict]:
    """The requests of a collection or folder, folders opened, in the order they run."""
    return [r for item in items for r in (requests_in(item["item"]) if "item" in item else [item])]


def request_names(collection: Path) -> list[str]:
    return [item["name"] for item in requests_in(json.loads(collection.read_text())["item"])]


# --8<-- [start:test_collection]
@live
def test_the_collection_passes_against_a_live_server(
    newman, live_server, shop_with_staff, tmp_path
):
    report = tmp_path / "newman-report.json"
    result = run_newman(
        COLLECTION, report, f"baseUrl={live_server.url}", f"password={STAFF_PASSWORD}"
    )
    output = result.stdout + result.stderr
    assert report.exists(), output
    run = json.loads(report.read_text())["run"]

    assert run["failures"] == [], output
    assert run["stats"]["assertions"]["failed"] == 0, output
    assert run["stats"]["requests"]["failed"] == 0, output
    assert result.returncode == 0, output
    # Every request ran, in order, each checked by at least two tests: the collection's
    # time budget and its own status test.
    assert [e["item"]["name"] for e in run["executions"]] == request_names(COLLECTION)
    for execution in run["executions"]:
        assert len(execution["assertions"]) >= 2, execution["item"]["name"]
    # The JSON report holds the environment, password and token included: keep it private.
    # The JUnit report, for CI servers to display, holds test names and results only.
    values = json.loads(report.read_text())["environment"]["values"]
    environment = {v["key"]: v["value"] for v in values}
    junit = report.with_suffix(".xml").read_text()
    assert STAFF_PASSWORD in report.read_text()
    assert environment["accessToken"].startswith("eyJ")
    assert STAFF_PASSWORD not in junit
    assert environment["accessToken"] not in junit
# --8<-- [end:test_collection]


@live
def test_without_the_password_the_token_request_fails_first(
    newman, live_server, shop_with_staff, tmp_path
):
    report = tmp_path / "newman-report.json"
    result = run_newman(COLLECTION, report, f"baseUrl={live_server.url}")
    assert result.returncode == 1
    run = json.loads(report.read_text())["run"]
    first = run["failures"][0]
    assert (first["source"]["name"], first["error"]["test"]) == ("Obtain a JWT", "status is 200")
    # Newman's own summary of that first failure, as the page shows it.
    text = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout)
    block = text[text.index(" 1.  AssertionError") : text.index(" 2.  AssertionError")]
    shown = "\n".join(line.rstrip() for line in block.splitlines() if line.strip())
    assert shown == (OUTPUTS / "missing_password.txt").read_text().rstrip()


def one_request_item(name: str, script: str, listen: str) -> dict:
    return {
        "name": name,
        "request": {"method": "GET", "url": "{{baseUrl}}/healthz"},
        "event": [{"listen": listen, "script": {"exec": [script]}}],
    }


@live
def test_the_browse_folder_runs_alone_and_changes_nothing(
    newman, live_server, shop_with_staff, tmp_path
):
    # A smoke test for any environment, production included: anonymous reads only.
    before = list(Product.objects.values_list("slug", "is_active").order_by("slug"))
    report = tmp_path / "newman-report.json"
    result = run_newman(
        COLLECTION, report, f"baseUrl={live_server.url}", folder="Browse the catalogue"
    )
    assert result.returncode == 0, result.stdout
    run = json.loads(report.read_text())["run"]
    assert [e["item"]["name"] for e in run["executions"]] == [
        "List categories", "List products: filter, order, paginate", "Follow the next page link",
    ]
    assert list(Product.objects.values_list("slug", "is_active").order_by("slug")) == before


@live
def test_a_local_variable_lasts_for_the_rest_of_the_run(newman, live_server, tmp_path):
    # Why "Obtain a JWT" unsets its larger budget: pm.variables.set() is not per request.
    schema = json.loads(COLLECTION.read_text())["info"]["schema"]
    collection = tmp_path / "local-variable.postman_collection.json"
    collection.write_text(json.dumps({
        "info": {"name": "local variable", "schema": schema},
        "variable": [{"key": "budget", "value": "collection"}],
        "item": [
            one_request_item(
                "sets it", "pm.variables.set('budget', 'local');", "prerequest"
            ),
            one_request_item(
                "a later request",
                "pm.test('still local', () => "
                "pm.expect(pm.variables.get('budget')).to.equal('local'));",
                "test",
            ),
        ],
    }))
    report = tmp_path / "report.json"
    result = run_newman(collection, report, f"baseUrl={live_server.url}")
    assert result.returncode == 0, result.stdout
    stats = json.loads(report.read_text())["run"]["stats"]
    assert stats["requests"]["failed"] == 0
    assert stats["assertions"] == {"total": 1, "pending": 0, "failed": 0}


@live
def test_a_raw_body_without_its_json_language_is_415(newman, live_server, tmp_path):
    # Postman adds "Content-Type: application/json" for a raw body marked as JSON. Drop
    # both that mark and the explicit header, and the body goes out as text/plain.
    collection = json.loads(COLLECTION.read_text())
    token = next(r for r in requests_in(collection["item"]) if r["name"] == "Obtain a JWT")
    del token["request"]["body"]["options"]
    token["request"]["header"] = []
    token["event"] = [{"listen": "test", "script": {"exec": [
        "pm.test('415', () => pm.response.to.have.status(415));",
        "pm.test('detail', () => pm.expect(pm.response.json().detail).to.equal(",
        "    'Unsupported media type \"text/plain\" in request.'));",
    ]}}]
    collection["item"], collection["event"] = [token], []
    path = tmp_path / "text-plain.postman_collection.json"
    path.write_text(json.dumps(collection))
    report = tmp_path / "report.json"
    result = run_newman(path, report, f"baseUrl={live_server.url}", "password=irrelevant")
    assert result.returncode == 0, result.stdout
    assert json.loads(report.read_text())["run"]["stats"]["assertions"]["total"] == 2


def test_the_environment_file_holds_no_secret_values():
    values = json.loads(ENVIRONMENT.read_text())["values"]
    secrets = {v["key"]: v["value"] for v in values if v["type"] == "secret"}
    assert set(secrets) == {"password", "accessToken"}
    assert all(value == "" for value in secrets.values())


def test_every_request_has_tests_and_the_collection_a_time_budget():
    collection = json.loads(COLLECTION.read_text())
    assert collection["info"]["schema"].endswith("/collection/v2.1.0/collection.json")
    budget = {v["key"]: v["value"] for v in collection["variable"]}["responseTimeBudgetMs"]
    assert int(budget) > 0
    collection_tests = "\n".join(
        line for event in collection["event"] if event["listen"] == "test"
        for line in event["script"]["exec"]
    )
    assert "pm.response.responseTime" in collection_tests
    for item in requests_in(collection["item"]):
        tests = [e for e in item["event"] if e["listen"] == "test"]
        assert tests, item["name"]
        assert "pm.test(" in "\n".join(tests[0]["script"]["exec"]), item["name"]


def test_the_page_lists_every_request_with_its_method_url_and_auth():
    page = (ROOT / "docs" / "technologies" / "postman-and-newman.md").read_text()
    rows = re.findall(r"^\| (.+?) \| `([A-Z]+) (\S+)` \| (.+?) \|$", page, re.MULTILINE)
    collection = json.loads(COLLECTION.read_text())
    assert collection["auth"]["type"] == "bearer"
    assert collection["auth"]["bearer"][0]["value"] == "{{accessToken}}"
    expected = []
    for item in requests_in(collection["item"]):
        request = item["request"]
        inherits = request.get("auth", {}).get("type") != "noauth"
        auth = "Bearer (collection)" if inherits else "none"
        expected.append((item["name"], request["method"], request["url"]["raw"], auth))
    assert rows == expected
