"""The project's own [tool.vulture] table, which vulture reads itself from the root's pyproject.toml."""

from __future__ import annotations

import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib


def vulture_paths(root: str) -> tuple[str, ...]:
    """The `paths` of [tool.vulture] (say, the package and a whitelist); () when not configured.

    A pyproject.toml that cannot be read configures nothing: vulture reports it itself.
    """
    path = Path(root) / "pyproject.toml"
    try:
        with path.open("rb") as handle:
            table = tomllib.load(handle).get("tool", {}).get("vulture", {})
    except (OSError, tomllib.TOMLDecodeError, AttributeError):
        return ()
    paths = table.get("paths") if isinstance(table, dict) else None
    if not isinstance(paths, list):
        return ()
    return tuple(str(item) for item in paths)
