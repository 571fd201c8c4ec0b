"""The ruff gates' arguments and their reading of ruff's output, as ruff 0.12 and 0.17 print it.

The outputs below were printed by ruff 0.12.11 and 0.17.6 for a.py (unsorted imports, a
list black would join), b.py (clean) and bad.py (`def f(:`), then trimmed.
"""

from __future__ import annotations

import dataclasses
import json

import pytest
from gates.contexts import ROOT, ctx, lines, result

from acolyte_gates.gates import ruff_format_gate, ruff_imports_gate, ruff_lint_gate
from acolyte_gates.gates.base import GateStatus, ProjectTools


def diagnostic(path: str, row: int, code: str | None, message: str) -> dict[str, object]:
    """One entry of `ruff check --output-format=json` (the fields the gates read)."""
    return {
        "code": code,
        "filename": path,
        "location": {"column": 1, "row": row},
        "message": message,
    }


UNSORTED = diagnostic(f"{ROOT}/a.py", 1, "I001", "Import block is un-sorted or un-formatted")
UNUSED = diagnostic(f"{ROOT}/b.py", 3, "F401", "`json` imported but unused")
SYNTAX = diagnostic(f"{ROOT}/bad.py", 1, "invalid-syntax", "Expected a parameter")


def check_output(*items: dict[str, object]) -> str:
    return json.dumps(list(items))


def test_lint_leaves_import_order_to_the_imports_gate() -> None:
    out = result(1, stdout=check_output(UNSORTED, UNUSED, SYNTAX))
    assert lines(ruff_lint_gate.read(out, ctx("lint"))) == [
        "b.py:3:1: F401 `json` imported but unused",
        "bad.py:1:1: invalid-syntax Expected a parameter",
    ]
    imports = ruff_imports_gate.read(out, ctx("imports"))
    assert lines(imports) == ["a.py:1:1: I001 Import block is un-sorted or un-formatted"]


def test_lint_finding_only_import_order_passes() -> None:
    out = result(1, stdout=check_output(UNSORTED))
    assert ruff_lint_gate.read(out, ctx("lint")).status is GateStatus.PASSED


def test_a_syntax_error_without_a_code_is_named_invalid_syntax() -> None:
    # ruff before 0.12 reported syntax errors with "code": null
    out = result(1, stdout=check_output(diagnostic("bad.py", 2, None, "Unexpected indent")))
    assert lines(ruff_lint_gate.read(out, ctx("lint"))) == [
        "bad.py:2:1: invalid-syntax Unexpected indent"
    ]


def test_ruff_output_that_is_not_its_json_fails_with_the_raw_output() -> None:
    verdict = ruff_lint_gate.read(result(1, stdout="a.py:1:1: F401 unused\n"), ctx("lint"))
    assert verdict.status is GateStatus.FAILED and "a.py:1:1: F401" in verdict.detail


def test_ruff_that_cannot_run_is_an_error() -> None:
    bad_config = result(2, stderr="ruff failed\n  Cause: Failed to parse pyproject.toml\n")
    assert ruff_lint_gate.read(bad_config, ctx("lint")).status is GateStatus.ERROR


def test_checks_never_fix_unless_asked_and_name_their_files_after_a_double_dash() -> None:
    argv = ruff_lint_gate.build(ctx("lint"))
    assert argv[:4] == ["check", "--output-format=json", "--force-exclude", "--no-fix"]
    assert argv[-2:] == ["--", "a.py"]
    assert "--no-fix" in ruff_imports_gate.build(ctx("imports"))


def test_imports_use_the_projects_own_selection_when_it_selects_import_order() -> None:
    own = dataclasses.replace(ctx("imports"), project=ProjectTools(ruff_sorts_imports=True))
    assert "--select" not in ruff_imports_gate.build(own)
    assert ruff_imports_gate.build(ctx("imports"))[3:5] == ["--select", "I"]
    fixing = dataclasses.replace(own, fix=True)
    assert ruff_imports_gate.build(fixing)[3:6] == ["--fix", "--fixable", "I"]


CHECK_0_17 = (
    "a.py:3:1: unformatted: File would be reformatted\n"
    "bad.py:1:7: invalid-syntax: Expected a parameter or the end of the parameter list\n"
    "1 file would be reformatted, 1 file already formatted\n"
)
CHECK_0_12_OUT = "Would reformat: a.py\n1 file would be reformatted, 1 file already formatted\n"
CHECK_0_12_ERR = (
    "error: Failed to parse bad.py:1:7: Expected a parameter or the end of the parameter list\n"
)


@pytest.mark.parametrize(
    ("stdout", "stderr", "first_line"),
    [(CHECK_0_17, "", 3), (CHECK_0_12_OUT, CHECK_0_12_ERR, 1)],
    ids=["ruff-0.17", "ruff-0.12"],
)
def test_format_check_names_unformatted_and_unparsable_files(
    stdout: str, stderr: str, first_line: int
) -> None:
    verdict = ruff_format_gate.read(result(2, stdout, stderr), ctx("format"))
    assert verdict.status is GateStatus.FAILED
    assert lines(verdict) == [
        f"a.py:{first_line}:1: FMT001 ruff format would reformat this file (fix: run with --fix)",
        "bad.py:1:7: FMT002 ruff cannot parse the file:"
        " Expected a parameter or the end of the parameter list",
    ]


def test_format_check_of_formatted_files_passes() -> None:
    verdict = ruff_format_gate.read(result(0, "2 files already formatted\n"), ctx("format"))
    assert verdict.status is GateStatus.PASSED


def test_format_asks_for_concise_output_and_checks_unless_fixing() -> None:
    assert ruff_format_gate.env(ctx("format")) == {"RUFF_OUTPUT_FORMAT": "concise"}
    assert ruff_format_gate.build(ctx("format"))[:3] == ["format", "--force-exclude", "--check"]
    fixing = dataclasses.replace(ctx("format"), fix=True)
    assert "--check" not in ruff_format_gate.build(fixing)


def test_format_fixing_says_how_many_files_ruff_rewrote() -> None:
    fixing = dataclasses.replace(ctx("format"), fix=True)
    done = result(0, "1 file reformatted, 1 file left unchanged\n")
    verdict = ruff_format_gate.read(done, fixing)
    assert (verdict.status, verdict.detail) == (
        GateStatus.PASSED,
        "fixed: ruff reformatted 1 file(s)",
    )
