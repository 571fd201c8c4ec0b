"""Reading coverage's JSON report into the coverage gate's verdict (failing tests: test_junit_report)."""

from __future__ import annotations

import json
from pathlib import Path

from gates.contexts import document, run_ctx

from acolyte_gates.gates import coverage_gate
from acolyte_gates.gates.base import GateStatus
from acolyte_gates.gates.coverage_report import parse_report, percent
from acolyte_gates.gates.process import ToolResult


def test_percentages_round_down_so_that_short_never_looks_like_the_bar() -> None:
    # 16999 of 20000 is 84.995 %: printed 84.99, not 85.00
    assert percent(16999, 20000) == "84.99"
    assert percent(17, 20) == "85.00"
    assert percent(0, 0) == "100.00"


def test_exactly_the_bar_passes_and_one_line_less_fails() -> None:
    at_bar = parse_report(document({"a.py": (17, 20)}), 85.0)  # 17/20 = 85 %
    under = parse_report(document({"a.py": (16, 20)}), 85.0)  # 16/20 = 80 %
    assert at_bar is not None and at_bar.meets_bar
    assert under is not None and not under.meets_bar


def test_the_files_furthest_below_the_bar_come_first_at_their_first_missed_line() -> None:
    report = parse_report(
        document({"good.py": (10, 10), "half.py": (5, 10), "none.py": (0, 4)}), 85.0
    )
    assert report is not None
    assert [where for where, _ in report.furthest_below] == [
        ("none.py", 1, 1),
        ("half.py", 6, 1),
    ]
    assert (
        report.furthest_below[1][1] == "50.00% covered, below the bar of 85% (lines never run: 5)"
    )


def test_a_report_that_is_not_coverage_json_is_none() -> None:
    assert parse_report({"meta": {}}, 85.0) is None


def test_the_configured_bar_wins_over_the_level(tmp_path: Path) -> None:
    (tmp_path / "coverage.json").write_text(json.dumps(document({"a.py": (7, 10)})))
    passing = ToolResult(("pytest",), 0, "", "", 1.0)
    assert coverage_gate.read(passing, run_ctx(tmp_path, bar=70.0)).status is GateStatus.PASSED
    assert (
        coverage_gate.read(passing, run_ctx(tmp_path)).status is GateStatus.FAILED
    )  # production: 85


def test_pytest_without_pytest_cov_is_a_missing_tool(tmp_path: Path) -> None:
    usage = ToolResult(("pytest",), 4, "", "error: unrecognized arguments: --cov=.\n", 0.5)
    verdict = coverage_gate.read(usage, run_ctx(tmp_path))
    assert verdict.status is GateStatus.MISSING and "acolyte-gates[gates]" in verdict.detail


def test_no_tests_collected_fails(tmp_path: Path) -> None:
    (tmp_path / "coverage.json").write_text(json.dumps(document({})))
    verdict = coverage_gate.read(ToolResult(("pytest",), 5, "", "", 0.5), run_ctx(tmp_path))
    assert [f.code for f in verdict.findings] == ["COV004"]
