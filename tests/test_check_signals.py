"""Ctrl-C during `check` stops it at once: exit 130, one line, no traceback from the workers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not hasattr(os, "killpg"), reason="sends a signal to a group")

# Every file makes ACO104 note that it started, then wait 300 s: only a stop ends the run soon.
BLOCKING_CHECK = """
import dataclasses, sys, time
from pathlib import Path
from acolyte_gates.registry import current
RULES_BY_CODE = current().rules_by_code
from acolyte_gates.cli import main

def wait_long(source, ctx):
    Path(sys.argv[1]).touch()
    time.sleep(300)
    return ()

RULES_BY_CODE["ACO104"] = dataclasses.replace(RULES_BY_CODE["ACO104"], check=wait_long)
sys.exit(main(["check", "--no-cache", "-j", "2", "."]))
"""


def test_ctrl_c_stops_a_parallel_check_at_once(tmp_path: Path) -> None:
    project = tmp_path / "proj"
    project.mkdir()
    for number in range(40):  # enough for a pool, and for chunks queued behind the busy ones
        (project / f"m{number:02}.py").write_text(
            "x = 1\n" * 3000, encoding="utf-8"
        )  # over the in-process bound
    started = tmp_path / "started"
    check = subprocess.Popen(
        [sys.executable, "-c", BLOCKING_CHECK, str(started)],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while not started.exists() and time.monotonic() < deadline and check.poll() is None:
        time.sleep(0.05)
    os.killpg(check.pid, signal.SIGINT)  # as a terminal sends Ctrl-C: to the whole group
    try:
        _, err = check.communicate(timeout=120)  # far less than one file's 300 s wait
    finally:
        if check.poll() is None:
            os.killpg(check.pid, signal.SIGKILL)
    assert check.returncode == 130
    assert err.strip() == "acolyte-gates: interrupted"  # click adds a newline after ^C
