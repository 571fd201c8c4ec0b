"""Which tools a project configures itself, read from its config files (never by running them)."""

from __future__ import annotations

import os
import re
from pathlib import Path

from acolyte_gates.config.loader import read_toml
from acolyte_gates.gates.base import ProjectTools
from acolyte_gates.gates.ini import read_ini
from acolyte_gates.gates.mypy_config import find_mypy_config

# The ini-style files each tool reads, and the section names it looks for in them.
_INI_SECTIONS: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
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
# ruff's own config files, in the order ruff prefers them over pyproject.toml's [tool.ruff].
_RUFF_FILES = (".ruff.toml", "ruff.toml")
# A rule selector that takes in ruff's import-order rules (I001, I002).
_IMPORT_SELECTOR = re.compile(r"^(ALL|I\d{0,3})$")
# The coverage.py settings that say what to measure, and the ini files and sections they sit in.
_COVERAGE_SELECTORS = ("source", "source_pkgs", "include")
_COVERAGE_INI = (
    (".coveragerc", ("run", "coverage:run")),
    ("setup.cfg", ("coverage:run",)),
    ("tox.ini", ("coverage:run",)),
)


def _pyproject_tools(root: str) -> dict[str, object]:
    """The [tool.X] tables of the project's pyproject.toml, by name."""
    path = Path(root) / "pyproject.toml"
    if not path.is_file():
        return {}
    tool = read_toml(path).get("tool", {})
    return tool if isinstance(tool, dict) else {}


def _configures(root: str, tool: str, in_pyproject: dict[str, object]) -> bool:
    """Whether the project has a config for `tool` in any file that tool reads."""
    if tool in in_pyproject and tool != "flake8":  # flake8 never reads pyproject.toml
        return True
    for name, sections in _INI_SECTIONS[tool]:
        path = os.path.join(root, name)
        if os.path.isfile(path) and set(read_ini(path).sections()) & set(sections):
            return True
    return False


def _ini_sets(path: str, sections: tuple[str, ...], keys: tuple[str, ...]) -> bool:
    """Whether an ini file sets any of `keys` in any of `sections`."""
    parser = read_ini(path) if os.path.isfile(path) else None
    return parser is not None and any(
        parser.has_option(section, key)
        for section in sections
        if parser.has_section(section)
        for key in keys
    )


def _coverage_selects(root: str, tables: dict[str, object]) -> bool:
    """Whether coverage.py's own config says what to measure (`source`, `source_pkgs`, `include`)."""
    coverage = tables.get("coverage")
    run = coverage.get("run") if isinstance(coverage, dict) else None
    if isinstance(run, dict) and any(key in run for key in _COVERAGE_SELECTORS):
        return True
    return any(
        _ini_sets(os.path.join(root, name), sections, _COVERAGE_SELECTORS)
        for name, sections in _COVERAGE_INI
    )


def _ruff_config(root: str, tables: dict[str, object]) -> dict[str, object] | None:
    """The ruff settings ruff would read in `root`, or None when the project has none."""
    for name in _RUFF_FILES:
        path = Path(root) / name
        if path.is_file():
            return read_toml(path)
    table = tables.get("ruff")
    return table if isinstance(table, dict) else None


def _selectors(place: object) -> list[str]:
    """The rule selectors a ruff config table lists under `select` and `extend-select`."""
    if not isinstance(place, dict):
        return []
    lists = [place.get(key) for key in ("select", "extend-select")]
    return [str(code) for codes in lists if isinstance(codes, list) for code in codes]


def selects_import_order(config: dict[str, object]) -> bool:
    """Whether a ruff config selects its import-order rules (I, I0, I001, ALL...) itself."""
    selectors = _selectors(config) + _selectors(config.get("lint"))
    return any(_IMPORT_SELECTOR.match(code) for code in selectors)


def project_tools(root: str) -> ProjectTools:
    """The tools the project configures itself; black and bandit count in pyproject only."""
    tables = _pyproject_tools(root)
    found = {tool: _configures(root, tool, tables) for tool in _INI_SECTIONS}
    ruff = _ruff_config(root, tables)
    return ProjectTools(
        **found,
        bandit="bandit" in tables,
        black="black" in tables,
        ruff=ruff is not None,
        ruff_sorts_imports=ruff is not None and selects_import_order(ruff),
        mypy=find_mypy_config(root),
        coverage_selects=_coverage_selects(root, tables),
    )
