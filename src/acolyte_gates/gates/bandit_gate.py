"""The security gate: `bandit -r` with JSON output, findings at or above `bandit-severity`.

B101 (assert used) is dropped in test files, where asserts are the point.
"""

from __future__ import annotations

import os
from typing import Any

from acolyte_gates.config.settings import TEST_FILE_GLOBS
from acolyte_gates.findings import Finding
from acolyte_gates.gates.base import (
    ExitCodes,
    GateContext,
    ToolGate,
    Verdict,
    json_documents,
    judge,
    make_finding,
    root_relative,
    with_files,
)
from acolyte_gates.gates.process import ToolResult
from acolyte_gates.paths import matches

_RANK = {"undefined": 0, "low": 1, "medium": 2, "high": 3}
# bandit exits 1 whenever it finds anything, even below our bar: the JSON decides, not the code.
_CODES = ExitCodes(clean=(0, 1), found=())


def build(ctx: GateContext) -> list[str]:
    """`bandit -f json -q [-c pyproject.toml] [--ini .bandit] -r -- FILES`."""
    options = ["-f", "json", "-q"]
    if ctx.project.bandit:
        options += ["-c", "pyproject.toml"]
    if os.path.isfile(os.path.join(ctx.root, ".bandit")):
        options += ["--ini", ".bandit"]
    return with_files(ctx, [*options, "-r"])


def _kept(item: dict[str, object], relpath: str, ctx: GateContext) -> bool:
    """Whether a bandit result is at or above the bar and not an assert in a test file."""
    severity = str(item.get("issue_severity", "undefined")).lower()
    if _RANK.get(severity, 0) < _RANK[ctx.settings.run.bandit_severity]:
        return False
    return not (item.get("test_id") == "B101" and matches(TEST_FILE_GLOBS, relpath))


def _result(item: dict[str, object], ctx: GateContext) -> Finding | None:
    """One bandit result as a finding (its columns are 0-based), or None when it is dropped."""
    path = str(item["filename"])
    if not _kept(item, root_relative(ctx, path), ctx):
        return None
    line, col = item.get("line_number"), item.get("col_offset")
    where = (
        path,
        line if isinstance(line, int) else 1,
        col + 1 if isinstance(col, int) else 1,
    )
    severity = str(item.get("issue_severity", "")).lower()
    return make_finding(
        ctx,
        where,
        str(item.get("test_id", "B")),
        f"{item.get('issue_text', '')} ({severity})",
    )


def _read_document(document: Any, ctx: GateContext) -> list[Finding]:
    """The kept results of one bandit report, and the files it could not scan."""
    kept = [_result(item, ctx) for item in document["results"]]
    failed = [
        make_finding(
            ctx,
            (str(e["filename"]), 1, 1),
            "B000",
            f"bandit could not scan the file: {e['reason']}",
        )
        for e in document.get("errors", [])
    ]
    return [f for f in kept if f is not None] + failed


def parse(stdout: str, ctx: GateContext) -> tuple[Finding, ...] | None:
    """The kept results and the files bandit could not scan, or None when stdout is not its JSON."""
    try:
        reports = json_documents(stdout)
        found = [finding for report in reports for finding in _read_document(report, ctx)]
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None
    return tuple(found) if reports else None


def read(result: ToolResult, ctx: GateContext) -> Verdict:
    """bandit's results at or above the configured severity."""
    return judge(result, _CODES, parse(result.stdout, ctx))


GATE = ToolGate("security", "bandit", build, read)
