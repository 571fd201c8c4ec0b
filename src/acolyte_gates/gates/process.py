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


@dataclass(frozen=True)
class ToolResult:
    """What a tool did: its exit code and output, or that it was missing or timed out."""

    argv: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    timed_out: bool = False
    missing: bool = False


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
    try:
        if hasattr(os, "killpg"):
            os.killpg(process.pid, signal.SIGKILL)
        else:  # pragma: no cover - Windows has no process groups to kill
            process.kill()
    except ProcessLookupError:
        return


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


def run_tool(call: ToolCall) -> ToolResult:
    """Run a tool to its end or its timeout; a missing executable is a result, not an error."""
    started = time.monotonic()
    executable = find_tool(call.argv[0], call.search)
    if executable is None:
        return ToolResult(call.argv, 127, "", f"{call.argv[0]}: not found", 0.0, missing=True)
    argv = (executable, *call.argv[1:])
    try:
        process = _start(argv, call)
    except OSError as error:
        return ToolResult(argv, 127, "", f"{executable}: {error.strerror}", 0.0, missing=True)
    try:
        out, err = process.communicate(timeout=call.timeout)
    except subprocess.TimeoutExpired:
        _kill_group(process)
        out, err = _drain(process)
        return ToolResult(argv, -9, out, err, time.monotonic() - started, timed_out=True)
    return ToolResult(argv, process.returncode, out, err, time.monotonic() - started)
