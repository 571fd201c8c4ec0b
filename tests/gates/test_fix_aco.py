"""`run --fix`: the ACO fixes run first among the fixers, then isort and black, then the checks."""

from __future__ import annotations

import pytest
from gates.conftest import MakeProject

from acolyte_gates.gates.runner import RunRequest, run_gates

pytestmark = pytest.mark.usefixtures("real_tools")

FIXABLE = '''"""Jobs."""

import sys
import os


def run(jobs: list[str]):
    """Run the jobs."""
    for job in jobs:
        try:
            os.system(job)
        except:
            sys.exit(1)
    # print(len(jobs))
'''

FIXED = '''"""Jobs."""

import os
import sys


def run(jobs: list[str]) -> None:
    """Run the jobs."""
    for job in jobs:
        try:
            os.system(job)
        except Exception:
            sys.exit(1)
'''


def test_run_fix_makes_the_aco_fixes_then_sorts_and_formats(make_project: MakeProject) -> None:
    root = make_project({"app/jobs.py": FIXABLE})
    report = run_gates(RunRequest(str(root), gates=("aco", "imports", "format"), fix=True))
    assert (root / "app/jobs.py").read_text() == FIXED
    aco = next(gate for gate in report.gates if gate.name == "aco")
    assert aco.status.value == "passed" and aco.detail == "fixed: app/jobs.py"
    assert report.passed


def test_without_fix_the_aco_gate_reports_and_writes_nothing(make_project: MakeProject) -> None:
    root = make_project({"app/jobs.py": FIXABLE})
    report = run_gates(RunRequest(str(root), gates=("aco",)))
    codes = sorted(f.code for gate in report.gates for f in gate.findings)
    assert codes == ["ACO202", "ACO402", "ACO501"]
    assert (root / "app/jobs.py").read_text() == FIXABLE
