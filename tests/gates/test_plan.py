"""Which gates a request runs, and which bad names and settings it refuses."""

from __future__ import annotations

from pathlib import Path

import pytest
from gates.conftest import MakeProject

from acolyte_gates.config.settings import RunSettings, Settings
from acolyte_gates.errors import ConfigError, UsageError
from acolyte_gates.gates.plan import RunRequest, make_plan, select
from acolyte_gates.gates.project import project_tools
from acolyte_gates.gates.registry import BUILTIN_GATES


def names(request: RunRequest, run: RunSettings | None = None) -> list[str]:
    """The selected gates of ours (installed plugins may add gates of theirs after them)."""
    ours = {gate.name for gate in BUILTIN_GATES}
    return [gate.name for gate in select(request, run or RunSettings()) if gate.name in ours]


def test_all_gates_run_by_default_in_report_order() -> None:
    assert names(RunRequest(".")) == [
        "format",
        "imports",
        "types",
        "aco",
        "lint",
        "security",
        "coverage",
    ]


@pytest.mark.parametrize(
    ("request_", "run", "expected"),
    [
        (
            RunRequest(".", gates=("types", "format")),
            None,
            ["format", "types"],
        ),  # report order, not asked order
        (
            RunRequest(".", skip=("coverage", "types")),
            None,
            ["format", "imports", "aco", "lint", "security"],
        ),
        (RunRequest("."), RunSettings(gates=("aco", "lint"), skip=("lint",)), ["aco"]),
        # gates named by the request ignore the configured skip
        (RunRequest(".", gates=("lint",)), RunSettings(skip=("lint",)), ["lint"]),
        (RunRequest(".", skip=("aco",)), RunSettings(gates=("aco", "lint")), ["lint"]),
    ],
)
def test_selection(request_: RunRequest, run: RunSettings | None, expected: list[str]) -> None:
    assert names(request_, run) == expected


def test_an_unknown_gate_is_a_usage_error_with_a_suggestion() -> None:
    with pytest.raises(UsageError, match="did you mean 'security'"):
        names(RunRequest(".", gates=("securty",)))


@pytest.mark.parametrize(
    "run",
    [
        RunSettings(skip=("lnt",)),
        RunSettings(timeouts=(("mypy", 10.0),)),
        RunSettings(args=(("aco", ("-x",)),)),
    ],
)
def test_bad_gate_names_in_the_config_are_config_errors(tmp_path: Path, run: RunSettings) -> None:
    with pytest.raises(ConfigError):
        make_plan(RunRequest(str(tmp_path), settings=Settings(root=str(tmp_path), run=run)))


def test_a_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no such file"):
        make_plan(
            RunRequest(str(tmp_path), paths=("nowhere",), settings=Settings(root=str(tmp_path)))
        )


def test_files_are_discovered_relative_to_the_root_minus_excludes(
    make_project: MakeProject,
) -> None:
    root = make_project({"a.py": "", "pkg/b.py": "", ".venv/c.py": "", "notes.txt": ""})
    plan = make_plan(RunRequest(str(root), settings=Settings(root=str(root))))
    assert plan.context.files == ("a.py", "pkg/b.py")


def test_configured_args_and_timeouts_reach_their_gate(
    make_project: MakeProject,
) -> None:
    pyproject = (
        "[tool.acolyte-gates.run]\ntimeout = 50\ntimeouts = {types = 900}\n"
        'args = {lint = ["--max-complexity=5"]}\n'
    )
    plan = make_plan(RunRequest(str(make_project({"pyproject.toml": pyproject}))))
    by_name = {gate.name: gate for gate in plan.gates}
    assert plan.timeout_for(by_name["types"]) == 900 and plan.timeout_for(by_name["lint"]) == 50
    assert plan.context_for(by_name["lint"], "/s").extra_args == ("--max-complexity=5",)


@pytest.mark.parametrize(
    ("files", "configured"),
    [
        ({"pyproject.toml": "[tool.mypy]\nstrict = false\n"}, {"mypy"}),
        ({"pyproject.toml": "[tool.ruff.lint]\nselect = ['E']\n[tool.black]\n"}, {"ruff", "black"}),
        ({"ruff.toml": "line-length = 100\n"}, {"ruff"}),
        ({".ruff.toml": "[lint]\nextend-select = ['I']\n"}, {"ruff", "ruff_sorts_imports"}),
        ({"pyproject.toml": "[tool.ruff]\nselect = ['ALL']\n"}, {"ruff", "ruff_sorts_imports"}),
        (
            {"setup.cfg": "[flake8]\nmax-line-length = 100\n[isort]\nprofile = black\n"},
            {"flake8", "isort"},
        ),
        ({"tox.ini": "[tool:isort]\n", ".flake8": "[flake8]\n"}, {"isort", "flake8"}),
        (
            {"pyproject.toml": "[tool.flake8]\n[tool.bandit]\n"},
            {"bandit"},
        ),  # flake8 never reads pyproject
        ({"setup.cfg": "not an ini file ["}, set()),
    ],
)
def test_project_tool_configs_are_detected(
    make_project: MakeProject, files: dict[str, str], configured: set[str]
) -> None:
    tools = project_tools(str(make_project(files)))
    assert {
        name
        for name in ("mypy", "isort", "flake8", "bandit", "ruff", "black", "ruff_sorts_imports")
        if getattr(tools, name)
    } == configured
