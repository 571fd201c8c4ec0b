"""The deadcode gate: vulture's report read into located findings, its arguments, a real run."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from acolyte_gates.config.settings import Settings
from acolyte_gates.gates.base import GateContext, GateStatus, ProjectTools
from acolyte_gates.gates.process import ToolResult
from acolyte_gates.gates.runner import RunRequest, run_gates
from acolyte_gates.registry import current

INSTALL = "pip install -e plugins/acolyte-gates-vulture (the README's test command does)"
if "vulture" not in {loaded.plugin.name for loaded in current().plugins}:
    if os.environ.get("CI"):
        raise RuntimeError(f"the vulture plugin is not installed: {INSTALL}")
    pytest.skip(f"the vulture plugin is not installed: {INSTALL}", allow_module_level=True)

from acolyte_gates_vulture.gate import DEADCODE, build, code_for, parse  # noqa: E402

REPORT = """\
pkg/mod.py:3: unused import 'os' (90% confidence)
pkg/mod.py:10: unused function 'helper' (60% confidence, 4 lines)
pkg/other.py:7: unreachable code after 'return' (100% confidence)
"""


PluginTables = tuple[tuple[str, tuple[tuple[str, object], ...]], ...]


def context(root: str = "/project", plugins: PluginTables = ()) -> GateContext:
    """A gate context on one file, with [tool.acolyte-gates.plugins] tables."""
    settings = Settings(root=root, plugins=plugins)
    return GateContext(
        root, ("pkg/mod.py",), (".",), settings, ProjectTools(), "scratch", gate="deadcode"
    )


def result(stdout: str, code: int = 3) -> ToolResult:
    return ToolResult(("vulture",), code, stdout, "", 0.1)


def test_each_report_line_becomes_a_located_finding() -> None:
    found = parse(result(REPORT), context())
    assert [(f.path, f.line, f.col, f.code, f.message, f.origin) for f in found or ()] == [
        ("pkg/mod.py", 3, 1, "V104", "unused import 'os' (90% confidence)", "deadcode"),
        ("pkg/mod.py", 10, 1, "V103", "unused function 'helper' (60% confidence)", "deadcode"),
        (
            "pkg/other.py",
            7,
            1,
            "V201",
            "unreachable code after 'return' (100% confidence)",
            "deadcode",
        ),
    ]


def test_a_line_not_in_vultures_format_makes_the_output_unreadable() -> None:
    assert parse(result("Traceback (most recent call last):\n"), context()) is None
    verdict = DEADCODE.read(result("Traceback (most recent call last):\n", 1), context())
    assert verdict.status is GateStatus.ERROR and "vulture exited with code 1" in verdict.detail


def test_exit_codes_zero_passes_three_fails() -> None:
    assert DEADCODE.read(result("", 0), context()).status is GateStatus.PASSED
    assert DEADCODE.read(result(REPORT, 3), context()).status is GateStatus.FAILED


@pytest.mark.parametrize(
    ("message", "code"),
    [
        ("unused attribute 'x'", "V101"),
        ("unused class 'C'", "V102"),
        ("unused method 'm'", "V105"),
        ("unused property 'p'", "V106"),
        ("unused variable 'v'", "V107"),
        ("unsatisfiable 'if' condition", "V201"),
        ("redundant if-condition", "V201"),
    ],
)
def test_codes_are_vultures_own(message: str, code: str) -> None:
    assert code_for(message) == code


def test_arguments_files_and_min_confidence(tmp_path: Path) -> None:
    assert build(context(str(tmp_path))) == ["--", "pkg/mod.py"]
    configured = context(str(tmp_path), (("vulture", (("min-confidence", 80),)),))
    assert build(configured) == ["--min-confidence", "80", "--", "pkg/mod.py"]


def test_tool_vulture_paths_replace_the_run_files(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.vulture]\npaths = ["pkg", "whitelist.py"]\n', encoding="utf-8"
    )
    assert build(context(str(tmp_path))) == ["--", "pkg", "whitelist.py"]


def test_vulture_runs_on_a_real_project(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(
        '"""App."""\n\n\ndef main() -> int:\n    """Run."""\n    return 0\n', encoding="utf-8"
    )
    report = run_gates(RunRequest(str(tmp_path), gates=("deadcode",)))
    gate = next(g for g in report.gates if g.name == "deadcode")
    assert gate.status is GateStatus.FAILED
    assert [(f.path, f.line, f.code) for f in gate.findings] == [("app.py", 4, "V103")]
