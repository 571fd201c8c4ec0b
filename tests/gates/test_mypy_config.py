"""The project's mypy config: found where mypy looks, its `files`, and when --strict is added."""

from __future__ import annotations

import dataclasses

import pytest
from gates.conftest import MakeProject
from gates.contexts import ctx, lines, result

from acolyte_gates.config.levels import Level
from acolyte_gates.gates import mypy_gate
from acolyte_gates.gates.base import GateContext, ProjectTools
from acolyte_gates.gates.mypy_config import MypyConfig, find_mypy_config


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({}, None),
        ({"pyproject.toml": "[tool.black]\n"}, None),
        ({"setup.cfg": "[flake8]\n"}, None),  # setup.cfg counts only with a [mypy] section
        (
            {"pyproject.toml": '[tool.mypy]\nfiles = ["src", "tests/types"]\n'},
            ("src", "tests/types"),
        ),
        ({"setup.cfg": "[mypy]\nfiles = src, tests\n"}, ("src", "tests")),
        ({".mypy.ini": "[mypy]\nfiles = pkg\n"}, ("pkg",)),
        # mypy.ini comes first in mypy's order: pyproject's table is never read then
        (
            {"mypy.ini": "[mypy]\nfiles = one\n", "pyproject.toml": '[tool.mypy]\nfiles = "two"\n'},
            ("one",),
        ),
        ({"mypy.ini": "[mypy]\npython_version = 3.11\n"}, ()),
    ],
)
def test_the_config_mypy_reads_and_its_files(
    make_project: MakeProject, files: dict[str, str], expected: tuple[str, ...] | None
) -> None:
    found = find_mypy_config(str(make_project(files)))
    assert (found.files if found else None) == expected


@pytest.mark.parametrize(
    ("options", "decides"),
    [
        ("strict = true", True),
        ("strict = false", True),
        ("disallow_untyped_defs = false", True),
        ("check-untyped-defs = true", True),  # mypy reads dashes as underscores
        ("warn_unused_configs = true", True),  # one of --strict's flags in mypy < 2
        ("ignore_missing_imports = true\npython_version = 3.11", False),
    ],
)
def test_a_config_decides_strictness_when_it_sets_strict_or_one_of_its_flags(
    make_project: MakeProject, options: str, decides: bool
) -> None:
    found = find_mypy_config(str(make_project({"mypy.ini": f"[mypy]\n{options}\n"})))
    assert found is not None and found.decides_strictness is decides


def types_ctx(
    config: MypyConfig | None, level: Level = Level.PRODUCTION, paths: str = "."
) -> GateContext:
    """The types gate's context on the whole project (or `paths`), with a mypy config."""
    base = ctx("types")
    return dataclasses.replace(
        base,
        settings=dataclasses.replace(base.settings, level=level),
        project=ProjectTools(mypy=config),
        paths=(paths,),
    )


@pytest.mark.parametrize(
    ("config", "level", "strict"),
    [
        (None, Level.PRODUCTION, True),
        (None, Level.MVP, False),  # the mvp level does not ask for --strict
        (MypyConfig("mypy.ini"), Level.ENTERPRISE, True),  # a config silent on strictness
        (MypyConfig("mypy.ini", decides_strictness=True), Level.HYPERSCALE, False),
    ],
)
def test_strict_is_added_when_the_level_asks_and_the_config_does_not_decide(
    config: MypyConfig | None, level: Level, strict: bool
) -> None:
    assert ("--strict" in mypy_gate.build(types_ctx(config, level))) is strict


def test_the_configs_files_are_checked_unless_the_run_names_paths() -> None:
    configured = MypyConfig("pyproject.toml", files=("src",))
    assert "--" not in mypy_gate.build(types_ctx(configured))  # mypy reads `files` itself
    named = mypy_gate.build(types_ctx(configured, paths="a.py"))
    assert named[-2:] == ["--", "a.py"]


def test_mypys_plain_text_notes_about_its_config_are_not_unreadable_output() -> None:
    note = "pyproject.toml: note: unused section(s): module = ['importlib_metadata']\n"
    row = (
        '{"file": "a.py", "line": 2, "column": 0, "message": "Bad", "hint": null,'
        ' "code": "misc", "severity": "error"}\n'
    )
    verdict = mypy_gate.read(result(1, stdout=row + note), ctx("types"))
    assert lines(verdict) == ["a.py:2:1: misc Bad"]
