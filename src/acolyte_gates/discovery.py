"""Which files a run checks: Python files under the given paths, minus excluded and gitignored ones.

A path named on the command line is always checked; excludes and .gitignore apply to what
is found by walking folders, as in flake8 and ruff.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass

import pathspec

from acolyte_gates.config.settings import Settings
from acolyte_gates.errors import UsageError
from acolyte_gates.paths import matches, relative_to_root

PYTHON_SUFFIXES = (".py", ".pyi")


@dataclass(frozen=True)
class _Ignore:
    """The .gitignore rules of one folder, matched against paths relative to it."""

    base: str
    spec: pathspec.GitIgnoreSpec

    def hides(self, path: str, is_dir: bool) -> bool:
        relative = os.path.relpath(path, self.base).replace(os.sep, "/")
        return self.spec.match_file(relative + "/" if is_dir else relative)


def _gitignore(folder: str) -> list[_Ignore]:
    """The ignore rules a folder adds: its .gitignore, and .git/info/exclude at a repo root."""
    found = []
    for name in (".gitignore", os.path.join(".git", "info", "exclude")):
        candidate = os.path.join(folder, name)
        if os.path.isfile(candidate):
            with open(candidate, encoding="utf-8", errors="replace") as handle:
                spec = pathspec.GitIgnoreSpec.from_lines(handle)
            found.append(_Ignore(folder, spec))
    return found


def _inherited_ignores(folder: str) -> list[_Ignore]:
    """.gitignore rules from the folders above `folder` up to its repository root (none outside a repo)."""
    chain: list[str] = []
    current = os.path.abspath(folder)
    while not os.path.exists(os.path.join(current, ".git")):
        parent = os.path.dirname(current)
        if parent == current:
            return []
        current = parent
        chain.append(current)
    return [rule for path in reversed(chain) for rule in _gitignore(path)]


def _excluded(path: str, is_dir: bool, settings: Settings) -> bool:
    """Whether an exclude glob hides a path found while walking."""
    globs = (*settings.exclude, *settings.extend_exclude)
    name = os.path.basename(path)
    relpath = relative_to_root(path, settings.root)
    return matches(globs, name + ("/" if is_dir else "")) or matches(
        globs, relpath + ("/" if is_dir else "")
    )


def _walk(folder: str, settings: Settings, ignores: list[_Ignore]) -> Iterator[str]:
    """Python files under `folder`, in sorted order, pruning excluded and gitignored entries."""
    ignores = ignores + _gitignore(folder)
    with os.scandir(folder) as entries:
        ordered = sorted(entries, key=lambda e: e.name)
    for entry in ordered:
        is_dir = entry.is_dir(follow_symlinks=False)
        if not is_dir and not entry.name.endswith(PYTHON_SUFFIXES):
            continue
        if _excluded(entry.path, is_dir, settings) or any(
            i.hides(entry.path, is_dir) for i in ignores
        ):
            continue
        if is_dir:
            yield from _walk(entry.path, settings, ignores)
        elif entry.is_file():
            yield entry.path


def discover(paths: list[str], settings: Settings) -> list[str]:
    """Every file to check under `paths`, each once, in a stable order."""
    found: dict[str, None] = {}
    for path in paths:
        if os.path.isdir(path):
            for file in _walk(path, settings, _inherited_ignores(path)):
                found[os.path.normpath(file)] = None
        elif os.path.isfile(path):
            found[os.path.normpath(path)] = None
        else:
            raise UsageError(f"{path}: no such file or folder")
    return list(found)
