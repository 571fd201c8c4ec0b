"""Copies from windows: equal hashes grouped, and consecutive duplicated windows merged into one block.

A window is duplicated when another window has its hash and does not overlap it (in the same
file for the engine rule; in another file, and in no other place of its own file, for the
cross-file pass, so that a block copied within a file is reported once, by the rule). A
pattern that repeats right after itself (`if a: x = a` four times) is therefore no copy until
its repetitions are a whole window apart. A maximal run of duplicated
windows that follow each other is one copy: a copied 20-statement block is one finding per
copy, not fifteen. Every step is a dictionary lookup per window: linear in the tree's size.
"""

from __future__ import annotations

from collections.abc import Sequence
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


def _runs(windows: Sequence[Window], marked: Sequence[bool]) -> list[tuple[int, int]]:
    """(first, last) window index of each maximal run of marked windows that follow each other."""
    runs: list[tuple[int, int]] = []
    for index, window in enumerate(windows):
        if not marked[index]:
            continue
        if runs and runs[-1][1] == index - 1 and windows[index - 1][1] == window[1] - 1:
            runs[-1] = (runs[-1][0], index)
        else:
            runs.append((index, index))
    return runs


class _Matcher:
    """Finds the copies among a set of files' windows, in one file or across files."""

    def __init__(self, files: Sequence[FileWindows], across: bool) -> None:
        self.files = files
        self.across = across
        self.groups = _groups(files)
        self.runs = [self._file_runs(index) for index in range(len(files))]
        self.run_of: dict[Position, tuple[int, int]] = {}
        for file_index, runs in enumerate(self.runs):
            for run in runs:
                self.run_of.update(((file_index, w), run) for w in range(run[0], run[1] + 1))

    def _file_runs(self, file_index: int) -> list[tuple[int, int]]:
        found = self.files[file_index]
        marked = [self._is_duplicated(file_index, window) for window in found.windows]
        return _runs(found.windows, marked)

    def _is_duplicated(self, file_index: int, window: Window) -> bool:
        """In one file: a window of the same hash that does not overlap this one. Across files: one
        in another file, and none in this file (those are the file rule's)."""
        group = self.groups.get(window[0])
        if group is None:
            return False
        in_file = group.has_copy_in_file(file_index, window[1], self.files[file_index].size)
        return len(group.first_by_file) > 1 and not in_file if self.across else in_file

    def copies(self) -> list[Copy]:
        """Every copy in every file, each reported against one other copy."""
        found = []
        for file_index, runs in enumerate(self.runs):
            for run in runs:
                other = self._partner(file_index, run)
                if other is not None:
                    found.append(self._copy(file_index, run, other))
        return found

    def _partner(self, file_index: int, run: tuple[int, int]) -> Position | None:
        """The window another copy of this run starts with: outside the run where there is one."""
        fallback = None
        for window_index in range(run[0], run[1] + 1):
            group = self.groups[self.files[file_index].windows[window_index][0]]
            for position in self._candidates(group, (file_index, window_index)):
                if self.run_of.get(position) != run or position[0] != file_index:
                    return position
                fallback = fallback or position
        return fallback

    def _candidates(self, group: _Group, own: Position) -> Sequence[Position]:
        """The group's windows that are another copy of `own`: in another file, or not overlapping it."""
        if self.across:
            return [p for f, p in group.first_by_file.items() if f != own[0]][:1]
        windows, size = self.files[own[0]].windows, self.files[own[0]].size
        unit = windows[own[1]][1]
        return [p for p in group.members if abs(windows[p[1]][1] - unit) >= size]

    def _span(self, position: Position, own: tuple[int, int]) -> tuple[int, int]:
        """The lines of the run holding a window, or of the window alone (in no run, or in `own`)."""
        windows = self.files[position[0]].windows
        first, last = self.run_of.get(position, own)
        if (first, last) == own:
            first = last = position[1]
        return windows[first][2], windows[last][4]

    def _copy(self, file_index: int, run: tuple[int, int], other: Position) -> Copy:
        found = self.files[file_index]
        first, last = found.windows[run[0]], found.windows[run[1]]
        statements = last[1] - first[1] + found.size
        other_span = self._span(other, run if other[0] == file_index else (-1, -1))
        other_path = self.files[other[0]].path
        return Copy(found.path, first[2], first[3], last[4], statements, other_path, *other_span)


def same_file_copies(found: FileWindows) -> list[Copy]:
    """Blocks repeated within one file."""
    return _Matcher([found], across=False).copies()


def cross_file_copies(files: Sequence[FileWindows]) -> list[Copy]:
    """Blocks repeated in another file (those also repeated within their own file are left to the rule)."""
    return _Matcher(sorted(files, key=lambda f: f.path), across=True).copies()


def describe(copy: Copy) -> str:
    """The finding's message: both copies' lines and the copy's size in statements."""
    other = "lines " if copy.other_path == copy.path else copy.other_path + ":"
    span = f"{copy.other_line}-{copy.other_last_line}"
    return f"lines {copy.line}-{copy.last_line} duplicate {other}{span} ({copy.statements} statements)"
