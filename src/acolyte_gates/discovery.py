"""Which files a run checks: Python files under the given paths, minus excluded and gitignored ones.

A path named on the command line is always checked; excludes, .gitignore and the skipping
of virtual environments apply to what is found by walking folders below it, each entry
tested on its own as git does (so a named excluded folder's content is checked too).
Entries that cannot be read are skipped and reported, never a crash.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

import pathspec

from acolyte_gates.config.settings import Settings
from acolyte_gates.errors import UsageError
from acolyte_gates.paths import matches_entry, relative_to_root, spec_matches_entry

PYTHON_SUFFIXES = (".py", ".pyi")
VENV_MARKER = "pyvenv.cfg"


@dataclass(frozen=True)
class Skipped:
    """An entry the run could not look at, and why (one plain phrase)."""

    path: str
    reason: str


@dataclass(frozen=True)
class Discovery:
    """The files to check, in a stable order, and the entries skipped on the way."""

    files: tuple[str, ...]
    skipped: tuple[Skipped, ...] = ()


@dataclass(frozen=True)
class _Ignore:
    """The .gitignore rules of one folder, matched against paths relative to it."""

    base: str
    spec: pathspec.GitIgnoreSpec

    def hides(self, path: str, is_dir: bool) -> bool:
        relative = os.path.relpath(path, self.base).replace(os.sep, "/")
        return spec_matches_entry(self.spec, relative, is_dir)


@dataclass
class _Walk:
    """One discovery's state: the settings, and the entries skipped so far."""

    settings: Settings
    skipped: list[Skipped] = field(default_factory=list)

    def skip(self, path: str, error: OSError) -> None:
        self.skipped.append(Skipped(path, reason(error)))


def reason(error: OSError) -> str:
    """Why an entry could not be read, in words (a symlink loop named as such)."""
    if error.errno == errno.ELOOP:
        return "symlink loop"
    if error.errno == errno.ENOENT:
        return "broken symlink"
    return f"cannot read it ({error.strerror or type(error).__name__})"


def warnings(discovery: Discovery, paths: Sequence[str]) -> str:
    """Warning lines for stderr: each skipped entry, and a run that found no file at all."""
    lines = [f"acolyte-gates: warning: {s.path}: {s.reason}; skipped\n" for s in discovery.skipped]
    if not discovery.files:
        lines.append(f"acolyte-gates: warning: no Python files to check in {' '.join(paths)}\n")
    return "".join(lines)


def _spec_from(lines: Iterable[str]) -> pathspec.GitIgnoreSpec:
    """A .gitignore's rules; a line git would not understand is left out, as git does."""
    kept = []
    for line in lines:
        try:
            pathspec.GitIgnoreSpec.from_lines([line])
        except (ValueError, re.error):
            continue
        kept.append(line)
    return pathspec.GitIgnoreSpec.from_lines(kept)


def _gitignore(folder: str, walk: _Walk) -> list[_Ignore]:
    """The ignore rules a folder adds: its .gitignore, and .git/info/exclude at a repo root."""
    found = []
    for name in (".gitignore", os.path.join(".git", "info", "exclude")):
        candidate = os.path.join(folder, name)
        if not os.path.isfile(candidate):
            continue
        try:
            with open(candidate, encoding="utf-8", errors="replace") as handle:
                found.append(_Ignore(folder, _spec_from(handle.read().splitlines())))
        except OSError as error:
            walk.skip(candidate, error)
    return found


def _inherited_ignores(folder: str, walk: _Walk) -> list[_Ignore]:
    """.gitignore rules from the folders above `folder` up to its repository root (none outside a repo)."""
    chain: list[str] = []
    current = os.path.abspath(folder)
    while not os.path.exists(os.path.join(current, ".git")):
        parent = os.path.dirname(current)
        if parent == current:
            return []
        current = parent
        chain.append(current)
    return [rule for path in reversed(chain) for rule in _gitignore(path, walk)]


def excluded(relpath: str, is_dir: bool, settings: Settings) -> bool:
    """Whether an exclude glob names this entry (a path relative to the project root) itself."""
    return matches_entry((*settings.exclude, *settings.extend_exclude), relpath, is_dir)


