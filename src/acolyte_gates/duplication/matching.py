"""Copies from windows: equal hashes grouped, and windows that follow each other merged into one copy.

A window is duplicated when another window has its hash and does not overlap it (in the same
file for the engine rule; in another file, and in no other place of its own file, for the
cross-file pass, so that a block copied within a file is reported once, by the rule). A
pattern that repeats right after itself (`if a: x = a` four times) is therefore no copy until
its repetitions are a whole window apart. A copy starts at a duplicated window and its twin
(the first other copy of it), and goes on while the windows that follow both are the same: a
copied 20-statement block is one finding per copy, not fifteen, and the message gives the
twin's lines exactly. Every step is a dictionary lookup per window: linear in the tree's size.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from acolyte_gates.duplication.windows import FileWindows, Window

Position = tuple[int, int]
"""(index of the file, index of the window in it)."""


@dataclass(frozen=True)
class Copy:
    """One copy of a duplicated block (lines are 1-based, inclusive) and the copy it repeats."""

    path: str
    line: int
    col: int
    last_line: int
    statements: int
    other_path: str
    other_line: int
    other_last_line: int


@dataclass(frozen=True)
class _Group:
    """Every window with one hash, the first of them in each file, and the lowest and highest unit
    index they start at in each file (to tell a copy from an overlapping repetition)."""

    members: tuple[Position, ...]
    first_by_file: dict[int, Position]
    units_by_file: dict[int, tuple[int, int]]

    def has_copy_in_file(self, file_index: int, unit: int, size: int) -> bool:
        """Whether a window of this group in the file starts `size` units or more away from `unit`."""
        low, high = self.units_by_file.get(file_index, (unit, unit))
        return low <= unit - size or high >= unit + size


def _groups(files: Sequence[FileWindows]) -> dict[int, _Group]:
    """Windows by hash; only hashes seen more than once are kept."""
    seen: dict[int, list[Position]] = {}
    for file_index, found in enumerate(files):
        for window_index, window in enumerate(found.windows):
            seen.setdefault(window[0], []).append((file_index, window_index))
    return {key: _group(files, members) for key, members in seen.items() if len(members) > 1}


def _group(files: Sequence[FileWindows], members: list[Position]) -> _Group:
    first: dict[int, Position] = {}
    units: dict[int, tuple[int, int]] = {}
    for file_index, window_index in members:
        first.setdefault(file_index, (file_index, window_index))
        unit = files[file_index].windows[window_index][1]
        low, high = units.get(file_index, (unit, unit))
        units[file_index] = (min(low, unit), max(high, unit))
    return _Group(tuple(members), first, units)


class _Matcher:
    """Finds the copies among a set of files' windows, in one file or across files."""

    def __init__(self, files: Sequence[FileWindows], across: bool) -> None:
        self.files = files
        self.across = across
        self.groups = _groups(files)

    def copies(self) -> list[Copy]:
        """Every copy in every file, each reported against one other copy."""
        return [
            copy for file_index in range(len(self.files)) for copy in self._file_copies(file_index)
        ]

    def _file_copies(self, file_index: int) -> Iterator[Copy]:
        """Walk the file's windows: each duplicated one starts a copy as long as its twin keeps pace."""
        windows = self.files[file_index].windows
        marked = [self._is_duplicated(file_index, window) for window in windows]
        index = 0
        while index < len(windows):
            partner = self._partner((file_index, index)) if marked[index] else None
            if partner is None:
                index += 1
                continue
            length = self._shared_length((file_index, index), partner, marked)
            yield self._copy((file_index, index), partner, length)
            index += length

    def _is_duplicated(self, file_index: int, window: Window) -> bool:
        """In one file: a window of the same hash that does not overlap this one. Across files: one
        in another file, and none in this file (those are the file rule's)."""
        group = self.groups.get(window[0])
        if group is None:
            return False
        in_file = group.has_copy_in_file(file_index, window[1], self.files[file_index].size)
        return len(group.first_by_file) > 1 and not in_file if self.across else in_file

    def _partner(self, own: Position) -> Position | None:
        """The first window that is another copy of `own`: in another file, or not overlapping it."""
        found = self.files[own[0]]
        group = self.groups[found.windows[own[1]][0]]
        if self.across:
            return next((p for f, p in group.first_by_file.items() if f != own[0]), None)
        unit = found.windows[own[1]][1]
        return next(
            (p for p in group.members if abs(found.windows[p[1]][1] - unit) >= found.size), None
        )

    def _shared_length(self, own: Position, partner: Position, marked: Sequence[bool]) -> int:
        """How many windows in a row, from `own` and from `partner`, are the same."""
        mine, theirs = self.files[own[0]].windows, self.files[partner[0]].windows
        length = 1
        while (
            own[1] + length < len(mine)
            and partner[1] + length < len(theirs)
            and marked[own[1] + length]
        ):
            step = (own[1] + length, partner[1] + length)
            if mine[step[0]][0] != theirs[step[1]][0] or not (
                _follows(mine, step[0]) and _follows(theirs, step[1])
            ):
                break
            length += 1
        return length

    def _copy(self, own: Position, partner: Position, length: int) -> Copy:
        mine, theirs = self.files[own[0]], self.files[partner[0]]
        first, last = mine.windows[own[1]], mine.windows[own[1] + length - 1]
        other_first, other_last = (
            theirs.windows[partner[1]],
            theirs.windows[partner[1] + length - 1],
        )
        statements = last[1] - first[1] + mine.size
        return Copy(
            mine.path,
            first[2],
            first[3],
            last[4],
            statements,
            theirs.path,
            other_first[2],
            other_last[4],
        )


def _follows(windows: Sequence[Window], index: int) -> bool:
    """Whether a window starts one unit after the window before it (same run, nothing skipped)."""
    return windows[index][1] == windows[index - 1][1] + 1


def same_file_copies(found: FileWindows) -> list[Copy]:
    """Blocks repeated within one file."""
    return _Matcher([found], across=False).copies()


def cross_file_copies(files: Sequence[FileWindows]) -> list[Copy]:
    """Blocks repeated in another file (those also repeated within their own file are left to the rule)."""
    return _Matcher(_repeated_only(sorted(files, key=lambda f: f.path)), across=True).copies()


def _repeated_only(files: Sequence[FileWindows]) -> list[FileWindows]:
    """The files with only their windows whose hash occurs more than once in the tree.

    A window with a hash of its own is never duplicated, and dropping it changes no copy: a
    copy's windows all have twins, and a gap it leaves is seen as one by `_follows`, whose
    unit indices stay as they were. Counting runs in C, so the grouping that follows sees a
    few thousand windows instead of every window of the tree.
    """
    counts = Counter(window[0] for found in files for window in found.windows)
    return [
        dataclasses.replace(found, windows=tuple(w for w in found.windows if counts[w[0]] > 1))
        for found in files
    ]


def describe(copy: Copy) -> str:
    """The finding's message: both copies' lines and the copy's size in statements."""
    other = "lines " if copy.other_path == copy.path else copy.other_path + ":"
    span = f"{copy.other_line}-{copy.other_last_line}"
    return (
        f"lines {copy.line}-{copy.last_line} duplicate {other}{span} ({copy.statements} statements)"
    )
