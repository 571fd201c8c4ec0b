"""Writing a user's file without losing what is there: a temporary file beside it, one rename.

The temporary file lives in the target's folder (a rename across file systems is not atomic),
is named `.<name>.<random>.acolyte-tmp`, and is removed on every way out but a kill; a killed
writer's leftovers are found again by `strays`.
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

TEMP_SUFFIX = ".acolyte-tmp"


def digest(data: bytes) -> bytes:
    """The fingerprint two byte strings are compared by."""
    return hashlib.sha256(data).digest()


def current_digest(path: Path) -> bytes | None:
    """The fingerprint of a regular file's bytes now; None for a symlink or a missing file."""
    try:
        if stat.S_ISLNK(os.lstat(path).st_mode):
            return None
        return digest(path.read_bytes())
    except OSError:
        return None


def _temporary_beside(target: Path, data: bytes, mode: int | None, durable: bool = True) -> str:
    """A temporary file in the target's folder holding `data` (on disk when durable), `mode` set."""
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
    except BaseException:
        _remove(temporary)
        raise
    return temporary


def _remove(path: str) -> None:
    """Remove a file of ours if it is still there."""
    try:
        os.unlink(path)
    except FileNotFoundError:
        return


def replace_if_unchanged(target: Path, data: bytes, expected: bytes) -> bool:
    """Write `data` over `target` only while its bytes still have the fingerprint `expected`.

    The comparison happens right before the rename, so an edit saved meanwhile is kept and
    nothing is written (False). A symlink is never written through.
    """
    if current_digest(target) != expected:
        return False
    temporary = _temporary_beside(target, data, stat.S_IMODE(os.stat(target).st_mode))
    try:
        if current_digest(target) != expected:
            return False
        os.replace(temporary, target)
        return True
    finally:
        _remove(temporary)


def write_atomic(target: Path, data: bytes, mode: int | None = None, durable: bool = True) -> None:
    """Replace (or create) `target` with `data` in one rename; no half-written file ever shows.

    Not durable: skip the flush to disk (for a cache, which is rebuilt when lost).
    """
    temporary = _temporary_beside(target, data, mode, durable)
    try:
        os.replace(temporary, target)
    finally:
        _remove(temporary)


def strays(target: Path) -> Iterator[Path]:
    """Temporary files a killed writer left beside `target` (regular files of our naming only)."""
    prefix = f".{target.name}."
    try:
        names = os.listdir(target.parent)
    except OSError:
        return
    for name in names:
        path = target.parent / name
        if name.startswith(prefix) and name.endswith(TEMP_SUFFIX) and _is_plain_file(path):
            yield path


def _is_plain_file(path: Path) -> bool:
    """A regular file, not a symlink, a folder or anything else."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False
