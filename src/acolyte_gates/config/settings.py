"""The frozen settings every rule, gate and hook reads; built once per run by the loader."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from acolyte_gates.config.levels import Level


class Count(str, enum.Enum):
    """How the length rules count lines: every physical line, or code lines only (NLOC)."""

    PHYSICAL = "physical"
    CODE = "code"


@dataclass(frozen=True)
class Limits:
    """The standard's numeric limits; per-path overrides replace them key by key."""

    max_module_lines: int = 300
    warn_module_lines: int = 250
    max_class_lines: int = 200
    max_function_lines: int = 30
    warn_function_lines: int = 25
    max_parameters: int = 4
    max_complexity: int = 10
    max_nesting: int = 3
    max_cognitive: int = 15
    count: Count = Count.PHYSICAL


@dataclass(frozen=True)
class Override:
    """Limits for the files matching some globs (relative to the config's folder)."""

    paths: tuple[str, ...]
    values: tuple[tuple[str, object], ...]


# The tools a gate can run, its classic one first: "auto" (each gate's default) picks ruff
# when the project configures ruff, else the classic tool.
GATE_TOOLS: dict[str, tuple[str, ...]] = {
    "format": ("black", "ruff"),
    "imports": ("isort", "ruff"),
    "lint": ("flake8", "ruff"),
}


@dataclass(frozen=True)
class RunSettings:
    """[tool.acolyte-gates.run]: which gates run, on what, and with which bars."""

    gates: tuple[str, ...] = ()
    skip: tuple[str, ...] = ()
    paths: tuple[str, ...] = ()
    timeout: float = 600.0
    timeouts: tuple[tuple[str, float], ...] = ()
    args: tuple[tuple[str, tuple[str, ...]], ...] = ()
    coverage_source: str | None = None
    coverage_bar: float | None = None
    bandit_severity: str = "low"
    # Which tool runs the format, imports and lint gates (see GATE_TOOLS).
    format: str = "auto"
    imports: str = "auto"
    lint: str = "auto"

    def tool(self, gate: str) -> str:
        """The tool configured for a gate of GATE_TOOLS: "auto" unless set."""
        return {"format": self.format, "imports": self.imports, "lint": self.lint}[gate]


@dataclass(frozen=True)
class HookSettings:
    """[tool.acolyte-gates.hook]: the gates the git pre-commit hook runs, and whether it fixes."""

    gates: tuple[str, ...] = ("format", "imports", "aco", "lint", "security")
    fix: bool = False


DEFAULT_EXCLUDE: tuple[str, ...] = (
    ".git",
    ".hg",
    ".svn",
    ".venv",
    "venv",
    ".tox",
    ".nox",
    ".eggs",
    "/build/",  # where build tools write, at the project root only: src/pkg/build/ is source
    "/dist/",
    "__pycache__",
    ".mypy_cache",
    ".pytest_cache",
    ".acolyte_cache",
    "*.egg-info",
    "site-packages",
    "node_modules",
)
"""Globs never walked into (gitignore syntax, relative to the project root); a folder holding
a pyvenv.cfg is skipped too, whatever its name (discovery.is_environment)."""

TEST_FILE_GLOBS: tuple[str, ...] = (
    "tests/**",
    "**/tests/**",
    "test_*.py",
    "*_test.py",
    "conftest.py",
)

DEFAULT_PER_FILE_IGNORES: tuple[tuple[str, tuple[str, ...]], ...] = (
    *((glob, ("ACO3",)) for glob in TEST_FILE_GLOBS),
    ("__main__.py", ("ACO301",)),
)


@dataclass(frozen=True)
class Settings:
    """Everything configurable, parsed and checked; the one object passed to every check."""

    level: Level = Level.PRODUCTION
    limits: Limits = field(default_factory=Limits)
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = DEFAULT_PER_FILE_IGNORES
    extend_per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    overrides: tuple[Override, ...] = ()
    docstring_style: str = "google"
    allow_todo_with_issue: bool = False
    min_duplicate_lines: int = 6
    duplicates_across_files: bool = True
    run: RunSettings = field(default_factory=RunSettings)
    hook: HookSettings = field(default_factory=HookSettings)
    plugins: tuple[tuple[str, tuple[tuple[str, object], ...]], ...] = ()
    """[tool.acolyte-gates.plugins.NAME] tables, checked against each plugin's declared options."""
    root: str = "."
    config_path: str | None = None
