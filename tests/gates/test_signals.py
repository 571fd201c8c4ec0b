"""Ctrl-C and SIGTERM during a run reach the tools, the finished gates are reported, none is left.

The tools are shell scripts that note their pid (and a child's) and then wait; the test sends
the signal once the tool is known to be running, so nothing depends on timing.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from gates.conftest import MakeProject
from gates.projects import CLEAN
from gates.test_process import fake_tool, is_gone

from acolyte_gates.gates import supervisor as supervisor_module
from acolyte_gates.gates.supervisor import Supervisor

pytestmark = pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads process states")

# A tool that starts a child, notes both pids, and waits for the child (300 s).
WAITING = "sleep 300 &\necho $! > child.pid\necho $$ > tool.pid\nwait\n"
# The same, deaf to SIGINT and SIGTERM (its child too): only SIGKILL ends it.
DEAF = "trap '' INT TERM\n" + WAITING


def wait_for(path: Path, process: subprocess.Popen[str]) -> int:
    """The pid a tool wrote to `path`, once it has (or fail if the run ends first)."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if path.exists() and path.read_text().strip():
            return int(path.read_text())
        time.sleep(0.05)
    raise AssertionError(f"the tool never started: {process.communicate()}")


def statuses(out: str) -> dict[str, str]:
    """Gate -> status, from the summary table of a text report."""
    rows = [line.split() for line in out.splitlines()]  # gate, tool, status, findings, seconds
    return {row[0]: row[2] for row in rows if len(row) == 5 and row[2] != "status"}


def start_run(root: Path, tools: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "ACOLYTE_GATES_TOOL_PATH": str(tools)}
    command = [sys.executable, "-m", "acolyte_gates", *args]
    return subprocess.Popen(command, cwd=root, env=env, stdout=subprocess.PIPE, text=True)


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_reaches_the_tools_and_the_finished_gates_are_reported(
    make_project: MakeProject, tmp_path: Path, signum: int, code: int
) -> None:
    root = make_project(CLEAN)
    # One gate at a time, in report order: aco has finished when lint's tool starts.
    tools = fake_tool(tmp_path / "bin", "flake8", WAITING)
    run = start_run(root, tools, "run", "--only", "aco,lint", "--jobs", "1")
    tool = wait_for(root / "tool.pid", run)
    run.send_signal(signum)
    out, _ = run.communicate(timeout=120)
    assert run.returncode == code
    name = signal.Signals(signum).name
    assert (statuses(out)["aco"], statuses(out)["lint"]) == ("passed", "interrupted")
    assert f"    stopped by {name} before it finished\n" in out
    assert out.endswith(f"interrupted by {name}; did not finish: lint\n")
    assert is_gone(tool) and is_gone(int((root / "child.pid").read_text()))


def test_a_second_ctrl_c_kills_a_tool_that_ignores_the_first(
    make_project: MakeProject, tmp_path: Path
) -> None:
    root = make_project(CLEAN)
    run = start_run(root, fake_tool(tmp_path / "bin", "mypy", DEAF), "run", "--only", "types")
    tool = wait_for(root / "tool.pid", run)
    run.send_signal(signal.SIGINT)
    run.send_signal(signal.SIGINT)
    out, _ = run.communicate(timeout=120)
    assert run.returncode == 130 and statuses(out)["types"] == "interrupted"
    assert is_gone(tool) and is_gone(int((root / "child.pid").read_text()))


def test_tools_deaf_to_the_signal_are_killed_after_the_grace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(supervisor_module, "GRACE_SECONDS", 0.2)
    script = fake_tool(tmp_path / "bin", "deaf", DEAF) / "deaf"
    process = subprocess.Popen([str(script)], cwd=tmp_path, start_new_session=True, text=True)
    watcher = Supervisor()
    assert watcher.started(process)
    wait_for(tmp_path / "tool.pid", process)
    watcher.interrupt(signal.SIGTERM)
    assert process.wait(timeout=60) == -signal.SIGKILL
    assert watcher.stopped_by == signal.SIGTERM
    assert is_gone(int((tmp_path / "child.pid").read_text()))


def test_no_tool_starts_once_the_run_is_stopping(tmp_path: Path) -> None:
    from acolyte_gates.gates.process import ToolCall, run_tool

    folder = fake_tool(tmp_path / "bin", "never", "touch ran\n")
    watcher = Supervisor()
    watcher.interrupt(signal.SIGINT)
    result = run_tool(
        ToolCall(("never",), str(tmp_path), 60, search=(str(folder),), supervisor=watcher)
    )
    assert result.interrupted and not (tmp_path / "ran").exists()


SIGNAL_FROM_A_THREAD = """
import os, signal, sys, threading, time
from acolyte_gates.gates.runner import RunRequest, run_gates

def signal_this_thread():  # the kernel may hand a process's signal to any of its threads
    while not os.path.exists("tool.pid"):
        time.sleep(0.05)
    signal.pthread_kill(threading.get_ident(), signal.SIGINT)

threading.Thread(target=signal_this_thread, daemon=True).start()
report = run_gates(RunRequest(".", gates=("lint",), tool_path=(sys.argv[1],)))
print(report.interrupted_by, [g.status.value for g in report.gates if g.name == "lint"])
"""


def test_a_signal_received_by_another_thread_still_stops_the_run(
    make_project: MakeProject, tmp_path: Path
) -> None:
    root = make_project(CLEAN)
    tools = fake_tool(tmp_path / "bin", "flake8", WAITING)
    done = subprocess.run(
        [sys.executable, "-c", SIGNAL_FROM_A_THREAD, str(tools)],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,  # the tool waits 300 s: only a run that heeded the signal ends in time
    )
    assert done.stdout == f"{int(signal.SIGINT)} ['interrupted']\n", done.stderr
