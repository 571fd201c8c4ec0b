"""Turn timed results into the table, the ratio verdicts and the raw JSON."""

from __future__ import annotations

import json
import operator
import statistics
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Callable

from peers_timing import Result

NOT_AVAILABLE = "not available"
COMPARE: dict[str, Callable[[float, float], bool]] = {
    ">=": operator.ge,
    "<=": operator.le,
    "<": operator.lt,
}
# (label, numerator key, denominator key or "" for an absolute value, comparison, bar)
BARS = (
    ("flake8 / acolyte cold, j1", "flake8 j1", "acolyte cold j1", ">=", 6.0),
    ("flake8 / acolyte cold, j2", "flake8 j2", "acolyte cold j2", ">=", 6.0),
    ("pylint / acolyte cold, j1", "pylint j1", "acolyte cold j1", ">=", 5.0),
    ("pylint / acolyte cold, j2", "pylint j2", "acolyte cold j2", ">=", 5.0),
    ("acolyte cold j1 / floor", "acolyte cold j1", "floor", "<=", 2.0),
    ("acolyte warm / ruff cached", "acolyte warm", "ruff cached", "<=", 1.5),
    ("acolyte warm / acolyte cold j2", "acolyte warm", "acolyte cold j2", "<=", 0.10),
    ("acolyte warm+5 / acolyte warm", "acolyte warm+5", "acolyte warm", "<=", 1.5),
    ("acolyte start-up (s)", "acolyte start-up", "", "<", 0.3),
    ("acolyte peak RSS j2 (MB)", "peak RSS", "", "<", 300.0),
)


@dataclass(frozen=True)
class Verdict:
    """One bar: the measured value (None when a side is missing) and PASS/FAIL/n/a."""

    label: str
    value: float | None
    comparison: str
    bar: float
    verdict: str


def medians(results: list[Result], rss_mb: float | None) -> dict[str, float]:
    """Return each case's median seconds by key, plus the peak RSS when measured."""
    values = {r.case.key: statistics.median(s.seconds for s in r.samples) for r in results}
    if rss_mb is not None:
        values["peak RSS"] = rss_mb
    return values


def verdicts(values: dict[str, float]) -> list[Verdict]:
    """Judge every bar whose inputs were measured; the others are n/a."""
    judged = []
    for label, top, bottom, comparison, bar in BARS:
        value = _ratio(values, top, bottom)
        if value is None:
            judged.append(Verdict(label, None, comparison, bar, "n/a"))
            continue
        passed = COMPARE[comparison](value, bar)
        judged.append(Verdict(label, value, comparison, bar, "PASS" if passed else "FAIL"))
    return judged


def _ratio(values: dict[str, float], top: str, bottom: str) -> float | None:
    """Return top / bottom, top alone when bottom is "", None when one is missing."""
    if top not in values or (bottom and bottom not in values):
        return None
    return values[top] / values[bottom] if bottom else values[top]


def table(results: list[Result], lines: int, missing: list[str]) -> str:
    """Format tool | jobs | median | min | max | lines/s | findings, one row a case."""
    rows = [f"{'tool':<20} {'jobs':>4} {'median s':>9} {'min':>8} {'max':>8} "
            f"{'lines/s':>10} {'findings':>9}"]  # fmt: skip
    for result in results:
        rows.append(_row(result, lines))
    rows.extend(f"{key:<20} {NOT_AVAILABLE}" for key in missing)
    return "\n".join(rows)


def _row(result: Result, lines: int) -> str:
    """Format one case's row; a bad exit code is named after the findings."""
    times = [s.seconds for s in result.samples]
    median = statistics.median(times)
    last = result.samples[-1]
    speed = f"{lines / median:,.0f}" if result.case.cwd is None else "-"
    note = _exit_note(result)
    return (f"{result.case.key:<20} {result.case.jobs:>4} {median:>9.3f} {min(times):>8.3f} "
            f"{max(times):>8.3f} {speed:>10} {last.findings:>9}{note}")  # fmt: skip


def _exit_note(result: Result) -> str:
    """Flag exit codes that mean the tool failed rather than found something."""
    tool, codes = result.case.tool, {s.returncode for s in result.samples}
    allowed = {"pylint": set(range(32)), "floor": {0}}.get(tool, {0, 1})
    bad = sorted(codes - allowed)
    if bad:
        return f"  (exit {bad})"
    if result.case.codes and result.samples[-1].findings == 0:
        return "  (no findings!)"
    return ""


def verdict_lines(judged: list[Verdict]) -> str:
    """Format the ratios against their bars, one line each."""
    out = []
    for v in judged:
        shown = "n/a" if v.value is None else f"{v.value:.3f}"
        out.append(f"{v.label:<34} {shown:>9}  {v.comparison} {v.bar:<6g} {v.verdict}")
    return "\n".join(out)


def write_json(path: Path, meta: dict[str, Any], results: list[Result]) -> None:
    """Write the run's settings, every sample of every case and the verdicts."""
    data = {
        **meta,
        "cases": [
            {
                **asdict(r.case),
                "cwd": str(r.case.cwd or ""),
                "samples": [asdict(s) for s in r.samples],
            }
            for r in results
        ],
    }
    path.write_text(json.dumps(data, indent=2, default=str) + "\n", encoding="utf-8")
