"""The coverage gate: `pytest --cov` with a JSON report; fails on a failing test or a low total.

The bar is `coverage-bar` when configured, else the level's (mvp 60, production 85,
enterprise 95, hyperscale 99). Coverage data and the report go to the run's scratch folder.
"""

from __future__ import annotations

import os
import re

from acolyte_gates.config.levels import LEVEL_BARS
from acolyte_gates.findings import Finding
from acolyte_gates.gates.base import (
    INSTALL_HINT,
    GateContext,
    GateStatus,
    ToolGate,
    Verdict,
    make_finding,
    raw_output,
)
from acolyte_gates.gates.coverage_report import CoverageReport, read_report
from acolyte_gates.gates.process import ToolResult

# pytest: 0 all passed, 1 a test failed, 5 no test collected; 2, 3, 4 interrupted, crashed, misused.
_RAN = (0, 1, 5)
_NO_TESTS = 5
_USAGE = 4
_SUMMARY_LINE = re.compile(
    r"^(?P<kind>FAILED|ERROR) (?P<node>\S+)(?: - (?P<reason>.*))?$", re.MULTILINE
)


def _report_path(ctx: GateContext) -> str:
    return os.path.join(ctx.scratch, "coverage.json")


def bar(ctx: GateContext) -> float:
    """The coverage bar in percent: the configured `coverage-bar`, else the level's."""
    configured = ctx.settings.run.coverage_bar
    return configured if configured is not None else float(LEVEL_BARS[ctx.settings.level].coverage)


def _sources(ctx: GateContext) -> list[str]:
    """What coverage measures: `coverage-source`, else the folders asked for, else the root."""
    if ctx.settings.run.coverage_source:
        return [ctx.settings.run.coverage_source]
    folders = [path for path in ctx.paths if os.path.isdir(os.path.join(ctx.root, path))]
    return folders or ["."]


def build(ctx: GateContext) -> list[str]:
    """`pytest -p no:cacheprovider -q -rfE --cov=SOURCE --cov-report=json:REPORT`.

    No test paths: the project's pytest configuration picks the tests.
    """
    covs = [f"--cov={source}" for source in _sources(ctx)]
    return [
        "-p",
        "no:cacheprovider",
        "-q",
        "-rfE",
        *covs,
        f"--cov-report=json:{_report_path(ctx)}",
        *ctx.extra_args,
    ]


def env(ctx: GateContext) -> dict[str, str]:
    """Coverage's data file in the scratch folder, so the run leaves nothing in the project."""
    return {"COVERAGE_FILE": os.path.join(ctx.scratch, ".coverage")}


def _test_failures(stdout: str, ctx: GateContext) -> list[Finding]:
    """The failing and erroring tests from pytest's short summary (-rfE)."""
    found = []
    for match in _SUMMARY_LINE.finditer(stdout):
        node, reason = match["node"], match["reason"]
        what = "test failed" if match["kind"] == "FAILED" else "error in test"
        message = f"{what}: {node}" + (f" - {reason}" if reason else "")
        found.append(make_finding(ctx, (node.split("::")[0], 1, 1), "COV003", message))
    return found


def _coverage_verdict(report: CoverageReport, ctx: GateContext, failures: list[Finding]) -> Verdict:
    """The verdict from the tests' failures and the report's files furthest below the bar."""
    below = [
        make_finding(ctx, where, "COV001", message) for where, message in report.furthest_below
    ]
    detail = report.summary
    if failures or not report.meets_bar:
        return Verdict(GateStatus.FAILED, tuple(failures + below), detail)
    return Verdict(GateStatus.PASSED, (), detail)


def read(result: ToolResult, ctx: GateContext) -> Verdict:
    """Failing tests and, when the total is under the bar, the files furthest below it."""
    if result.returncode == _USAGE and "--cov" in result.stderr:
        return Verdict(
            GateStatus.MISSING,
            (),
            f"pytest-cov is not installed; install it with: {INSTALL_HINT}",
        )
    if result.returncode not in _RAN:
        return Verdict(GateStatus.ERROR, (), raw_output(result))
    failures = _test_failures(result.stdout, ctx)
    if result.returncode == _NO_TESTS:
        failures.append(make_finding(ctx, (".", 1, 1), "COV004", "pytest collected no tests"))
    if result.returncode == 1 and not failures:
        return Verdict(
            GateStatus.FAILED,
            (),
            "could not read pytest's output; " + raw_output(result),
        )
    report = read_report(_report_path(ctx), bar(ctx))
    if report is None:
        return Verdict(
            GateStatus.FAILED,
            tuple(failures),
            "no readable coverage report; " + raw_output(result),
        )
    return _coverage_verdict(report, ctx, failures)


GATE = ToolGate("coverage", "pytest", build, read, uses_files=False, env=env)
