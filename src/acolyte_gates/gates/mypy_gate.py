"""The types gate: `mypy --strict` (the project's mypy config wins where it has one), as JSON."""

from __future__ import annotations

import json

from acolyte_gates.findings import Finding
from acolyte_gates.gates.base import (
    ExitCodes,
    GateContext,
    ToolGate,
    Verdict,
    judge,
    make_finding,
    with_files,
)
from acolyte_gates.gates.process import ToolResult

# 0: no errors; 1: type errors; 2: a crash, bad usage, or a blocking (syntax) error.
_CODES = ExitCodes(clean=(0,), found=(1,))


def build(ctx: GateContext) -> list[str]:
    """`mypy -O json --no-error-summary [--strict] -- FILES`."""
    options = ["-O", "json", "--no-error-summary"]
    if not ctx.project.mypy:
        options.append("--strict")
    return with_files(ctx, options)


def _finding(item: dict[str, object], ctx: GateContext) -> Finding:
    """One mypy error; its JSON columns are 0-based, ours 1-based (-1 means 'no column')."""
    line, column = item.get("line"), item.get("column")
    where = (
        str(item["file"]),
        line if isinstance(line, int) else 1,
        column + 1 if isinstance(column, int) else 1,
    )
    message = str(item.get("message", ""))
    if item.get("hint"):
        message += f" ({item['hint']})"
    return make_finding(ctx, where, str(item.get("code") or "mypy"), message)


def parse(stdout: str, ctx: GateContext) -> tuple[Finding, ...] | None:
    """Every error in mypy's JSON lines (notes dropped), or None when a line is not mypy JSON."""
    found = []
    for line in stdout.splitlines():
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except (ValueError, RecursionError):  # not JSON, or nested too deep to read
            return None
        if not isinstance(item, dict) or "file" not in item:
            return None
        if item.get("severity") == "error":
            found.append(_finding(item, ctx))
    return tuple(found)


def read(result: ToolResult, ctx: GateContext) -> Verdict:
    """mypy's errors as findings."""
    return judge(result, _CODES, parse(result.stdout, ctx))


GATE = ToolGate("types", "mypy", build, read)
