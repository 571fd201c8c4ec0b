"""The staged snapshot: which Python files the index changes, exported to a temporary folder.

Nothing here writes to the work tree or the index: the index's blobs are copied out with
`git checkout-index --prefix`, which reads the index git hands the hook (GIT_INDEX_FILE).
"""

from __future__ import annotations

import dataclasses
import os
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from acolyte_gates.discovery import PYTHON_SUFFIXES
from acolyte_gates.findings import Finding
from acolyte_gates.hooks.git import git_out, split_z

# The tools' own config files, exported from the index so the gates see the project's settings.
CONFIG_FILES: tuple[str, ...] = (
    "pyproject.toml",
    "setup.cfg",
    "tox.ini",
    ".flake8",
    "mypy.ini",
    ".mypy.ini",
    ".isort.cfg",
    ".bandit",
    "ruff.toml",
    ".ruff.toml",
    ".coveragerc",
)


@dataclass(frozen=True)
class Snapshot:
    """A temporary folder of index versions: staged Python files, configs, maybe every module."""

    root: str
    staged: tuple[str, ...]
    python: tuple[str, ...]


def is_python(path: str) -> bool:
    """Whether a repository path is a Python source or stub file."""
    return path.endswith(PYTHON_SUFFIXES)


def staged_python(cwd: str, pathspecs: Sequence[str] = ()) -> list[str]:
    """Python files the index adds, copies, modifies or renames, named from the work tree's top.

    Deletions have nothing to check; `pathspecs` are relative to `cwd`.
    """
    args = [
        "--literal-pathspecs",
        "diff",
        "--cached",
        "--no-relative",
        "--name-only",
        "-z",
        "--diff-filter=ACMR",
        "--",
        *pathspecs,
    ]
    return [path for path in split_z(git_out(args, cwd)) if is_python(path)]


def tracked_python(top: str) -> list[str]:
    """Every Python file the index holds."""
    return [
        path for path in split_z(git_out(["ls-files", "--cached", "-z"], top)) if is_python(path)
    ]


def unstaged(top: str, paths: Sequence[str]) -> list[str]:
    """Those of `paths` whose work-tree content differs from the index (partially staged files)."""
    if not paths:
        return []
    return split_z(git_out(["--literal-pathspecs", "diff", "--name-only", "-z", "--", *paths], top))


def _config_files(top: str) -> list[str]:
    """The config files at the repository root that the index holds."""
    return split_z(
        git_out(["--literal-pathspecs", "ls-files", "--cached", "-z", "--", *CONFIG_FILES], top)
    )


def export(top: str, paths: Sequence[str], folder: str) -> None:
    """Copy the index version of `paths` into `folder`, keeping their repository layout."""
    if paths:
        listing = b"".join(os.fsencode(path) + b"\0" for path in paths)
        git_out(["checkout-index", "-z", "--stdin", f"--prefix={folder}/"], top, stdin=listing)


@contextmanager
def staged_snapshot(top: str, staged: Sequence[str]) -> Iterator[Snapshot]:
    """A temporary folder with the staged files and the root config files, removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="acolyte-hook-") as folder:
        root = os.path.realpath(folder)
        export(top, [*staged, *_config_files(top)], root)
        yield Snapshot(root, tuple(staged), tuple(staged))


def widen(snapshot: Snapshot, top: str) -> Snapshot:
    """The snapshot with every other tracked Python file exported too (as the index has it)."""
    staged = set(snapshot.staged)
    rest = [path for path in tracked_python(top) if path not in staged]
    export(top, rest, snapshot.root)
    return dataclasses.replace(snapshot, python=(*snapshot.staged, *rest))


def to_repo_path(path: str, root: str) -> str:
    """A path a gate reported inside the snapshot, as the repository names it."""
    posix = path.replace(os.sep, "/")
    prefix = root.replace(os.sep, "/").rstrip("/") + "/"
    posix = posix.removeprefix(prefix)
    return posix[2:] if posix.startswith("./") else posix


def to_repo_finding(finding: Finding, root: str) -> Finding:
    """A finding with the snapshot folder taken out of its path and its message."""
    prefix = root.rstrip(os.sep) + os.sep
    message = finding.message.replace(prefix, "")
    return finding._replace(path=to_repo_path(finding.path, root), message=message)
