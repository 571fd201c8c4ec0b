"""Long file lists go to a tool in several calls; a tool that cannot start is an error, not missing."""

from __future__ import annotations

import os
from pathlib import Path

from gates.conftest import MakeProject
from gates.projects import CLEAN
from gates.test_process import fake_tool

from acolyte_gates.gates.batching import argument_budget, batches
from acolyte_gates.gates.process import ToolCall, run_tool
from acolyte_gates.gates.runner import GateStatus, RunRequest, run_gates


def test_a_list_that_fits_is_one_call_unchanged() -> None:
    argv = ("black", "--check", "--", "a.py", "b.py")
    assert batches(argv, 10_000) == [argv]
    assert batches(("pytest", "-q"), 10) == [("pytest", "-q")]


def test_files_after_the_last_separator_are_shared_out_in_order() -> None:
    files = tuple(f"pkg/module_{n:03}.py" for n in range(100))
    argv = ("flake8", "--opt", "--", "--", *files)  # the first `--` is an extra argument
    calls = batches(argv, 600)
    assert len(calls) > 1
    assert all(call[:4] == argv[:4] for call in calls)
    assert tuple(path for call in calls for path in call[4:]) == files
    assert all(sum(len(part) + 9 for part in call) <= 600 for call in calls)


def test_the_budget_leaves_room_for_the_environment() -> None:
    small = argument_budget({"A": "b"})
    assert argument_budget({"A": "b" * 100_000}) < small - 40_000


def test_more_paths_than_the_system_allows_reach_the_tool_in_several_calls(
    tmp_path: Path,
) -> None:
    # 20,000 paths of 150 bytes: about 3.2 MB of arguments, past Linux's 2 MiB ARG_MAX.
    paths = tuple(f"{'d' * 120}/module_{n:05}_{'x' * 10}.py" for n in range(20_000))
    folder = fake_tool(tmp_path / "bin", "count", 'echo "$#"\n')
    result = run_tool(
        ToolCall(("count", "-q", "--", *paths), str(tmp_path), 120, search=(str(folder),))
    )
    assert (result.returncode, result.missing, result.start_error) == (0, False, "")
    counts = [int(line) for line in result.stdout.split()]
    assert len(counts) > 1
    assert sum(counts) == len(paths) + 2 * len(counts)  # each call also got `-q --`


def test_an_argument_the_system_refuses_is_a_start_error_not_a_missing_tool(
    tmp_path: Path,
) -> None:
    # One argument over Linux's 128 KiB per-string limit: no batching can help, exec fails.
    folder = fake_tool(tmp_path / "bin", "tool", "exit 0\n")
    result = run_tool(ToolCall(("tool", "x" * 300_000), str(tmp_path), 60, search=(str(folder),)))
    assert not result.missing
    assert result.start_error == os.strerror(7)  # E2BIG: "Argument list too long"


def test_a_tool_whose_interpreter_is_gone_is_an_error_even_with_allow_missing(
    make_project: MakeProject, tmp_path: Path
) -> None:
    root = str(make_project(CLEAN))
    folder = tmp_path / "bin"
    folder.mkdir()
    broken = folder / "black"
    broken.write_text("#!/nonexistent/python\n", encoding="utf-8")
    broken.chmod(0o755)
    request = RunRequest(root, gates=("format",), tool_path=(str(folder),), allow_missing=True)
    report = run_gates(request)
    gate = report.gates[0]
    assert gate.status is GateStatus.ERROR
    assert gate.detail.startswith("could not start black (") and "No such file" in gate.detail
    assert not report.passed
