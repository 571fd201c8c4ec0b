"""Writing user files safely: a temporary file beside the target, then one rename.

Several files are written as a transaction: every file must still hold what was read
(or still be absent), and when a write fails the files already written are put back.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass

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


def replace_atomically(path: str, data: bytes, mode: int | None = None) -> None:
    """Write `data` to a temporary file in the target's folder, then rename it over the target.

    The mode is `mode`, else the target's own; readers see the old file or the new one,
    never a half-written one.
    """
    folder, name = os.path.split(os.path.abspath(path))
    if mode is None and os.path.exists(path):
        mode = os.stat(path).st_mode & 0o7777
    handle, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".acolyte-tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def _stale(write: FileWrite) -> str:
    """Why the file may not be written: it changed (or appeared) since it was read; else ''."""
    now = current_bytes(write.path)
    if now == write.expected:
        return ""
    if write.expected is None:
        return f"{write.path} exists now; it was not there when the plan was made"
    return f"{write.path} changed on disk since it was read; run the command again"


def _undo(done: Sequence[FileWrite]) -> None:
    """Put back what the files held before this transaction wrote them, newest first."""
    for write in reversed(done):
        if write.expected is None:
            os.unlink(write.path)
        else:
            replace_atomically(write.path, write.expected, write.mode)


def write_files(writes: Sequence[FileWrite]) -> str:
    """Write every file or none; '' when all were written, else why nothing was left changed.

    Every file is compared with what was read before anything is written, and again right
    before its own rename; a failure part way puts the files already written back.
    """
    reasons = [reason for reason in map(_stale, writes) if reason]
    if reasons:
        return reasons[0]
    done: list[FileWrite] = []
    try:
        for write in writes:
            reason = _stale(write)
            if reason:
                _undo(done)
                return reason
            replace_atomically(write.path, write.data, write.mode)
            done.append(write)
    except OSError as error:
        _undo(done)
        return f"could not write {write.path} ({error.strerror or error}); nothing was changed"
    return ""
