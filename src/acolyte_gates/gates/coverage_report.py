"""coverage.py's JSON report as a value: the total against the bar, the files furthest below.

Percentages are compared in whole lines (covered * 100 >= bar * statements), never as rounded
floats, so a total exactly at the bar passes and one line fewer fails.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

# How many of the files furthest below the bar a failing report names.
FURTHEST = 10

Where = tuple[str, int, int]


@dataclass(frozen=True)
class CoverageReport:
    """A run's covered and total lines (branches included when measured) against its bar."""

    covered: int
    total: int
    bar: float
    furthest_below: tuple[tuple[Where, str], ...]

    @property
    def meets_bar(self) -> bool:
        """Whether the total reaches the bar (nothing to measure counts as fully covered)."""
        return self.covered * 100 >= self.bar * self.total

    @property
    def summary(self) -> str:
        """One line: the total coverage and the bar, and whether it falls short."""
        verdict = "below" if not self.meets_bar else "meets"
        total = percent(self.covered, self.total)
        return f"total coverage {total}% {verdict} the bar of {self.bar:g}%"


def percent(covered: int, total: int) -> str:
    """A percentage rounded down to hundredths, so that 84.999 never reads as 85.00."""
    if total == 0:
        return "100.00"
    hundredths = covered * 10000 // total
    return f"{hundredths // 100}.{hundredths % 100:02d}"


def _counts(summary: dict[str, Any]) -> tuple[int, int]:
    """Covered and total units of a summary: lines, plus branches when coverage measured them."""
    covered = int(summary["covered_lines"]) + int(summary.get("covered_branches", 0))
    return covered, int(summary["num_statements"]) + int(summary.get("num_branches", 0))


def _below(files: dict[str, Any], bar: float) -> tuple[tuple[Where, str], ...]:
    """The files under the bar, furthest first, each at its first line that never ran."""
    rows = []
    for path, data in files.items():
        covered, total = _counts(data["summary"])
        if total and covered * 100 < bar * total:
            missing = data.get("missing_lines") or [1]
            message = (
                f"{percent(covered, total)}% covered, below the bar of {bar:g}%"
                f" (lines never run: {len(missing)})"
            )
            rows.append((covered / total, path, ((path, int(missing[0]), 1), message)))
    rows.sort(key=lambda row: (row[0], row[1]))
    return tuple(row[2] for row in rows[:FURTHEST])


def parse_report(document: Any, bar: float) -> CoverageReport | None:
    """A report from coverage's JSON document, or None when it is not one."""
    try:
        covered, total = _counts(document["totals"])
        files = document["files"]
        below = () if covered * 100 >= bar * total else _below(files, bar)
    except (KeyError, TypeError, ValueError):
        return None
    return CoverageReport(covered, total, bar, below)


def read_report(path: str, bar: float) -> CoverageReport | None:
    """The report written at `path`, or None when it is missing or unreadable."""
    try:
        with open(path, encoding="utf-8") as handle:
            document = json.load(handle)
    except (OSError, ValueError, RecursionError):  # missing, not JSON, or nested too deep
        return None
    return parse_report(document, bar)
