"""Copies from windows: equal hashes grouped, and consecutive duplicated windows merged into one block.

A window is duplicated when another window has its hash (in the same file for the engine rule;
in another file, and in no other place of its own file, for the cross-file pass, so that a
block copied within a file is reported once, by the rule). A maximal run of duplicated
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
    """Every window with one hash, and the first of them in each file (in file order)."""

    members: tuple[Position, ...]
    first_by_file: dict[int, Position]
    count_by_file: dict[int, int]


def _groups(files: Sequence[FileWindows]) -> dict[int, _Group]:
    """Windows by hash; only hashes seen more than once are kept."""
    seen: dict[int, list[Position]] = {}
    for file_index, found in enumerate(files):
        for window_index, window in enumerate(found.windows):
            seen.setdefault(window[0], []).append((file_index, window_index))
    groups = {}
    for key, members in seen.items():
        if len(members) > 1:
            first: dict[int, Position] = {}
            count: dict[int, int] = {}
            for position in members:
                first.setdefault(position[0], position)
                count[position[0]] = count.get(position[0], 0) + 1
            groups[key] = _Group(tuple(members), first, count)
    return groups


def _is_duplicated(group: _Group | None, file_index: int, across: bool) -> bool:
    if group is None:
        return False
    if not across:
        return True
    return len(group.count_by_file) > 1 and group.count_by_file[file_index] == 1


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
        windows = self.files[file_index].windows
        marked = [_is_duplicated(self.groups.get(w[0]), file_index, self.across) for w in windows]
        return _runs(windows, marked)

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
            for position in self._candidates(group, file_index):
                if self.run_of.get(position) != run or position[0] != file_index:
                    return position
                if position[1] != window_index and fallback is None:
                    fallback = position
        return fallback

    def _candidates(self, group: _Group, file_index: int) -> Sequence[Position]:
        if self.across:
            return [p for f, p in group.first_by_file.items() if f != file_index][:1]
        return group.members

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
