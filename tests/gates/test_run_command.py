"""`acolyte-gates run` end to end: exit codes, text and JSON output, and the tool path variable."""

from __future__ import annotations

import json
import os
import subprocess  # nosec B404 - runs our own command line
import sys
from pathlib import Path

import pytest
from gates.conftest import MakeProject
from gates.projects import CLEAN, FAILING

import acolyte_gates
from acolyte_gates.cli import main
from acolyte_gates.findings import Finding
from acolyte_gates.gates.base import GateResult, GateStatus
from acolyte_gates.gates.runner import RunReport
from acolyte_gates.reports import run_text

SRC = str(Path(acolyte_gates.__file__).parent.parent)


def test_passing_gates_exit_0_with_a_summary(
    make_project: MakeProject,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(make_project(CLEAN))
    assert main(["run", "--only", "aco,lint"]) == 0
    out = capsys.readouterr().out
    # the table names the tool that ran each gate; gates not run have none
    assert "aco       acolyte-gates  passed" in out and "lint      flake8         passed" in out
    assert "coverage  -              skipped" in out and out.endswith("passed\n")


def test_a_failing_gate_exits_1_and_json_holds_every_gate(
    make_project: MakeProject,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(make_project(FAILING))
    assert main(["run", "--only", "aco", "--format", "json"]) == 1
    document = json.loads(capsys.readouterr().out)
    assert document["version"] == 1 and not document["passed"]
    aco = next(gate for gate in document["gates"] if gate["name"] == "aco")
    assert aco["status"] == "failed"
    assert [(f["path"], f["code"]) for f in aco["findings"]] == [("app/params.py", "ACO104")]
    assert set(aco["findings"][0]) == {
        "path",
        "line",
        "col",
        "code",
        "name",
        "message",
        "severity",
    }


def test_paths_are_taken_relative_to_the_current_folder(
    make_project: MakeProject,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = make_project({**FAILING, "pyproject.toml": "[tool.acolyte-gates]\n"})
    monkeypatch.chdir(root / "app")
    assert main(["run", "--only", "aco", "calc.py"]) == 0
    assert main(["run", "--only", "aco", "params.py"]) == 1
    assert "app/params.py:4:1: ACO104" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv",
    [["run", "--only", "nope"], ["run", "--level", "ultra"], ["run", "missing.py"]],
)
def test_usage_errors_exit_2(
    make_project: MakeProject, monkeypatch: pytest.MonkeyPatch, argv: list[str]
) -> None:
    monkeypatch.chdir(make_project(CLEAN))
    assert main(argv) == 2


def test_the_tool_path_variable_makes_tools_missing(
    make_project: MakeProject, tmp_path: Path
) -> None:
    env = {
        **os.environ,
        "PYTHONPATH": SRC,
        "ACOLYTE_GATES_TOOL_PATH": str(tmp_path / "empty"),
    }
    command = [sys.executable, "-m", "acolyte_gates", "run", "--only", "lint"]
    root = make_project(CLEAN)
    done = subprocess.run(
        command, cwd=root, env=env, capture_output=True, text=True, check=False
    )  # nosec B603
    assert done.returncode == 1
    assert "lint      flake8  missing" in done.stdout
    assert 'pip install "acolyte-gates[gates]"' in done.stdout
    allowed = subprocess.run(
        [*command, "--allow-missing"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )  # nosec B603
    assert allowed.returncode == 0


def test_the_text_report_groups_findings_by_gate_then_tabulates() -> None:
    finding = Finding("a.py", 2, 1, "F401", "'os' imported but unused", origin="lint")
    timeout = "mypy did not finish within 600 s"
    report = RunReport(
        (
            GateResult("format", GateStatus.PASSED, 0.25, (), tool="ruff"),
            GateResult("lint", GateStatus.FAILED, 1.0, (finding,), tool="flake8"),
            GateResult("types", GateStatus.TIMEOUT, 600.0, (), timeout, tool="mypy"),
            GateResult("coverage", GateStatus.SKIPPED, 0.0, ()),
        )
    )
    assert run_text.render(report) == (
        "== lint (flake8): failed ==\n"
        "a.py:2:1: F401 'os' imported but unused\n"
        "== types (mypy): timeout ==\n"
        "    mypy did not finish within 600 s\n"
        "\n"
        "gate      tool    status   findings  seconds\n"
        "format    ruff    passed          0      0.2\n"
        "lint      flake8  failed          1      1.0\n"
        "types     mypy    timeout         0    600.0\n"
        "coverage  -       skipped         0      0.0\n"
        "failed: lint, types\n"
    )


class _Terminal:
    """A stand-in stderr that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("ci", "output_format", "live"),
    [(None, "text", True), ("true", "text", False), (None, "json", False)],
)
def test_live_progress_only_on_a_terminal_outside_ci(
    monkeypatch: pytest.MonkeyPatch, ci: str | None, output_format: str, live: bool
) -> None:
    from acolyte_gates.commands.run import wants_live_progress

    monkeypatch.setattr(sys, "stderr", _Terminal())
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    assert wants_live_progress(output_format) is live
