"""Text output is safe to print: control characters, ANSI escapes and undecodable names escaped."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from acolyte_gates.findings import Finding
from acolyte_gates.gates.base import GateResult, GateStatus
from acolyte_gates.gates.runner import RunReport
from acolyte_gates.reports import json as json_report
from acolyte_gates.reports import run_text
from acolyte_gates.reports.text import format_finding, printable

RED = "\x1b[31m"
NOT_UTF8 = os.fsdecode(b"caf\xe9.py")  # a file name that is not UTF-8, as Python holds it


def test_control_characters_and_reordering_marks_are_escaped() -> None:
    assert printable(f"a{RED}b\tc\nd\x7f\u202ee") == "a\\x1b[31mb\\x09c\\x0ad\\x7f\\u202ee"
    assert printable("x\ty\nz\x1b", layout=True) == "x\ty\nz\\x1b"
    assert printable("plain café ünïcode") == "plain café ünïcode"


def test_a_name_that_is_not_utf8_shows_its_raw_byte() -> None:
    line = format_finding(Finding(NOT_UTF8, 1, 1, "ACO301", f"module {NOT_UTF8!r}"))
    assert line.startswith("caf\\xe9.py:1:1: ACO301 ")
    line.encode("utf-8")  # a strict UTF-8 stream takes it


def test_findings_and_gate_details_are_escaped_in_the_run_report() -> None:
    finding = Finding(f"{RED}x.py", 1, 1, "E1", f"bad {RED}thing", origin="lint")
    gate = GateResult("lint", GateStatus.ERROR, 0.1, (finding,), f"flake8 said:\n{RED}boom\x07")
    text = run_text.render(RunReport((gate,)))
    assert "\x1b" not in text and "\x07" not in text
    assert "\\x1b[31mx.py:1:1: E1 bad \\x1b[31mthing" in text
    assert "    flake8 said:\n    \\x1b[31mboom\\x07\n" in text


def test_json_keeps_the_exact_text() -> None:
    finding = Finding(f"{RED}x.py", 1, 1, "ACO301", "m")
    assert json.loads(json_report.render([finding]))["findings"][0]["path"] == f"{RED}x.py"


def strict_utf8_env() -> dict[str, str]:
    return {**os.environ, "PYTHONIOENCODING": "utf-8:strict"}


def test_check_prints_odd_file_names_to_a_strict_utf8_stdout(tmp_path: Path) -> None:
    (tmp_path / NOT_UTF8).write_bytes(b"x = 1\n")  # named b"caf\xe9.py" on disk
    (tmp_path / f"esc{RED}.py").write_text("x = 1\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "acolyte_gates", "check", "--no-cache", "--select", "ACO301", "."],
        cwd=tmp_path,
        capture_output=True,
        env=strict_utf8_env(),
        timeout=60,
    )
    assert (done.returncode, done.stderr) == (1, b"")
    assert done.stdout.splitlines() == [
        b"caf\\xe9.py:1:1: ACO301 module 'caf\\xe9.py' has no docstring",
        b"esc\\x1b[31m.py:1:1: ACO301 module 'esc\\x1b[31m.py' has no docstring",
    ]
