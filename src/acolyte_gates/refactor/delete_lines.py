"""Deleting whole comment lines, and the blank lines that would pile up where they were.

When the deleted lines sat between two runs of blank lines, the longer run is what remains
(black allows up to one blank line in a function and two at module level, and a run of
each was already there); at the start and at the end of the file the blank lines that
would be left over go too, as black would remove them.
"""

from __future__ import annotations

from collections.abc import Iterable

from acolyte_gates.refactor.lines import is_blank


def _regions(doomed: set[int]) -> list[tuple[int, int]]:
    """Runs of consecutive line indexes as (first, last) pairs."""
    regions: list[tuple[int, int]] = []
    for index in sorted(doomed):
        if regions and regions[-1][1] == index - 1:
            regions[-1] = (regions[-1][0], index)
        else:
            regions.append((index, index))
    return regions


def _blank_run(lines: list[str], start: int, step: int, doomed: set[int]) -> list[int]:
    """Indexes of the blank lines next to `start` going by `step`, up to the first other line."""
    run = []
    index = start
    while 0 <= index < len(lines) and is_blank(lines[index]) and index not in doomed:
        run.append(index)
        index += step
    return run


def _extra_blanks(lines: list[str], region: tuple[int, int], doomed: set[int]) -> list[int]:
    """The blank lines that go with a deleted region so that no run grows longer."""
    before = _blank_run(lines, region[0] - 1, -1, doomed)
    after = _blank_run(lines, region[1] + 1, 1, doomed)
    at_start = region[0] == 0 or (bool(before) and before[-1] == 0)
    at_end = (region[1] + 1 + len(after)) >= len(lines)
    if at_start or at_end:
        return before + after
    return after[: min(len(before), len(after))]


def delete_lines(lines: list[str], numbers: Iterable[int]) -> list[str]:
    """`lines` without the lines numbered `numbers` (1-based) and the blank lines they leave."""
    doomed = {number - 1 for number in numbers if 0 < number <= len(lines)}
    extra: set[int] = set()
    for region in _regions(doomed):
        extra.update(_extra_blanks(lines, region, doomed | extra))
    gone = doomed | extra
    return [line for index, line in enumerate(lines) if index not in gone]
