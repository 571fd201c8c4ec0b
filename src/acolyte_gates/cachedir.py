"""The cache's folder: a real directory in the project root, never reached through a symlink.

A checked-out tree is data we did not write: `.acolyte_cache` may be a symlink to somewhere
else, and any file in it a symlink too. So the folder is used only when it is a directory of
its own (not a link), files are read with O_NOFOLLOW, written by renaming a fresh temporary
file over them (a rename replaces a link, never writes through it), the `.gitignore` is
created only where no file or link of that name exists, and cleaning deletes only regular
files named as the cache names its own.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from acolyte_gates.atomic import write_atomic
from acolyte_gates.errors import AcolyteError

CACHE_DIR = ".acolyte_cache"
GITIGNORE = ".gitignore"
_GITIGNORE_TEXT = b"# Written by acolyte-gates: the cache is local to this machine.\n*\n"
# What the cache writes: fingerprint files, its .gitignore, temporary files (today's and older).
_OURS = re.compile(
    r"[0-9a-f]{24}\.json|\.gitignore|\.[0-9a-f]{24}\.json\..+\.acolyte-tmp|tmp\w+\.tmp"
)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


class CacheFolderError(AcolyteError):
    """The cache folder is not a real folder of the project (a symlink, a file)."""


@dataclass(frozen=True)
class Cleaned:
    """What `cache clean` did: files removed, files left because the cache did not write them."""

    folder: str
    removed: int = 0
    left: tuple[str, ...] = ()


def cache_folder(root: str) -> Path:
    """Where a project's cache lives: `.acolyte_cache/` in its root."""
    return Path(root) / CACHE_DIR


def _mode(path: Path) -> int | None:
    """The file type and mode of `path` itself (a link is not followed); None when absent."""
    try:
        return os.lstat(path).st_mode
    except OSError:
        return None


def is_real_folder(folder: Path) -> bool:
    """Whether `folder` is a directory and not a symlink to one."""
    mode = _mode(folder)
    return mode is not None and stat.S_ISDIR(mode)


def read_file(folder: Path, name: str) -> bytes | None:
    """A cache file's bytes; None when it, or the folder, is missing, a symlink or unreadable."""
    if not is_real_folder(folder):
        return None
    try:
        handle = os.open(folder / name, os.O_RDONLY | _NOFOLLOW)
    except OSError:
        return None
    with os.fdopen(handle, "rb") as stream:
        if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
            return None
        return stream.read()


def _prepare(folder: Path) -> bool:
    """Make the folder and its .gitignore where there is none; whether the folder is usable."""
    try:
        folder.mkdir(exist_ok=True)
    except OSError:
        return False  # a dangling symlink, a file of that name, a read-only tree
    if not is_real_folder(folder):
        return False
    try:
        handle = os.open(
            folder / GITIGNORE, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o644
        )
    except OSError:
        return True  # already there (a file or a link of that name): never written through
    with os.fdopen(handle, "wb") as stream:
        stream.write(_GITIGNORE_TEXT)
    return True


def write_file(folder: Path, name: str, data: bytes) -> None:
    """Replace a cache file atomically; a folder that cannot be used means no cache, not an error."""
    if not _prepare(folder):
        return
    try:
        write_atomic(folder / name, data, durable=False)
    except OSError:
        return  # a read-only tree is checked without a cache, not refused


def clean(root: str) -> Cleaned:
    """Delete the cache's own files and, once empty, its folder; a symlinked folder is refused."""
    folder = cache_folder(root)
    mode = _mode(folder)
    if mode is None:
        return Cleaned(str(folder))
    if not stat.S_ISDIR(mode):
        kind = "a symlink" if stat.S_ISLNK(mode) else "not a folder"
        raise CacheFolderError(
            f"{folder} is {kind}, not a cache folder acolyte-gates made; left it alone"
            " (remove it yourself if it is not needed)"
        )
    removed, left = 0, []
    for entry in sorted(os.scandir(folder), key=lambda item: item.name):
        if _OURS.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
            os.unlink(entry.path)
            removed += 1
        else:
            left.append(entry.name)
    if not left:
        folder.rmdir()
    return Cleaned(str(folder), removed, tuple(left))
