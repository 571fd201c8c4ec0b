"""The project's own importable packages, from its layout: what mypy checks and coverage measures.

src layout: the packages under `src/`. Flat layout: the top-level folders holding an
`__init__.py`, bar tests, docs and examples. Scripts, `setup.py`, `docs/` and `examples/`
are never packages.
"""

from __future__ import annotations

import os
from pathlib import PurePosixPath

# Top-level folders of a flat layout that hold code which is not the package.
NOT_PACKAGES = frozenset({"tests", "test", "testing", "docs", "doc", "examples", "example"})


def _is_package(folder: str, name: str) -> bool:
    """Whether `folder/name` is an importable package: an identifier with an __init__.py."""
    return name.isidentifier() and os.path.isfile(os.path.join(folder, name, "__init__.py"))


def _packages_in(folder: str) -> list[str]:
    """The packages directly inside `folder`, sorted by name."""
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return []
    return [name for name in names if _is_package(folder, name)]


def project_packages(root: str) -> tuple[str, ...]:
    """The project's packages as '/'-separated paths relative to `root`; () when it has none.

    A `src/` folder with packages in it makes a src layout: its packages, and nothing at the
    top. Otherwise the top-level packages count, except tests, docs and examples (and any
    folder whose name starts with `test`).
    """
    under_src = _packages_in(os.path.join(root, "src"))
    if under_src:
        return tuple(f"src/{name}" for name in under_src)
    return tuple(
        name
        for name in _packages_in(root)
        if name.lower() not in NOT_PACKAGES and not name.lower().startswith("test")
    )


def import_name(package: str) -> str:
    """The name a package path from `project_packages` is imported by (its last part)."""
    return PurePosixPath(package).name


def is_whole_project(paths: tuple[str, ...]) -> bool:
    """Whether a run's paths are the whole project (the default, "."), not chosen parts of it.

    On the whole project, each gate checks what the project's own tool config names (mypy's
    `files`, coverage's `source`), else the project's packages.
    """
    return all(os.path.normpath(path) == "." for path in paths)
