"""The project's packages, from its layout: what coverage measures and mypy checks by default."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from gates.conftest import MakeProject
from gates.contexts import ctx

from acolyte_gates.config.settings import RunSettings, Settings
from acolyte_gates.gates import coverage_gate, mypy_gate
from acolyte_gates.gates.base import GateContext
from acolyte_gates.gates.layout import is_whole_project, project_packages
from acolyte_gates.gates.project import project_tools

SRC_LAYOUT = {
    "src/shop/__init__.py": "",
    "src/shop/cart.py": "",
    "src/shop_cli/__init__.py": "",
    "tests/__init__.py": "",
    "tests/test_cart.py": "",
    "docs/conf.py": "",
    "setup.py": "",
}
FLAT_LAYOUT = {
    "shop/__init__.py": "",
    "tests/__init__.py": "",
    "testing/__init__.py": "",
    "test_helpers/__init__.py": "",
    "docs/__init__.py": "",
    "examples/__init__.py": "",
    "scripts/run.py": "",  # no __init__.py: not a package
    "not-a-name/__init__.py": "",  # not importable
    "setup.py": "",
}


@pytest.mark.parametrize(
    ("files", "packages"),
    [
        (SRC_LAYOUT, ("src/shop", "src/shop_cli")),
        # a src/ folder with packages makes a src layout: a top-level package is then not one
        ({**SRC_LAYOUT, "tools/__init__.py": ""}, ("src/shop", "src/shop_cli")),
        (FLAT_LAYOUT, ("shop",)),
        ({"app.py": "", "test_app.py": ""}, ()),
    ],
    ids=["src", "src-with-top-level-folder", "flat", "scripts-only"],
)
def test_project_packages(
    make_project: MakeProject, files: dict[str, str], packages: tuple[str, ...]
) -> None:
    assert project_packages(str(make_project(files))) == packages


def project_ctx(root: Path, gate: str, **run: object) -> GateContext:
    """A gate's context on the whole project at `root`, its tool configs read from disk."""
    base = ctx(gate)
    settings = Settings(run=RunSettings(**run))  # type: ignore[arg-type]
    return dataclasses.replace(
        base, root=str(root), settings=settings, project=project_tools(str(root))
    )


@pytest.mark.parametrize(
    ("files", "run", "sources"),
    [
        (SRC_LAYOUT, {}, ["shop", "shop_cli"]),  # by import name: installed or not
        (FLAT_LAYOUT, {}, ["shop"]),
        ({"app.py": "", "tests/test_app.py": ""}, {}, ["."]),  # no package at all
        (SRC_LAYOUT, {"coverage_source": "src/shop"}, ["src/shop"]),
    ],
    ids=["src", "flat", "no-package", "configured"],
)
def test_coverage_measures_the_packages_never_the_tests(
    make_project: MakeProject, files: dict[str, str], run: dict[str, object], sources: list[str]
) -> None:
    gate_ctx = project_ctx(make_project(files), "coverage", **run)
    assert coverage_gate.sources(gate_ctx) == sources
    assert [f"--cov={source}" for source in sources] == [
        arg for arg in coverage_gate.build(gate_ctx) if arg.startswith("--cov=")
    ]


@pytest.mark.parametrize(
    "config",
    [
        {"pyproject.toml": '[tool.coverage.run]\nsource = ["shop", "tests"]\n'},
        {".coveragerc": "[run]\ninclude = shop/*\n"},
        {"setup.cfg": "[coverage:run]\nsource_pkgs = shop\n"},
    ],
)
def test_coverage_config_that_says_what_to_measure_is_left_to_coverage(
    make_project: MakeProject, config: dict[str, str]
) -> None:
    # a --cov=SOURCE would override the project's choice (and with `include`, coverage warns)
    gate_ctx = project_ctx(make_project({**FLAT_LAYOUT, **config}), "coverage")
    argv = coverage_gate.build(gate_ctx)
    assert "--cov" in argv and not any(arg.startswith("--cov=") for arg in argv)


def test_coverage_config_without_a_source_leaves_the_choice_to_us(
    make_project: MakeProject,
) -> None:
    config = {".coveragerc": "[run]\nbranch = true\nomit = shop/vendor/*\n"}
    gate_ctx = project_ctx(make_project({**FLAT_LAYOUT, **config}), "coverage")
    assert "--cov=shop" in coverage_gate.build(gate_ctx)


def test_mypy_without_a_config_checks_the_packages_not_docs_examples_or_setup_py(
    make_project: MakeProject,
) -> None:
    gate_ctx = project_ctx(make_project(SRC_LAYOUT), "types")
    assert mypy_gate.build(gate_ctx)[-3:] == ["--", "src/shop", "src/shop_cli"]


def test_mypy_with_a_config_without_files_checks_the_packages(make_project: MakeProject) -> None:
    files = {**FLAT_LAYOUT, "pyproject.toml": "[tool.mypy]\nstrict = true\n"}
    gate_ctx = project_ctx(make_project(files), "types")
    argv = mypy_gate.build(gate_ctx)
    assert argv[-2:] == ["--", "shop"] and "--strict" not in argv  # the config says strict


@pytest.mark.parametrize(
    ("paths", "whole"),
    [((".",), True), (("./",), True), (("src",), False), ((".", "tests"), False)],
)
def test_the_whole_project_is_the_root_alone(paths: tuple[str, ...], whole: bool) -> None:
    assert is_whole_project(paths) is whole
