"""The subprocess wrapper: missing tools, the tool lookup, timeouts that kill the whole group."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest
from gates.conftest import MakeProject
from gates.projects import CLEAN

from acolyte_gates.gates.process import (
    TOOL_PATH_VARIABLE,
    ToolCall,
    find_tool,
    run_tool,
)
from acolyte_gates.gates.runner import GateStatus, RunRequest, run_gates

# Far longer than any bound below: a test that waited for it would be plainly broken.
SLEEP = 300


def fake_tool(folder: Path, name: str, script: str) -> Path:
    """An executable shell script named like a tool."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return folder


def is_gone(pid: int) -> bool:
    """Whether a process has ended (a zombie waiting for its parent counts as ended)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except FileNotFoundError:
        return True


def test_a_tool_runs_and_its_output_and_code_come_back(tmp_path: Path) -> None:
    folder = fake_tool(tmp_path / "bin", "speak", 'echo out; echo err >&2; echo "$@"; exit 3\n')
    result = run_tool(ToolCall(("speak", "--", "a b"), str(tmp_path), 60, search=(str(folder),)))
    assert (result.returncode, result.stdout, result.stderr) == (
        3,
        "out\n-- a b\n",
        "err\n",
    )
    assert not result.missing and not result.timed_out


def test_a_missing_tool_is_a_result_not_an_exception(tmp_path: Path) -> None:
    result = run_tool(ToolCall(("no-such-tool",), str(tmp_path), 60, search=(str(tmp_path),)))
    assert result.missing and result.returncode == 127


def test_tools_are_found_next_to_our_python_then_on_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ours = fake_tool(tmp_path / "venv-bin", "black", "exit 0\n")
    monkeypatch.setattr(sys, "executable", str(ours / "python"))
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert find_tool("black") == str(ours / "black")
    assert find_tool("isort") is None


def test_the_tool_path_variable_replaces_both_places(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_tool(tmp_path / "venv-bin", "black", "exit 0\n")
    monkeypatch.setattr(sys, "executable", str(tmp_path / "venv-bin" / "python"))
    monkeypatch.setenv(TOOL_PATH_VARIABLE, str(tmp_path / "empty"))
    assert find_tool("black") is None


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads process states from /proc")
def test_a_timeout_kills_the_tool_and_its_children(tmp_path: Path) -> None:
    # the tool starts a child that would outlive it, records the child's pid, then waits
    script = f"sleep {SLEEP} &\necho $! > child.pid\nwait\n"
    folder = fake_tool(tmp_path / "bin", "hang", script)
    result = run_tool(ToolCall(("hang",), str(tmp_path), 1, search=(str(folder),)))
    assert result.timed_out
    assert result.seconds < SLEEP / 5  # killed at its 1 s bound, not after the sleep
    assert is_gone(int((tmp_path / "child.pid").read_text()))


def test_a_hanging_gate_times_out_within_its_bound(
    make_project: MakeProject, tmp_path: Path
) -> None:
    root = make_project(
        {
            **CLEAN,
            "pyproject.toml": "[tool.acolyte-gates.run]\ntimeouts = {format = 1}\n",
        }
    )
    folder = fake_tool(tmp_path / "bin", "black", f"sleep {SLEEP}\n")
    report = run_gates(RunRequest(str(root), gates=("format",), tool_path=(str(folder),)))
    gate = report.gates[0]
    assert gate.status is GateStatus.TIMEOUT
    assert "within 1 s" in gate.detail and "timeouts.format" in gate.detail
    assert gate.seconds < SLEEP / 5
    assert not report.passed


def test_missing_tools_are_reported_with_the_install_command(
    make_project: MakeProject, tmp_path: Path
) -> None:
    root = str(make_project(CLEAN))
    empty = (str(tmp_path / "empty"),)
    report = run_gates(RunRequest(root, gates=("format", "aco"), tool_path=empty))
    assert [(g.name, g.status.value) for g in report.gates[:4]] == [
        ("format", "missing"),
        ("imports", "skipped"),
        ("types", "skipped"),
        ("aco", "passed"),  # in-process: needs no tool
    ]
    assert 'pip install "acolyte-gates[gates]"' in report.gates[0].detail
    assert not report.passed
    assert run_gates(
        RunRequest(root, gates=("format",), tool_path=empty, allow_missing=True)
    ).passed
