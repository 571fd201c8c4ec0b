"""Reading coverage's JSON report and pytest's summary into the coverage gate's verdict."""

from __future__ import annotations

import json
from pathlib import Path

from acolyte_gates.config.settings import RunSettings, Settings
from acolyte_gates.gates import coverage_gate
from acolyte_gates.gates.base import GateContext, GateStatus, ProjectTools
from acolyte_gates.gates.coverage_report import parse_report, percent
from acolyte_gates.gates.process import ToolResult


def summary(covered: int, total: int) -> dict[str, int]:
    return {"covered_lines": covered, "num_statements": total}


def document(files: dict[str, tuple[int, int]]) -> dict[str, object]:
    covered = sum(c for c, _ in files.values())
    total = sum(t for _, t in files.values())
    return {
        "totals": summary(covered, total),
        "files": {
            p: {"summary": summary(c, t), "missing_lines": list(range(c + 1, t + 1))}
            for p, (c, t) in files.items()
        },
    }


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


def run_ctx(scratch: Path, bar: float | None = None) -> GateContext:
    settings = Settings(run=RunSettings(coverage_bar=bar))
    return GateContext("/p", (), (".",), settings, ProjectTools(), str(scratch), gate="coverage")


def test_failing_tests_are_findings_from_the_short_summary(tmp_path: Path) -> None:
    (tmp_path / "coverage.json").write_text(json.dumps(document({"a.py": (1, 1)})))
    stdout = "F.\nFAILED tests/test_a.py::test_x - assert 1 == 2\nERROR tests/test_b.py\n1 failed\n"
    verdict = coverage_gate.read(ToolResult(("pytest",), 1, stdout, "", 1.0), run_ctx(tmp_path))
    assert verdict.status is GateStatus.FAILED
    assert [(f.path, f.code, f.message) for f in verdict.findings] == [
        (
            "tests/test_a.py",
            "COV003",
            "test failed: tests/test_a.py::test_x - assert 1 == 2",
        ),
        ("tests/test_b.py", "COV003", "error in test: tests/test_b.py"),
    ]


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
