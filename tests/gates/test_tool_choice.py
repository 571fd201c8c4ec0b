"""Which tool runs the format, imports and lint gates: the config's choice, else the project's."""

from __future__ import annotations

import pytest
from gates.conftest import MakeProject

from acolyte_gates.config.loader import load_settings
from acolyte_gates.errors import ConfigError
from acolyte_gates.gates.plan import RunRequest, make_plan

RUFF = "[tool.ruff]\nline-length = 100\n"
BLACK = "[tool.black]\nline-length = 100\n"


def tools(make_project: MakeProject, files: dict[str, str]) -> dict[str, str]:
    """Gate name -> the tool the plan runs it with."""
    plan = make_plan(RunRequest(str(make_project(files))))
    return {gate.name: gate.tool for gate in plan.gates}


@pytest.mark.parametrize(
    ("files", "chosen"),
    [
        ({"app.py": ""}, ("black", "isort", "flake8")),
        ({"pyproject.toml": RUFF}, ("ruff", "ruff", "ruff")),
        ({"ruff.toml": "line-length = 100\n"}, ("ruff", "ruff", "ruff")),
        ({"pyproject.toml": BLACK}, ("black", "isort", "flake8")),
        # the classic tool's own config wins: the project runs black beside ruff's linter
        ({"pyproject.toml": RUFF + BLACK}, ("black", "ruff", "ruff")),
        ({"pyproject.toml": RUFF, "setup.cfg": "[flake8]\n"}, ("ruff", "ruff", "flake8")),
        ({"pyproject.toml": RUFF, ".isort.cfg": "[settings]\n"}, ("ruff", "isort", "ruff")),
    ],
    ids=["nothing", "ruff", "ruff.toml", "black", "ruff+black", "ruff+flake8", "ruff+isort"],
)
def test_auto_follows_the_projects_own_tool_configs(
    make_project: MakeProject, files: dict[str, str], chosen: tuple[str, str, str]
) -> None:
    found = tools(make_project, files)
    assert (found["format"], found["imports"], found["lint"]) == chosen
    assert (found["types"], found["aco"], found["security"]) == ("mypy", "acolyte-gates", "bandit")


def test_the_run_table_names_a_tool_per_gate_whatever_the_project_says(
    make_project: MakeProject,
) -> None:
    choice = '[tool.acolyte-gates.run]\nformat = "black"\nimports = "ruff"\nlint = "ruff"\n'
    found = tools(make_project, {"pyproject.toml": RUFF + choice})
    assert (found["format"], found["imports"], found["lint"]) == ("black", "ruff", "ruff")
    assert tools(make_project, {"pyproject.toml": choice})["lint"] == "ruff"  # no ruff config


def test_a_tool_a_gate_cannot_run_is_a_config_error(make_project: MakeProject) -> None:
    root = make_project({"pyproject.toml": '[tool.acolyte-gates.run]\nformat = "yapf"\n'})
    with pytest.raises(ConfigError, match="format must be one of auto, black, ruff, got 'yapf'"):
        load_settings(root)
