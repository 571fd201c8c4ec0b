"""Glob matching of project paths (gitignore syntax), shared by excludes and per-file settings."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import pathspec


@lru_cache(maxsize=256)
def _spec(globs: tuple[str, ...]) -> pathspec.GitIgnoreSpec:
    return pathspec.GitIgnoreSpec.from_lines(globs)


def matches(globs: tuple[str, ...], relpath: str) -> bool:
    """Whether a '/'-separated path relative to the project root matches any of the globs."""
    return bool(globs) and _spec(globs).match_file(relpath)


def relative_to_root(path: str, root: str) -> str:
    """`path` relative to the project root, with '/' separators (absolute when outside it)."""
    absolute = os.path.abspath(path)
    inside = root.rstrip("/") + "/"
    if os.sep == "/" and absolute.startswith(inside):  # what relpath gives, without its cost
        return absolute[len(inside) :]
    try:
        relative = os.path.relpath(absolute, root)
    except ValueError:
        return Path(absolute).as_posix()
    if relative.startswith(".."):
        return Path(absolute).as_posix()
    return Path(relative).as_posix()
