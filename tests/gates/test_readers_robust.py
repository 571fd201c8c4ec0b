"""Gate readers against tools that misbehave: deep JSON, crashes, output of several calls."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from gates.conftest import MakeProject
from gates.contexts import ctx, lines, result
from gates.projects import CLEAN
from gates.test_process import fake_tool
from gates.test_readers import bandit_json, issue

from acolyte_gates.gates import bandit_gate, flake8_gate, mypy_gate, ruff_lint_gate
from acolyte_gates.gates.base import GateStatus
from acolyte_gates.gates.coverage_report import read_report
from acolyte_gates.gates.runner import RunRequest, run_gates

DEEP = "[" * 100_000 + "]" * 100_000  # far deeper than json's recursion can follow
TRACEBACK = (
    "Traceback (most recent call last):\n"
    '  File "flake8/checker.py", line 1, in run\n'
    "RecursionError: maximum recursion depth exceeded\n"
)


@pytest.mark.parametrize(
    ("gate", "name", "code"),
    [
        (mypy_gate, "types", 1),
        (bandit_gate, "security", 1),
        (mypy_gate, "types", 0),
        (ruff_lint_gate, "lint", 1),
    ],
)
def test_deeply_nested_json_from_a_tool_is_an_error_not_a_crash(
    gate: object, name: str, code: int
) -> None:
    verdict = gate.read(result(code, stdout=DEEP), ctx(name))  # type: ignore[attr-defined]
    assert verdict.status is GateStatus.ERROR
    assert "could not read the tool's output" in verdict.detail


def test_a_deeply_nested_coverage_report_is_unreadable_not_a_crash(tmp_path: Path) -> None:
    report = tmp_path / "coverage.json"
    report.write_text('{"totals": ' + DEEP + "}", encoding="utf-8")
    assert read_report(str(report), 85) is None


def test_a_tool_exiting_1_with_a_traceback_is_an_error_not_a_failure() -> None:
    out = result(1, stdout="a.py\t1\t1\tE999\tSyntaxError\n", stderr=TRACEBACK)
    verdict = flake8_gate.read(out, ctx("lint"))
    assert verdict.status is GateStatus.ERROR
    assert "RecursionError" in verdict.detail
    assert lines(verdict) == ["a.py:1:1: E999 SyntaxError"]  # what it said before dying, kept


def test_bandit_reports_of_several_calls_are_read_together() -> None:
    first = bandit_json(issue("./a.py", "B602", "HIGH"))
    second = json.dumps(
        {"errors": [{"filename": "./b.py", "reason": "syntax error"}], "results": []}
    )
    verdict = bandit_gate.read(result(1, stdout=first + "\n" + second + "\n"), ctx("security"))
    assert lines(verdict) == [
        "a.py:4:1: B602 Risky. (high)",
        "b.py:1:1: B000 bandit could not scan the file: syntax error",
    ]


def test_a_finding_repeated_by_several_calls_is_reported_once() -> None:
    row = json.dumps(
        {"file": "a.py", "line": 1, "column": 0, "message": "Bad", "code": "x", "severity": "error"}
    )
    verdict = mypy_gate.read(result(1, stdout=f"{row}\n{row}\n"), ctx("types"))
    assert lines(verdict) == ["a.py:1:1: x Bad"]


def test_a_run_goes_on_when_a_tool_prints_deeply_nested_json(
    make_project: MakeProject, tmp_path: Path
) -> None:
    root = str(make_project(CLEAN))
    folder = fake_tool(tmp_path / "bin", "mypy", f"printf '%s\\n' '{DEEP[:20_000]}'\nexit 1\n")
    report = run_gates(RunRequest(root, gates=("types", "aco"), tool_path=(str(folder),)))
    statuses = {gate.name: gate.status for gate in report.gates}
    assert (statuses["types"], statuses["aco"]) == (GateStatus.ERROR, GateStatus.PASSED)


def test_ruff_lists_of_several_calls_are_read_together() -> None:
    def one(path: str) -> str:
        item = {"code": "F401", "filename": path, "location": {"row": 1, "column": 1}}
        return json.dumps([{**item, "message": "unused"}])

    out = result(1, stdout=one("/project/a.py") + "\n" + one("/project/b.py") + "\n")
    assert lines(ruff_lint_gate.read(out, ctx("lint"))) == [
        "a.py:1:1: F401 unused",
        "b.py:1:1: F401 unused",
    ]
