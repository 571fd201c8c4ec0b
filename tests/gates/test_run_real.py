"""The runner with the real tools in subprocesses, on small projects made in temporary folders."""

from __future__ import annotations

from pathlib import Path

import pytest
from gates.conftest import MakeProject
from gates.projects import CLEAN, FAILING, coverage_project

from acolyte_gates.gates.registry import BUILTIN_GATES
from acolyte_gates.gates.runner import GateResult, GateStatus, RunReport, RunRequest, run_gates

pytestmark = pytest.mark.usefixtures("real_tools")


def statuses(report: RunReport) -> dict[str, str]:
    """Each gate of ours by its status (installed plugins may add gates of theirs)."""
    ours = {gate.name for gate in BUILTIN_GATES}
    return {gate.name: gate.status.value for gate in report.gates if gate.name in ours}


def coverage_gate(report: RunReport) -> GateResult:
    return next(gate for gate in report.gates if gate.name == "coverage")


def found(report: RunReport, name: str) -> set[tuple[str, str]]:
    """(path, code) of each finding of one gate."""
    gate = next(g for g in report.gates if g.name == name)
    return {(f.path, f.code) for f in gate.findings}


def test_a_clean_project_passes_every_gate(make_project: MakeProject) -> None:
    report = run_gates(RunRequest(str(make_project(CLEAN))))
    assert statuses(report) == dict.fromkeys(
        ("format", "imports", "types", "aco", "lint", "security", "coverage"), "passed"
    )
    assert report.passed


def test_every_failing_gate_is_reported_not_only_the_first(
    make_project: MakeProject,
) -> None:
    report = run_gates(RunRequest(str(make_project(FAILING))))
    assert set(statuses(report).values()) == {"failed"}
    assert not report.passed
    # each file of FAILING breaks one gate, and that gate names it with its tool's code
    assert found(report, "format") == {("app/spread.py", "FMT001")}
    assert found(report, "imports") == {("app/order.py", "IMP001")}
    assert found(report, "types") == {("app/typed.py", "return-value")}
    assert found(report, "aco") == {("app/params.py", "ACO104")}
    assert found(report, "lint") == {("app/unused.py", "F401")}
    assert found(report, "security") == {("app/risky.py", "B307")}
    assert ("tests/test_calc.py", "COV003") in found(report, "coverage")


def test_findings_carry_their_gate_as_origin(make_project: MakeProject) -> None:
    report = run_gates(RunRequest(str(make_project(FAILING)), gates=("types", "lint")))
    assert {(f.origin, f.code) for gate in report.gates for f in gate.findings} == {
        ("types", "return-value"),
        ("lint", "F401"),
    }


def test_fix_repairs_format_and_imports_and_touches_nothing_else(
    make_project: MakeProject,
) -> None:
    root = make_project(FAILING)
    before = {path: path.read_bytes() for path in root.rglob("*") if path.is_file()}
    report = run_gates(RunRequest(str(root), gates=("format", "imports"), fix=True))
    assert statuses(report)["format"] == "passed" and statuses(report)["imports"] == "passed"
    assert (
        root / "app/spread.py"
    ).read_text() == '"""Black joins the list onto one line."""\n\nVALUES = [1, 2]\n'
    assert "import os\nimport sys\n" in (root / "app/order.py").read_text()
    fixed = {root / "app/spread.py", root / "app/order.py"}
    assert {path for path, data in before.items() if path.read_bytes() != data} == fixed
    again = run_gates(RunRequest(str(root), gates=("format", "imports")))
    assert again.passed


@pytest.mark.parametrize(
    ("run", "never", "status"),
    [
        (15, 3, "passed"),  # 17 of 20 statements run: 85 %, exactly the production bar
        (14, 4, "failed"),  # 16 of 20: one line under, 80 %
    ],
)
def test_coverage_at_the_bar_passes_and_one_line_under_fails(
    make_project: MakeProject, run: int, never: int, status: str
) -> None:
    report = run_gates(
        RunRequest(str(make_project(coverage_project(run, never))), gates=("coverage",))
    )
    gate = coverage_gate(report)
    assert gate.status.value == status
    if status == "failed":
        assert found(report, "coverage") == {("app/calc.py", "COV001")}
        assert "80.00%" in gate.detail


def test_the_level_sets_the_coverage_bar(make_project: MakeProject) -> None:
    from acolyte_gates.config.levels import Level

    # 17 of 20 is 85 %: enough for production, not for enterprise (95)
    root = str(make_project(coverage_project(15, 3)))
    report = run_gates(RunRequest(root, gates=("coverage",), level=Level.ENTERPRISE))
    assert coverage_gate(report).status is GateStatus.FAILED
    assert "bar of 95%" in coverage_gate(report).detail


def test_paths_limit_the_files_checked(make_project: MakeProject) -> None:
    root: Path = make_project(FAILING)
    report = run_gates(
        RunRequest(str(root), paths=("app/unused.py", "app/typed.py"), gates=("lint", "types"))
    )
    assert found(report, "lint") == {("app/unused.py", "F401")}
    assert found(report, "types") == {("app/typed.py", "return-value")}
