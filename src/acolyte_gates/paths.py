"""Glob matching of project paths (gitignore syntax), shared by excludes and per-file settings."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import pathspec


@lru_cache(maxsize=256)
def _spec(globs: tuple[str, ...]) -> pathspec.GitIgnoreSpec:
    return pathspec.GitIgnoreSpec.from_lines(globs)


def matches(globs: tuple[str, ...], relpath: str) -> bool:
    """Whether a '/'-separated path relative to the project root matches any of the globs.

    As in a .gitignore, a glob that matches a folder matches everything inside it too.
    """
    return bool(globs) and _spec(globs).match_file(relpath)


def _names_itself(regex: re.Pattern[str], path: str) -> bool:
    """Whether a glob's regex matches `path` itself rather than a folder above it."""
    found = regex.match(path)
    if found is None:
        return False
    if "ps_d" in regex.groupindex and found.group("ps_d") is not None:
        return found.end("ps_d") == len(path)  # pathspec marks where a matched folder ends
    return True


def spec_matches_entry(spec: pathspec.GitIgnoreSpec, relpath: str, is_dir: bool) -> bool:
    """Whether a compiled spec matches this entry itself, as git tests each entry it walks.

    Unlike `matches`, a folder above the entry matching does not count: a walk never
    reaches inside an excluded folder unless that folder was named on the command line,
    and then its content is checked.
    """
    path = relpath + "/" if is_dir else relpath
    hit = False
    for pattern in spec.patterns:
        if pattern.include is not None and pattern.regex and _names_itself(pattern.regex, path):
            hit = pattern.include  # the last matching glob wins; "!glob" takes a path back
    return hit


def matches_entry(globs: tuple[str, ...], relpath: str, is_dir: bool) -> bool:
    """`spec_matches_entry` for a tuple of globs."""
    return bool(globs) and spec_matches_entry(_spec(globs), relpath, is_dir)


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


def common_folder(paths: Sequence[str]) -> str:
    """The deepest folder holding every path (a file stands for its folder): where settings are
    looked up from for a run over `paths`. Symlinks are not resolved, so a looping one is
    harmless; a folder we may not look into has no pyproject we could read: its parent's counts.
    """
    folders = [p if os.path.isdir(p) else os.path.dirname(p) for p in map(os.path.abspath, paths)]
    folder = os.path.commonpath(folders) if folders else os.getcwd()
    while not os.access(folder, os.X_OK) and os.path.dirname(folder) != folder:
        folder = os.path.dirname(folder)
    return folder
