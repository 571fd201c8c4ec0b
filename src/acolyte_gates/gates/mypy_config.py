"""The project's mypy configuration, found where mypy looks: which files, and whether it is strict.

mypy reads the first of mypy.ini, .mypy.ini, pyproject.toml ([tool.mypy]) and setup.cfg
([mypy]) in the folder it runs in. The types gate needs two things from it: the `files` it
names, and whether its global section decides strictness itself (see `decides_strictness`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from acolyte_gates.config.loader import read_toml
from acolyte_gates.gates.ini import read_ini

# `strict` and every flag that --strict turns on, in any mypy since 1.0 (config spelling).
STRICTNESS_KEYS = frozenset(
    {
        "strict",
        "warn_unused_configs",
        "disallow_any_generics",
        "disallow_subclassing_any",
        "disallow_untyped_calls",
        "disallow_untyped_defs",
        "disallow_incomplete_defs",
        "check_untyped_defs",
        "disallow_untyped_decorators",
        "warn_redundant_casts",
        "warn_unused_ignores",
        "warn_return_any",
        "implicit_reexport",
        "no_implicit_reexport",
        "strict_equality",
        "strict_concatenate",
        "extra_checks",
    }
)


@dataclass(frozen=True)
class MypyConfig:
    """What the types gate takes from a mypy configuration.

    `files`: the files and folders the config tells mypy to check (empty: none named).
    `decides_strictness`: the global section sets `strict` (true or false) or any flag that
    --strict turns on; the project has then chosen its own strictness, and a --strict on
    the command line (which would override the config's global flags) is not added.
    """

    path: str
    files: tuple[str, ...] = ()
    decides_strictness: bool = False


def _file_list(value: object) -> tuple[str, ...]:
    """mypy's `files`: a comma-separated string, or (in TOML) a list of strings."""
    if value is None:
        return ()
    items = value if isinstance(value, list) else str(value).split(",")
    return tuple(str(item).strip() for item in items if str(item).strip())


def from_options(options: Mapping[str, object], path: str) -> MypyConfig:
    """A config from the global section's options (ini or TOML; dashes read as underscores)."""
    keys = {key.replace("-", "_") for key in options}
    files = next((v for k, v in options.items() if k.replace("-", "_") == "files"), None)
    return MypyConfig(path, _file_list(files), bool(keys & STRICTNESS_KEYS))


def _ini_config(path: str, shared: bool) -> MypyConfig | None:
    """The [mypy] section of an ini file; a shared file (setup.cfg) counts only with one."""
    parser = read_ini(path)
    if not parser.has_section("mypy"):
        return None if shared else MypyConfig(path)
    return from_options(dict(parser.items("mypy")), path)


def _own_ini(path: str) -> MypyConfig | None:
    return _ini_config(path, shared=False)


def _shared_ini(path: str) -> MypyConfig | None:
    return _ini_config(path, shared=True)


def _toml_config(path: str) -> MypyConfig | None:
    """The [tool.mypy] table of a pyproject.toml, or None when it has none."""
    tool = read_toml(Path(path)).get("tool", {})
    table = tool.get("mypy") if isinstance(tool, dict) else None
    return from_options(table, path) if isinstance(table, dict) else None


# Where mypy looks, in its order; the first file that configures it wins.
_CANDIDATES: tuple[tuple[str, Callable[[str], MypyConfig | None]], ...] = (
    ("mypy.ini", _own_ini),
    (".mypy.ini", _own_ini),
    ("pyproject.toml", _toml_config),
    ("setup.cfg", _shared_ini),
)


def find_mypy_config(root: str) -> MypyConfig | None:
    """The configuration mypy would read when run in `root`, or None when it has none."""
    for name, read in _CANDIDATES:
        path = os.path.join(root, name)
        found = read(path) if os.path.isfile(path) else None
        if found is not None:
            return found
    return None
