"""Find and read the project's pyproject.toml into Settings: defaults < pyproject < command line."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path
from typing import Any

from acolyte_gates.config.schema import apply_table
from acolyte_gates.config.settings import Settings
from acolyte_gates.errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

TABLE = "acolyte-gates"


def _text(path: Path) -> str:
    """A TOML file's text: it must be readable and UTF-8, as TOML requires."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the file ({exc.strerror})") from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ConfigError(
            f"{path}: not UTF-8 (line {line}: {exc.reason}); TOML files must be saved as UTF-8"
        ) from exc


def read_toml(path: Path) -> dict[str, Any]:
    """Parse a TOML file, turning unreadable, non-UTF-8, invalid or too deep files into one line."""
    return _parse(path, _text(path))


def _parse(path: Path, text: str) -> dict[str, Any]:
    """The TOML document in `text` (read from `path`), or a one-line ConfigError."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc}); fix the syntax") from exc
    except RecursionError as exc:
        raise ConfigError(
            f"{path}: not valid TOML (arrays or tables nested too deeply to read); flatten them"
        ) from exc


def _our_table(path: Path) -> dict[str, Any] | None:
    """The [tool.acolyte-gates] table of a pyproject.toml, or None when it has none."""
    text = _text(path)
    if TABLE not in text:
        return None
    tool = _parse(path, text).get("tool", {})
    table = tool.get(TABLE) if isinstance(tool, dict) else None
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.{TABLE}] must be a table")
    return table


def find_config(start: Path) -> tuple[Path | None, Path]:
    """The nearest pyproject.toml with our table above `start`, and the project root."""
    start = start.resolve()
    folder = start if start.is_dir() else start.parent
    root: Path | None = None
    for candidate in (folder, *folder.parents):
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and _our_table(pyproject) is not None:
            return pyproject, candidate
        if root is None and (pyproject.is_file() or (candidate / ".git").exists()):
            root = candidate
    return None, root or folder


def load_settings(start: Path | None = None, config: Path | None = None) -> Settings:
    """Settings for a run over `start` (default: the current folder), or from `config`."""
    if config is not None:
        if not config.is_file():
            raise ConfigError(f"{config}: no such configuration file")
        table = _our_table(config) or {}
        base = Settings(root=str(config.resolve().parent), config_path=str(config))
        return apply_table(base, table, str(config))
    found, root = find_config(start or Path.cwd())
    base = Settings(root=str(root))
    if found is None:
        return base
    table = _our_table(found) or {}
    return apply_table(dataclasses.replace(base, config_path=str(found)), table, str(found))
