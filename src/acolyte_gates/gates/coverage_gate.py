"""The coverage gate: `pytest --cov` with a JSON report; fails on a failing test or a low total.

The bar is `coverage-bar` when configured, else the level's (mvp 60, production 85,
enterprise 95, hyperscale 99). Coverage data and the reports go to the run's scratch folder;
failing tests are read from pytest's JUnit XML report, by node id with pytest's short reason.
"""

from __future__ import annotations

import os

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
from acolyte_gates.gates.junit_report import read_junit
from acolyte_gates.gates.layout import import_name, project_packages
from acolyte_gates.gates.process import ToolResult

# pytest: 0 all passed, 1 a test failed, 5 no test collected; 2, 3, 4 interrupted, crashed, misused.
_RAN = (0, 1, 5)
_INTERRUPTED = 2
_NO_TESTS = 5
_USAGE = 4


def _report_path(ctx: GateContext) -> str:
    return os.path.join(ctx.scratch, "coverage.json")


def _junit_path(ctx: GateContext) -> str:
    return os.path.join(ctx.scratch, "junit.xml")


def bar(ctx: GateContext) -> float:
    """The coverage bar in percent: the configured `coverage-bar`, else the level's."""
    configured = ctx.settings.run.coverage_bar
    return configured if configured is not None else float(LEVEL_BARS[ctx.settings.level].coverage)


def sources(ctx: GateContext) -> list[str]:
    """What coverage measures; [] leaves it to coverage's own config.

    `coverage-source` when configured; else coverage's config when it says what to measure
    (source, source_pkgs or include); else the project's packages by import name; else the
    folders the run names, else the root.
    """
    if ctx.settings.run.coverage_source:
        return [ctx.settings.run.coverage_source]
    if ctx.project.coverage_selects:
        return []
    packages = [import_name(package) for package in project_packages(ctx.root)]
    folders = [path for path in ctx.paths if os.path.isdir(os.path.join(ctx.root, path))]
    return packages or folders or ["."]


def build(ctx: GateContext) -> list[str]:
    """`pytest -p no:cacheprovider -q --cov[=SOURCE] --cov-report=json:R --junitxml=J`.

    No test paths: the project's pytest configuration picks the tests. A bare `--cov` makes
    pytest-cov measure what coverage's config says.
    """
    covs = [f"--cov={source}" for source in sources(ctx)] or ["--cov"]
    return [
        "-p",
        "no:cacheprovider",
        "-q",
        *covs,
        f"--cov-report=json:{_report_path(ctx)}",
        f"--junitxml={_junit_path(ctx)}",
        "-o",
        "junit_family=xunit1",
        *ctx.extra_args,
    ]


def env(ctx: GateContext) -> dict[str, str]:
    """Coverage's data file in the scratch folder, so the run leaves nothing in the project."""
    return {"COVERAGE_FILE": os.path.join(ctx.scratch, ".coverage")}


def _test_failures(ctx: GateContext) -> list[Finding]:
    """The failing and erroring tests, from pytest's JUnit report: node id and short reason."""
    found = []
    for test in read_junit(_junit_path(ctx)) or ():
        what = "test failed" if test.kind == "failure" else "error in test"
        message = f"{what}: {test.node}" + (f" - {test.reason}" if test.reason else "")
        found.append(make_finding(ctx, (test.path or ".", test.line, 1), "COV003", message))
    return found


def _coverage_verdict(report: CoverageReport, ctx: GateContext, failures: list[Finding]) -> Verdict:
    """The verdict from the tests' failures and the report's files furthest below the bar."""
    below = [
        make_finding(ctx, where, "COV001", message) for where, message in report.furthest_below
    ]
    measured = ", ".join(sources(ctx)) or "what the project's coverage config names"
    detail = f"{report.summary}; measured: {measured}"
    if failures or not report.meets_bar:
        return Verdict(GateStatus.FAILED, tuple(failures + below), detail)
    return Verdict(GateStatus.PASSED, (), detail)


def _stopped(result: ToolResult, failures: list[Finding]) -> Verdict | None:
    """The verdict of a pytest run that did not get to run the tests, or None when it did."""
    if result.returncode == _USAGE and "--cov" in result.stderr:
        return Verdict(
            GateStatus.MISSING,
            (),
            f"pytest-cov is not installed; install it with: {INSTALL_HINT}",
        )
    if result.returncode == _INTERRUPTED and failures:
        detail = "pytest stopped before running the tests: errors while collecting them"
        return Verdict(GateStatus.FAILED, tuple(failures), detail)
    if result.returncode not in _RAN:
        return Verdict(GateStatus.ERROR, (), raw_output(result))
    return None


def read(result: ToolResult, ctx: GateContext) -> Verdict:
    """Failing tests and, when the total is under the bar, the files furthest below it."""
    failures = _test_failures(ctx)
    stopped = _stopped(result, failures)
    if stopped is not None:
        return stopped
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
