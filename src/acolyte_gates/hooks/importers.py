"""Which modules import a staged module: the unchanged files whose type errors the hook reports."""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping


def module_names(path: str) -> set[str]:
    """Dotted names a file may be imported as: `src/pkg/mod.py` -> src.pkg.mod, pkg.mod, mod."""
    parts = path.rsplit(".", 1)[0].split("/")
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return {".".join(parts[start:]) for start in range(len(parts))}


def _with_parents(name: str) -> set[str]:
    """`import a.b.c` binds a, a.b and a.b.c: each may be the staged module."""
    parts = name.split(".")
    return {".".join(parts[: end + 1]) for end in range(len(parts))}


def _from_base(path: str, node: ast.ImportFrom) -> str:
    """The absolute dotted base of `from X import ...`, resolving leading dots against `path`."""
    if not node.level:
        return node.module or ""
    package = path.split("/")[:-1]
    package = package[: len(package) - node.level + 1]
    return ".".join([*package, *([node.module] if node.module else [])])


def imported_names(path: str, text: str) -> set[str]:
    """Every dotted name a module imports; a file that does not parse imports nothing we can see.

    Neither does one nested too deeply for Python's parser (RecursionError, MemoryError).
    """
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return set()
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(*(_with_parents(alias.name) for alias in node.names))
        elif isinstance(node, ast.ImportFrom):
            base = _from_base(path, node)
            names.update(_with_parents(base) if base else set())
            names.update(f"{base}.{alias.name}" if base else alias.name for alias in node.names)
    return names


def importers(sources: Mapping[str, str], staged: Iterable[str]) -> set[str]:
    """The files among `sources` (path -> text) that import one of the staged modules."""
    wanted = set().union(*(module_names(path) for path in staged))
    return {path for path, text in sources.items() if imported_names(path, text) & wanted}
