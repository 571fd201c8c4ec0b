"""The one subprocess wrapper: an argument list in, a frozen ToolResult out, never an exception.

Each tool runs in its own process group (session), so that a timeout kills the tool and every
child it spawned (pytest-xdist workers, mypy's daemon) together.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess  # nosec B404 - tools run from an argument list, never through a shell
import sys
import time
from dataclasses import dataclass

from acolyte_gates.gates.batching import argument_budget, batches
from acolyte_gates.gates.supervisor import Supervisor, signal_group

TOOL_PATH_VARIABLE = "ACOLYTE_GATES_TOOL_PATH"
# After the group is killed, how long to wait for the pipes to close before giving up on them.
_DRAIN_SECONDS = 5.0


@dataclass(frozen=True)
class ToolCall:
    """How to run one tool: argv[0] is a tool name, looked up in `search` or the default folders."""

    argv: tuple[str, ...]
    cwd: str
    timeout: float
    env: tuple[tuple[str, str], ...] | None = None
    search: tuple[str, ...] | None = None
    supervisor: Supervisor | None = None


@dataclass(frozen=True)
class ToolResult:
    """What a tool did: its exit code and output, or that it was missing, timed out, could not
    be started (`start_error`: the system's reason, e.g. a broken interpreter line), or was
    stopped by a signal to the run (`interrupted`)."""

    argv: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    timed_out: bool = False
    missing: bool = False
    start_error: str = ""
    interrupted: bool = False


def default_search_path() -> tuple[str, ...]:
    """Tool folders: $ACOLYTE_GATES_TOOL_PATH if set, else our bin folder, then PATH."""
    override = os.environ.get(TOOL_PATH_VARIABLE)
    if override is not None:
        return tuple(part for part in override.split(os.pathsep) if part)
    path = os.environ.get("PATH", os.defpath)
    return (
        os.path.dirname(sys.executable),
        *(part for part in path.split(os.pathsep) if part),
    )


def find_tool(name: str, search: tuple[str, ...] | None = None) -> str | None:
    """The executable for a tool name in the search folders, or None when none has it."""
    folders = default_search_path() if search is None else search
    return shutil.which(name, path=os.pathsep.join(folders)) if folders else None


def _kill_group(process: subprocess.Popen[str]) -> None:
    """Kill the tool and everything in its process group; a group already gone is fine."""
    signal_group(process, signal.SIGKILL)


def _drain(process: subprocess.Popen[str]) -> tuple[str, str]:
    """Whatever output a killed tool left, without waiting forever on a child that escaped."""
    try:
        out, err = process.communicate(timeout=_DRAIN_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        return "", ""
    return out or "", err or ""


def _start(argv: tuple[str, ...], call: ToolCall) -> subprocess.Popen[str]:
    """Start a tool in a session (process group) of its own, its output captured as text."""
    return subprocess.Popen(  # nosec B603 - an argument list from our own gate definitions
        argv,
        cwd=call.cwd,
        env=dict(call.env) if call.env is not None else None,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        errors="replace",
        start_new_session=True,
    )


def _interrupted(argv: tuple[str, ...], started: float, out: str = "", err: str = "") -> ToolResult:
    """A call the run's stop signal ended (or kept from starting)."""
    return ToolResult(argv, -2, out, err, time.monotonic() - started, interrupted=True)


def _run_once(argv: tuple[str, ...], call: ToolCall, timeout: float) -> ToolResult:
    """One call of a tool, to its end, its timeout or the run's stop; a failed start is a result."""
    started, supervisor = time.monotonic(), call.supervisor or Supervisor()
    if supervisor.stopped_by is not None:
        return _interrupted(argv, started)
    try:
        process = _start(argv, call)
    except OSError as error:
        reason = error.strerror or str(error)
        return ToolResult(argv, 126, "", f"{argv[0]}: {reason}", 0.0, start_error=reason)
    if not supervisor.started(process):
        return _interrupted(argv, started, *_drain(process))
    try:
        out, err = process.communicate(timeout=max(timeout, 0.0))
    except subprocess.TimeoutExpired:
        _kill_group(process)
        out, err = _drain(process)
        return ToolResult(argv, -9, out, err, time.monotonic() - started, timed_out=True)
    finally:
        supervisor.finished(process)
    if supervisor.stopped_by is not None:
        return _interrupted(argv, started, out, err)
    return ToolResult(argv, process.returncode, out, err, time.monotonic() - started)


def _worst_code(codes: list[int]) -> int:
    """The exit code that stands for several calls: the first that is not 0 or 1, else the highest."""
    unusual = [code for code in codes if code not in (0, 1)]
    return unusual[0] if unusual else max(codes)


def _combined(argv: tuple[str, ...], results: list[ToolResult]) -> ToolResult:
    """The calls of one tool on shares of the files, as one result (output joined in order)."""
    if len(results) == 1:
        return results[0]
    return ToolResult(
        argv,
        _worst_code([result.returncode for result in results]),
        "".join(result.stdout for result in results),
        "".join(result.stderr for result in results),
        sum(result.seconds for result in results),
        timed_out=any(result.timed_out for result in results),
        start_error=next((r.start_error for r in results if r.start_error), ""),
        interrupted=any(result.interrupted for result in results),
    )


def run_tool(call: ToolCall) -> ToolResult:
    """Run a tool to its end or its timeout; a missing executable is a result, not an error.

    Files beyond the system's argument limit are shared out over several calls in turn
    (the timeout covers them all); a tool that is found but cannot start is not "missing".
    """
    executable = find_tool(call.argv[0], call.search)
    if executable is None:
        return ToolResult(call.argv, 127, "", f"{call.argv[0]}: not found", 0.0, missing=True)
    argv = (executable, *call.argv[1:])
    deadline = time.monotonic() + call.timeout
    results: list[ToolResult] = []
    for part in batches(argv, argument_budget(dict(call.env) if call.env is not None else None)):
        results.append(_run_once(part, call, deadline - time.monotonic()))
        if results[-1].timed_out or results[-1].start_error or results[-1].interrupted:
            break
    return _combined(argv, results)