def is_environment(folder: str) -> bool:
    """Whether a folder is a virtual environment: it holds a pyvenv.cfg, whatever its name."""
    return os.path.isfile(os.path.join(folder, VENV_MARKER))


def _kind(entry: os.DirEntry[str], walk: _Walk) -> str:
    """'dir', 'file' (a Python file, symlinks followed) or '' for an entry to pass over."""
    try:
        if entry.is_dir(follow_symlinks=False):
            return "dir"
        if entry.name.endswith(PYTHON_SUFFIXES) and entry.is_file():
            return "file"
        if entry.name.endswith(PYTHON_SUFFIXES) and entry.is_symlink():
            os.stat(entry.path)  # a dangling link: raises, and the reason is reported
    except OSError as error:
        walk.skip(entry.path, error)
    return ""


def _scan(folder: str, walk: _Walk) -> list[os.DirEntry[str]]:
    """A folder's entries sorted by name; an unreadable folder is skipped and reported."""
    try:
        with os.scandir(folder) as entries:
            return sorted(entries, key=lambda e: e.name)
    except OSError as error:
        walk.skip(folder, error)
        return []


def _passed_over(path: str, is_dir: bool, walk: _Walk, ignores: list[_Ignore]) -> bool:
    """Whether a walked entry is excluded, gitignored, or a virtual environment."""
    if excluded(relative_to_root(path, walk.settings.root), is_dir, walk.settings):
        return True
    if any(rule.hides(path, is_dir) for rule in ignores):
        return True
    return is_dir and is_environment(path)


def _walk(top: str, walk: _Walk) -> Iterator[str]:
    """Python files under `top`: a folder's files by name, then its subfolders' in name order.

    A stack, not recursion: a tree may be nested deeper than Python's recursion limit.
    """
    stack = [(top, _inherited_ignores(top, walk))]
    while stack:
        folder, ignores = stack.pop()
        ignores = ignores + _gitignore(folder, walk)
        subfolders = []
        for entry in _scan(folder, walk):
            kind = _kind(entry, walk)
            if not kind or _passed_over(entry.path, kind == "dir", walk, ignores):
                continue
            if kind == "file":
                yield entry.path
            else:
                subfolders.append((entry.path, ignores))
        stack.extend(reversed(subfolders))


def _named(path: str, walk: _Walk) -> Iterator[str]:
    """The files a path named on the command line stands for: itself, or those found below it."""
    if os.path.isdir(path):
        yield from _walk(path, walk)
    elif os.path.isfile(path):
        yield path
    elif os.path.lexists(path):  # a symlink loop, a dangling link, or a socket
        try:
            os.stat(path)
        except OSError as error:
            walk.skip(path, error)
        else:
            walk.skipped.append(Skipped(path, "not a file or folder"))
    else:
        raise UsageError(f"{path}: no such file or folder")


def discover(paths: Sequence[str], settings: Settings) -> Discovery:
    """Every file to check under `paths`, each once, in a stable order, and what was skipped."""
    walk = _Walk(settings)
    found: dict[str, None] = {}
    for path in paths:
        for file in _named(path, walk):
            found[os.path.normpath(file)] = None
    return Discovery(tuple(found), tuple(walk.skipped))


def kept_paths(
    relpaths: Sequence[str], settings: Settings, named: Sequence[str] = ()
) -> tuple[str, ...]:
    """Those of some root-relative file paths (git's list, not a walk) that excludes leave in.

    Each folder on a path is tested below the named path that holds it (else below the
    root), as a walk from there would test it; a file named itself is always kept.
    """
    return tuple(path for path in relpaths if not _excluded_below(path, settings, named))


def _excluded_below(relpath: str, settings: Settings, named: Sequence[str]) -> bool:
    """Whether a walk from the nearest named ancestor of `relpath` would exclude it."""
    parts = relpath.split("/")
    bases = [
        n.rstrip("/") for n in named if relpath == n or relpath.startswith(n.rstrip("/") + "/")
    ]
    start = max((len(base.split("/")) for base in bases if base not in ("", ".")), default=0)
    if start == len(parts):
        return False
    return any(
        excluded("/".join(parts[: depth + 1]), depth + 1 < len(parts), settings)
        for depth in range(start, len(parts))
    )
