"""Windows: every run of `min-duplicate-lines` consecutive statement units, hashed to one number.

A window's hash covers its units' shapes and each one's depth relative to the one before, so the
same block matches wherever it is indented. The hash is blake2b (8 bytes), not Python's
salted hash(), because windows from different worker processes are compared. A FileWindows
is a small frozen value (ints only besides the path): it pickles cheaply from a worker back
to the parent and can be cached with a file's findings.
"""

from __future__ import annotations

import array
import base64
import binascii
import hashlib
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from acolyte_gates.config.settings import Settings
from acolyte_gates.duplication.units import Unit, statement_runs
from acolyte_gates.source import SourceFile

Window = tuple[int, int, int, int, int]
"""(hash, index of its first unit, first line, first column, last line); indices of
consecutive windows of one run differ by 1, those of different runs by more."""


@dataclass(frozen=True)
class FileWindows:
    """One file's hashed windows, and the first lines whose `# noqa` silences ACO601 there."""

    path: str
    size: int
    windows: tuple[Window, ...]
    silenced: frozenset[int] = frozenset()


def compares_across_files(settings: Settings) -> bool:
    """Whether the run compares files with each other at all."""
    return settings.duplicates_across_files and settings.min_duplicate_lines > 0


def file_windows(source: SourceFile, min_lines: int) -> FileWindows:
    """The file's windows of `min_lines` units (none when min_lines is 0), built once per file."""
    return source.memo(f"duplication-windows-{min_lines}", lambda src: _build(src, min_lines))


def _build(source: SourceFile, size: int) -> FileWindows:
    windows: list[Window] = []
    if size <= 0:
        return FileWindows(source.path, size, ())
    digests: dict[str, bytes] = {}
    index = 0
    for run in statement_runs(source):
        keys = [
            digests.get(u.shape) or digests.setdefault(u.shape, _digest(u.shape.encode()))
            for u in run
        ]
        links = [_link(run, position, key) for position, key in enumerate(keys)]
        for offset in range(len(run) - size + 1):
            if is_informative(keys[offset : offset + size]):
                first, last = run[offset], run[offset + size - 1]
                key = int.from_bytes(
                    _digest(keys[offset] + b"".join(links[offset + 1 : offset + size])), "big"
                )
                windows.append((key, index + offset, first.line, first.col, last.last_line))
        index += len(run) + 1
    return FileWindows(source.path, size, tuple(windows))


def is_informative(keys: Sequence[bytes]) -> bool:
    """Whether a window holds three different statements (or all different, when it is shorter).

    One or two statements repeated (a table of `X = 1` lines, a chain of `if a: args.append("-a")`)
    make a list, not a copied block: two such lists only share the shape of their items.
    """
    return len(set(keys)) >= min(3, len(keys))


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=8).digest()


def _link(run: Sequence[Unit], position: int, key: bytes) -> bytes:
    """A unit's digest with its depth relative to the unit before: windows hash these, so the same
    block matches at any indentation."""
    step = run[position].depth - run[position - 1].depth if position else 0
    return (step + 128).to_bytes(2, "big") + key


def encode_windows(found: FileWindows) -> list[object]:
    """A FileWindows for the JSON cache: its windows packed as little-endian 64-bit ints in base64.

    A tree has tens of thousands of windows; one string per file decodes several times faster
    than a JSON list of lists. The path is not stored: it is the cache entry's own.
    """
    packed = array.array("Q", (number for window in found.windows for number in window))
    if sys.byteorder == "big":
        packed.byteswap()
    text = base64.b64encode(packed.tobytes()).decode("ascii")
    return [found.size, text, sorted(found.silenced)]


def decode_windows(path: str, data: object) -> FileWindows | None:
    """A FileWindows back from the cache; None when the data is not what encode_windows wrote."""
    if not isinstance(data, list) or len(data) != 3:
        return None
    size, text, silenced = data
    try:
        packed = array.array("Q", base64.b64decode(text, validate=True))
        lines = frozenset(int(line) for line in silenced)
    except (TypeError, ValueError, binascii.Error):
        return None
    if sys.byteorder == "big":
        packed.byteswap()
    if len(packed) % 5 or not isinstance(size, int):
        return None
    numbers = iter(packed)
    rows: tuple[Window, ...] = tuple(zip(numbers, numbers, numbers, numbers, numbers))
    return FileWindows(path, size, rows, lines)
