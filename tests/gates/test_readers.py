"""Each gate's reading of hand-made tool results: findings, unreadable output, crashes."""

from __future__ import annotations

import json

from gates.contexts import ROOT, ctx, lines, result

from acolyte_gates.config.settings import Settings
from acolyte_gates.gates import (
    bandit_gate,
    black_gate,
    flake8_gate,
    isort_gate,
    mypy_gate,
)
from acolyte_gates.gates.base import GateContext, GateStatus, ProjectTools


def test_black_names_each_file_it_would_reformat() -> None:
    out = result(
        1,
        stderr=f"would reformat {ROOT}/b.py\nwould reformat a.py\n\n2 files would be reformatted.",
    )
    verdict = black_gate.read(out, ctx("format"))
    assert verdict.status is GateStatus.FAILED
    # absolute and relative paths both end up relative to the root, sorted
    assert [f.path for f in verdict.findings] == ["a.py", "b.py"]
    assert {f.origin for f in verdict.findings} == {"format"}


def test_black_that_cannot_parse_a_file_reports_where() -> None:
    verdict = black_gate.read(
        result(123, stderr="error: cannot parse: bad.py:1:4\n"), ctx("format")
    )
    assert lines(verdict) == ["bad.py:1:4: FMT002 black cannot parse the file"]


def test_black_exit_1_with_nothing_readable_fails_with_the_raw_output() -> None:
    verdict = black_gate.read(result(1, stderr="something new\n"), ctx("format"))
    assert verdict.status is GateStatus.FAILED and not verdict.findings
    assert "something new" in verdict.detail and "exited with code 1" in verdict.detail


def test_an_unknown_exit_code_is_a_crash() -> None:
    verdict = black_gate.read(result(70, stderr="Traceback ...\n"), ctx("format"))
    assert verdict.status is GateStatus.ERROR and "Traceback" in verdict.detail


def test_black_fixing_lists_what_it_rewrote() -> None:
    fixing = GateContext(
        ROOT,
        ("a.py",),
        (".",),
        Settings(),
        ProjectTools(),
        "/s",
        fix=True,
        gate="format",
    )
    verdict = black_gate.read(result(0, stderr="reformatted a.py\n\nAll done!\n"), fixing)
    assert (verdict.status, verdict.detail) == (GateStatus.PASSED, "fixed: a.py")


def test_isort_names_each_unsorted_file() -> None:
    out = result(
        1,
        stderr=f"ERROR: {ROOT}/pkg/m.py Imports are incorrectly sorted and/or formatted.\n",
    )
    assert lines(isort_gate.read(out, ctx("imports"))) == [
        "pkg/m.py:1:1: IMP001 imports are not sorted (fix: run with --fix)"
    ]


def test_isort_uses_profile_black_only_without_a_project_config() -> None:
    configured = GateContext(ROOT, ("a.py",), (".",), Settings(), ProjectTools(isort=True), "/s")
    assert "--profile" in isort_gate.build(ctx("imports"))
    assert "--profile" not in isort_gate.build(configured)
    assert isort_gate.build(configured)[-2:] == ["--", "a.py"]


def test_mypy_json_columns_become_1_based_and_notes_are_dropped() -> None:
    rows = [
        {
            "file": "a.py",
            "line": 3,
            "column": 0,
            "message": "Missing",
            "hint": None,
            "code": "no-untyped-def",
            "severity": "error",
        },
        {
            "file": "a.py",
            "line": 3,
            "column": 0,
            "message": "See docs",
            "hint": None,
            "code": None,
            "severity": "note",
        },
    ]
    out = result(1, stdout="\n".join(json.dumps(row) for row in rows) + "\n")
    assert lines(mypy_gate.read(out, ctx("types"))) == ["a.py:3:1: no-untyped-def Missing"]


def test_mypy_syntax_errors_exit_2_yet_are_findings() -> None:
    row = {
        "file": "a.py",
        "line": 1,
        "column": 5,
        "message": "Expected",
        "hint": None,
        "code": "syntax",
        "severity": "error",
    }
    verdict = mypy_gate.read(result(2, stdout=json.dumps(row)), ctx("types"))
    assert verdict.status is GateStatus.FAILED and lines(verdict) == ["a.py:1:6: syntax Expected"]


def test_mypy_text_instead_of_json_is_unreadable() -> None:
    verdict = mypy_gate.read(result(1, stdout="a.py:1: error: Bad\n"), ctx("types"))
    assert verdict.status is GateStatus.FAILED and "a.py:1: error: Bad" in verdict.detail


def test_flake8_lines_are_split_on_tabs() -> None:
    out = result(1, stdout="a.py\t2\t1\tF401\t'json' imported: but unused\n")
    assert lines(flake8_gate.read(out, ctx("lint"))) == [
        "a.py:2:1: F401 'json' imported: but unused"
    ]


def test_flake8_without_a_project_config_is_black_compatible() -> None:
    argv = flake8_gate.build(ctx("lint"))
    assert "--max-line-length=88" in argv and "--extend-ignore=E203,W503" in argv


def test_flake8_finding_only_aco_codes_passes() -> None:
    out = result(1, stdout="a.py\t1\t1\tACO104\ttoo many\n")
    assert flake8_gate.read(out, ctx("lint")).status is GateStatus.PASSED


def test_flake8_aco_findings_are_left_to_the_aco_gate() -> None:
    out = result(1, stdout="a.py\t1\t1\tACO104\ttoo many\na.py\t2\t1\tE501\tline too long\n")
    assert lines(flake8_gate.read(out, ctx("lint"))) == ["a.py:2:1: E501 line too long"]


def bandit_json(*items: dict[str, object]) -> str:
    return json.dumps({"errors": [], "results": list(items)})


def issue(path: str, test_id: str, severity: str) -> dict[str, object]:
    return {
        "filename": path,
        "line_number": 4,
        "col_offset": 0,
        "test_id": test_id,
        "issue_severity": severity,
        "issue_text": "Risky.",
    }


def test_bandit_keeps_results_at_or_above_the_severity_bar() -> None:
    out = result(
        1,
        stdout=bandit_json(issue("./a.py", "B404", "LOW"), issue("./a.py", "B602", "HIGH")),
    )
    assert lines(bandit_gate.read(out, ctx("security"))) == [
        "a.py:4:1: B404 Risky. (low)",
        "a.py:4:1: B602 Risky. (high)",
    ]
    medium = bandit_gate.read(out, ctx("security", bandit_severity="medium"))
    assert [f.code for f in medium.findings] == ["B602"]


def test_bandit_asserts_are_fine_in_tests_only() -> None:
    out = result(
        1,
        stdout=bandit_json(
            issue("./tests/test_a.py", "B101", "LOW"), issue("./a.py", "B101", "LOW")
        ),
    )
    assert [f.path for f in bandit_gate.read(out, ctx("security")).findings] == ["a.py"]


def test_bandit_below_the_bar_passes_though_it_exits_1() -> None:
    out = result(1, stdout=bandit_json(issue("./a.py", "B404", "LOW")))
    assert (
        bandit_gate.read(out, ctx("security", bandit_severity="high")).status is GateStatus.PASSED
    )


def test_bandit_output_that_is_not_json_fails_with_it() -> None:
    verdict = bandit_gate.read(result(0, stdout="[main] INFO oops"), ctx("security"))
    assert verdict.status is GateStatus.FAILED and "oops" in verdict.detail
