"""Issue 13's crash reproducers, as filed: valid code deep enough to make a rule recurse.

Until the rules stop recursing on expression and elif depth (branch issue-12-rules), each of
these files gets an ACO002 naming the rule that crashed; what must already hold is that no
run ends in a traceback, hangs, or skips the other files. When the rules are fixed, these
tests expect the rule's own finding instead of ACO002.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from acolyte_gates import check_source
from acolyte_gates.source import SourceFile

# 486 elif branches (ACO601's statement shapes recursed), 500 added terms and 326 chained
# calls (ACO107's cognitive walk recursed).
ELIF_CHAIN = "def f(x):\n    if x == 0:\n        return 0\n" + "".join(
    f"    elif x == {n}:\n        return {n}\n" for n in range(1, 487)
)
LONG_SUM = "def f(x):\n    return x" + " + x" * 499 + "\n"
CALL_CHAIN = "def f(x):\n    return x" + ".f()" * 326 + "\n"
CRASHED = {"elif_chain.py": "ACO601", "long_sum.py": "ACO107", "call_chain.py": "ACO107"}


@pytest.fixture
def deep_project(tmp_path: Path) -> Path:
    """The three files and 16 ordinary ones: enough for a process pool at -j 2."""
    for name, text in zip(CRASHED, (ELIF_CHAIN, LONG_SUM, CALL_CHAIN)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    for number in range(16):
        (tmp_path / f"plain{number:02}.py").write_text("x = 1\n", encoding="utf-8")
    return tmp_path


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=300)


def crashed_rules(output: str) -> dict[str, str]:
    """File -> the rule its ACO002 names."""
    found = {}
    for line in output.splitlines():
        if ": ACO002 rule " in line:
            path = line.split(":", 1)[0].removeprefix("./")
            found[path] = line.split(": ACO002 rule ", 1)[1].split(" ", 1)[0]
    return found


def test_check_in_parallel_reports_each_crash_and_checks_every_other_file(
    deep_project: Path,
) -> None:
    done = run(
        [sys.executable, "-m", "acolyte_gates", "check", "--no-cache", "-j", "2"], deep_project
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert crashed_rules(done.stdout) == CRASHED
    assert done.stdout.count(": ACO301 module 'plain") == 16


def test_flake8_in_parallel_finishes_with_one_line_instead_of_hanging(deep_project: Path) -> None:
    # pyflakes, which flake8 always runs, recurses on these files too; flake8 stops at the
    # first plugin failure it meets and says so in one line. (Our plugin's own crashes under
    # flake8 -j 2 are ACO002 findings: test_internal_error.py.)
    done = run([sys.executable, "-m", "flake8", "-j", "2", "--select", "ACO", "."], deep_project)
    assert done.returncode == 1 and "Traceback" not in done.stdout + done.stderr
    assert "failed during execution due to RecursionError" in done.stdout + done.stderr


def test_check_source_takes_lone_carriage_returns_as_reading_a_file_does() -> None:
    text = "class A:\r\r\ts"
    found = [(f.line, f.code) for f in check_source(text, "a.py")]
    from_file = SourceFile.from_bytes("a.py", text.encode())
    assert from_file.text == "class A:\n\n\ts"
    assert found == [(1, "ACO301"), (1, "ACO302")]
