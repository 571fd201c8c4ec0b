"""Writing several user files as a transaction, on the project's atomic writes (atomic.py).

Each file is written through a temporary file beside it and one rename (`acolyte_gates.atomic`);
every file must still hold what was read (or still be absent), checked before anything is
written and again right before each rename, and when a write fails the files already
written are put back.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from acolyte_gates.atomic import digest, replace_if_unchanged, write_atomic
from acolyte_gates.refactor.refusal import Refused


@dataclass(frozen=True)
class FileWrite:
    """New content for a file, what it held when it was read (None: absent), and its mode."""

    path: str
    data: bytes
    expected: bytes | None
    mode: int | None = None


def read_for_rewrite(path: str) -> bytes:
    """A file's bytes, or Refused naming why it cannot be read."""
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as error:
        raise Refused(f"{path}: cannot read the file ({error.strerror or error})") from error


def current_bytes(path: str) -> bytes | None:
    """What the file holds now; None when there is no such file."""
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        return None


def _stale(write: FileWrite) -> str:
    """Why the file may not be written: it changed (or appeared) since it was read; else ''."""
    if os.path.islink(write.path):
        return f"{write.path} is a symbolic link; it is not written through"
    now = current_bytes(write.path)
    if now == write.expected:
        return ""
    if write.expected is None:
        return f"{write.path} exists now; it was not there when the plan was made"
    return f"{write.path} changed on disk since it was read; run the command again"


def _write_one(write: FileWrite) -> bool:
    """Write one file if it is still as read; False when it changed just before the rename."""
    target = Path(write.path)
    if write.expected is not None:
        return replace_if_unchanged(target, write.data, digest(write.expected))
    if os.path.lexists(target):
        return False
    write_atomic(target, write.data, write.mode if write.mode is not None else 0o644)
    return True


def _undo(done: Sequence[FileWrite]) -> None:
    """Put back what the files held before this transaction wrote them, newest first."""
    for write in reversed(done):
        if write.expected is None:
            os.unlink(write.path)
        else:
            mode = stat.S_IMODE(os.stat(write.path).st_mode)
            write_atomic(Path(write.path), write.expected, mode)


def write_files(writes: Sequence[FileWrite]) -> str:
    """Write every file or none; '' when all were written, else why nothing was left changed."""
    reasons = [reason for reason in map(_stale, writes) if reason]
    if reasons:
        return reasons[0]
    done: list[FileWrite] = []
    try:
        for write in writes:
            if not _write_one(write):
                _undo(done)
                return _stale(write) or f"{write.path} changed on disk; run the command again"
            done.append(write)
    except OSError as error:
        _undo(done)
        return f"could not write {write.path} ({error.strerror or error}); nothing was changed"
    return ""
