"""The Terraform and Ansible files pass offline validation, and the validators catch mistakes."""

import pytest

from infra import validate
from infra.validate import INFRA, ValidatorMissing


def checked(func, *args):
    try:
        return func(*args)
    except ValidatorMissing as exc:  # fail, never skip: a missing tool is not a clean file
        pytest.fail(str(exc), pytrace=False)


@pytest.fixture(scope="module")
def module():
    [path] = validate.TERRAFORM_FILES
    return checked(validate.parse_terraform, path)


def test_terraform_module_has_no_problems(module):
    assert validate.terraform_problems(module) == []


def test_terraform_provider_is_pinned_and_variables_are_typed(module):
    [block] = module["terraform"]
    assert block["required_providers"] == [
        {"local": {"source": "hashicorp/local", "version": "~> 2.5"}}
    ]
    types = {name: spec["type"] for v in module["variable"] for name, spec in v.items()}
    assert types == {"app_name": "string", "web_replicas": "number"}
    [output] = module["output"]
    assert output["env_file"]["value"] == "${local_file.app_env.filename}"


def test_terraform_checks_catch_unpinned_and_untyped(tmp_path):
    bad = tmp_path / "bad.tf"
    bad.write_text(
        'terraform {\n  required_providers {\n    local = { source = "hashicorp/local" }\n'
        '  }\n}\nvariable "name" {}\nresource "random_pet" "p" {}\n'
        'output "o" { value = 1 }\n'
    )
    assert validate.terraform_problems(checked(validate.parse_terraform, bad)) == [
        "provider local has no version constraint",
        "resource type random_pet uses a provider not in required_providers",
        "variable name has no type",
        "variable name has no description",
        "output o has no description",
    ]


def test_terraform_parser_rejects_invalid_hcl(tmp_path):
    bad = tmp_path / "broken.tf"
    bad.write_text('variable "x" {\n  type = string\n')  # missing closing brace
    with pytest.raises(Exception, match="Unexpected token") as error:  # noqa: B017 - lark's
        checked(validate.parse_terraform, bad)
    # The first line of the message, as the page quotes it.
    first_line = str(error.value).splitlines()[0]
    assert first_line == "Unexpected token Token('$END', '') at line 3, column 1."


def test_every_infra_config_file_is_checked():
    assert {p.name for p in INFRA.rglob("*.tf")} == {p.name for p in validate.TERRAFORM_FILES}
    assert {p.name for p in INFRA.rglob("*.yml")} == {p.name for p in validate.PLAYBOOKS}
    assert validate.TERRAFORM_FILES
    assert validate.PLAYBOOKS


@pytest.mark.parametrize("playbook", validate.PLAYBOOKS, ids=lambda p: p.name)
def test_playbook_passes_syntax_check(playbook):
    code, output = checked(validate.ansible_syntax_check, playbook)
    assert code == 0, output
    assert f"playbook: {playbook}" in output


def test_syntax_check_catches_a_misspelled_module(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "- name: Broken\n  hosts: web\n  tasks:\n    - name: Install\n"
        "      apt_get:\n        name: redis-server\n"
    )
    code, output = checked(validate.ansible_syntax_check, bad)
    assert code == 4
    assert "[ERROR]: couldn't resolve module/action 'apt_get'." in output


def test_syntax_check_catches_two_modules_in_one_task(tmp_path):
    bad = tmp_path / "merged.yml"
    bad.write_text(
        "- name: Broken\n  hosts: web\n  tasks:\n    - name: Install\n"
        "      ansible.builtin.apt:\n        name: redis-server\n"
        "      ansible.builtin.service:\n        name: redis-server\n"
    )
    code, output = checked(validate.ansible_syntax_check, bad)
    assert code == 4
    assert (
        "[ERROR]: conflicting action statements: ansible.builtin.apt, ansible.builtin.service"
        in output
    )


def test_a_group_missing_from_the_inventory_is_only_a_warning(tmp_path):
    inventory = tmp_path / "inventory.ini"
    inventory.write_text("[db]\nlocalhost ansible_connection=local\n")
    [playbook] = validate.PLAYBOOKS
    code, output = checked(validate.ansible_syntax_check, playbook, inventory)
    assert code == 0  # --syntax-check passes: the play would silently run on no host
    assert "[WARNING]: Could not match supplied host pattern, ignoring: web" in output
