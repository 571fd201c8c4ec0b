"""The format gate with ruff: `ruff format --check`, or `ruff format` itself under --fix.

The project's ruff settings (line-length, [tool.ruff.format], excludes) apply as ruff reads
them. ruff's concise output is asked for through its environment variable, which older ruff
versions (without an output format for `format`) ignore; both shapes are read:

    a.py:3:1: unformatted: File would be reformatted        (ruff >= 0.13, concise)
    bad.py:1:7: invalid-syntax: Expected an expression
    Would reformat: a.py                                    (older ruff)
    error: Failed to parse bad.py:1:7: Expected an expression
"""

from __future__ import annotations

import re

from acolyte_gates.findings import Finding
from acolyte_gates.gates.base import (
    ExitCodes,
    GateContext,
    GateStatus,
    ToolGate,
    Verdict,
    judge,
    make_finding,
    with_files,
)
from acolyte_gates.gates.process import ToolResult

_WOULD = "ruff format would reformat this file (fix: run with --fix)"
_UNFORMATTED = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): unformatted: .*$|^Would reformat: (?P<old>.+)$",
    re.MULTILINE,
)
_UNPARSED = re.compile(
    r"^(?:error: Failed to parse )?(?P<path>.+?):(?P<line>\d+):(?P<col>\d+):"
    r" (?:invalid-syntax: )?(?P<reason>.+)$",
    re.MULTILINE,
)
_REFORMATTED = re.compile(r"^(?P<count>\d+) files? reformatted", re.MULTILINE)
# 0: nothing to do; 1: some file would change (--check); 2: ruff could not format a file.
_CHECK_CODES = ExitCodes(clean=(0,), found=(1,))
_FIX_CODES = ExitCodes(clean=(0,), found=())


def build(ctx: GateContext) -> list[str]:
    """`ruff format --force-exclude --check -- FILES`, without --check when fixing."""
    return with_files(ctx, ["format", "--force-exclude", *([] if ctx.fix else ["--check"])])


def env(ctx: GateContext) -> dict[str, str]:
    """One line per file in ruff's output (concise), whatever the user's environment says."""
    return {"RUFF_OUTPUT_FORMAT": "concise"}


def _unformatted(output: str, ctx: GateContext) -> list[Finding]:
    """A finding per file ruff would reformat, at its first changed line when ruff says."""
    found = []
    for match in _UNFORMATTED.finditer(output):
        if match["old"]:
            where = (match["old"], 1, 1)
        else:
            where = (match["path"], int(match["line"]), int(match["col"]))
        found.append(make_finding(ctx, where, "FMT001", _WOULD))
    return found


def _unparsed(output: str, ctx: GateContext) -> list[Finding]:
    """A finding per file ruff could not parse, with its reason."""
    return [
        make_finding(
            ctx,
            (m["path"], int(m["line"]), int(m["col"])),
            "FMT002",
            f"ruff cannot parse the file: {m['reason']}",
        )
        for m in _UNPARSED.finditer(output)
        if not m["reason"].startswith("unformatted: ")
    ]


def read(result: ToolResult, ctx: GateContext) -> Verdict:
    """Which files ruff would reformat (or could not parse); under --fix, how many it did."""
    output = f"{result.stdout}\n{result.stderr}"
    errors = _unparsed(output, ctx)
    if not ctx.fix:
        return judge(result, _CHECK_CODES, tuple(_unformatted(output, ctx) + errors))
    verdict = judge(result, _FIX_CODES, tuple(errors))
    count = _REFORMATTED.search(output)
    if verdict.status is GateStatus.PASSED and count:
        return Verdict(GateStatus.PASSED, (), f"fixed: ruff reformatted {count['count']} file(s)")
    return verdict


GATE = ToolGate("format", "ruff", build, read, writes_when_fixing=True, env=env)
