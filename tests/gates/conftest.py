"""Fixtures for the gate tests: small projects on disk, an environment free of the outer pytest."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from gates.projects import write_project

TOOLS = ("black", "isort", "mypy", "flake8", "bandit", "pytest")

MakeProject = Callable[[dict[str, str]], Path]


@pytest.fixture(autouse=True)
def clean_tool_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No variable of the outer pytest run (xdist, pytest-cov, addopts) may reach the tools."""
    for name in (
        "PYTEST_ADDOPTS",
        "PYTEST_XDIST_WORKER",
        "PYTEST_XDIST_WORKER_COUNT",
        "ACOLYTE_GATES_TOOL_PATH",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("COV_CORE_SOURCE", raising=False)
    monkeypatch.delenv("COV_CORE_CONFIG", raising=False)
    monkeypatch.delenv("COV_CORE_DATAFILE", raising=False)


@pytest.fixture
def make_project(tmp_path: Path) -> MakeProject:
    """Write a project (file name -> text) into its own temporary folder."""
    count = iter(range(1000))

    def make(files: dict[str, str]) -> Path:
        return write_project(tmp_path / f"project{next(count)}", files)

    return make


@pytest.fixture
def real_tools() -> None:
    """Skip when the gate tools are not installed next to this Python (the `gates` extra)."""
    from acolyte_gates.gates.process import find_tool

    missing = [tool for tool in TOOLS if find_tool(tool) is None]
    if missing:
        pytest.skip(f"tools not installed: {', '.join(missing)}")
