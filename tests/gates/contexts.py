"""Gate contexts and tool results made by hand, for testing how gates build and read."""

from __future__ import annotations

from pathlib import Path

from acolyte_gates.config.settings import RunSettings, Settings
from acolyte_gates.gates.base import GateContext, ProjectTools, Verdict
from acolyte_gates.gates.process import ToolResult

ROOT = "/project"


def ctx(gate: str, **run: object) -> GateContext:
    """A context for one gate on ROOT/a.py, with [tool.acolyte-gates.run] values `run`."""
    settings = Settings(run=RunSettings(**run))  # type: ignore[arg-type]
    return GateContext(ROOT, ("a.py",), (".",), settings, ProjectTools(), "/scratch", gate=gate)


def result(code: int, stdout: str = "", stderr: str = "") -> ToolResult:
    """What a tool did: its exit code and output."""
    return ToolResult(("tool",), code, stdout, stderr, 0.1)


def lines(verdict: Verdict) -> list[str]:
    """A verdict's findings as `path:line:col: CODE message`."""
    return [f"{f.path}:{f.line}:{f.col}: {f.code} {f.message}" for f in verdict.findings]


def run_ctx(scratch: Path, bar: float | None = None) -> GateContext:
    """The coverage gate's context, its reports in `scratch`, with a configured bar."""
    settings = Settings(run=RunSettings(coverage_bar=bar))
    return GateContext("/p", (), (".",), settings, ProjectTools(), str(scratch), gate="coverage")


def summary(covered: int, total: int) -> dict[str, int]:
    """A coverage JSON summary of covered out of total lines."""
    return {"covered_lines": covered, "num_statements": total}


def document(files: dict[str, tuple[int, int]]) -> dict[str, object]:
    """A coverage JSON report of files (path -> covered, total)."""
    covered = sum(c for c, _ in files.values())
    total = sum(t for _, t in files.values())
    return {
        "totals": summary(covered, total),
        "files": {
            p: {"summary": summary(c, t), "missing_lines": list(range(c + 1, t + 1))}
            for p, (c, t) in files.items()
        },
    }
