"""Which tools a project configures itself, read from its config files (never by running them)."""

from __future__ import annotations

import configparser
import os
from pathlib import Path

from acolyte_gates.config.loader import read_toml
from acolyte_gates.gates.base import ProjectTools

# The ini-style files each tool reads, and the section names it looks for in them.
_INI_SECTIONS: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "mypy": (
        ("mypy.ini", ("mypy",)),
        (".mypy.ini", ("mypy",)),
        ("setup.cfg", ("mypy",)),
    ),
    "isort": (
        (".isort.cfg", ("settings", "isort")),
        ("setup.cfg", ("isort", "tool:isort")),
        ("tox.ini", ("isort", "tool:isort")),
    ),
    "flake8": (
        (".flake8", ("flake8",)),
        ("setup.cfg", ("flake8",)),
        ("tox.ini", ("flake8",)),
    ),
}


def _ini_sections(path: str) -> set[str]:
    """The section names of an ini file; an unreadable or malformed file has none."""
    parser = configparser.RawConfigParser()
    try:
        parser.read(path, encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError):
        return set()
    return set(parser.sections())


def _pyproject_tools(root: str) -> set[str]:
    """The [tool.X] tables of the project's pyproject.toml."""
    path = Path(root) / "pyproject.toml"
    if not path.is_file():
        return set()
    tool = read_toml(path).get("tool", {})
    return set(tool) if isinstance(tool, dict) else set()


def _configures(root: str, tool: str, in_pyproject: set[str]) -> bool:
    """Whether the project has a config for `tool` in any file that tool reads."""
    if tool in in_pyproject and tool != "flake8":  # flake8 never reads pyproject.toml
        return True
    for name, sections in _INI_SECTIONS[tool]:
        path = os.path.join(root, name)
        if os.path.isfile(path) and _ini_sections(path) & set(sections):
            return True
    return False


def project_tools(root: str) -> ProjectTools:
    """Which of mypy, isort and flake8 the project configures; bandit counts in pyproject only."""
    tables = _pyproject_tools(root)
    found = {tool: _configures(root, tool, tables) for tool in _INI_SECTIONS}
    return ProjectTools(**found, bandit="bandit" in tables)
