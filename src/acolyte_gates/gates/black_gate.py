"""The format gate: `black --check --diff`, or `black` itself under --fix."""

from __future__ import annotations

import re

from acolyte_gates.findings import Finding
from acolyte_gates.gates.base import (
    ExitCodes,
    GateContext,
    ToolGate,
    Verdict,
    fixed_verdict,
    judge,
    make_finding,
    root_relative,
    with_files,
)
from acolyte_gates.gates.process import ToolResult

_WOULD_REFORMAT = re.compile(r"^would reformat (?P<path>.+)$", re.MULTILINE)
_REFORMATTED = re.compile(r"^reformatted (?P<path>.+)$", re.MULTILINE)
# black < 25 says "cannot format PATH: REASON"; later versions "cannot parse: PATH:LINE:COL".
_CANNOT_FORMAT = re.compile(r"^error: cannot format (?P<path>.+?): (?P<reason>.+)$", re.MULTILINE)
_CANNOT_PARSE = re.compile(
    r"^error: cannot parse: (?P<path>.+?):(?P<line>\d+):(?P<col>\d+)", re.MULTILINE
)
# 0: nothing to do; 1: some file would change (--check); 123: black could not format a file.
_CHECK_CODES = ExitCodes(clean=(0,), found=(1,))
_FIX_CODES = ExitCodes(clean=(0,), found=())


def build(ctx: GateContext) -> list[str]:
    """`black --force-exclude --check --diff -- FILES`, without the last two when fixing.

    --force-exclude: the project's black excludes apply to the files we name, too.
    """
    return with_files(ctx, ["--force-exclude", *([] if ctx.fix else ["--check", "--diff"])])


def _errors(stderr: str, ctx: GateContext) -> list[Finding]:
    """The files black could not format at all, with its reason."""
    found = [
        make_finding(
            ctx,
            (m["path"], 1, 1),
            "FMT002",
            f"black cannot format the file: {m['reason']}",
        )
        for m in _CANNOT_FORMAT.finditer(stderr)
    ]
    found += [
        make_finding(
            ctx,
            (m["path"], int(m["line"]), int(m["col"])),
            "FMT002",
            "black cannot parse the file",
        )
        for m in _CANNOT_PARSE.finditer(stderr)
    ]
    return found


def read(result: ToolResult, ctx: GateContext) -> Verdict:
    """Which files black would reformat (or could not format), one finding per file."""
    errors = _errors(result.stderr, ctx)
    if ctx.fix:
        fixed = [root_relative(ctx, m["path"]) for m in _REFORMATTED.finditer(result.stderr)]
        return fixed_verdict(judge(result, _FIX_CODES, tuple(errors)), fixed)
    would = [
        make_finding(
            ctx,
            (m["path"], 1, 1),
            "FMT001",
            "black would reformat this file (fix: run with --fix)",
        )
        for m in _WOULD_REFORMAT.finditer(result.stderr)
    ]
    return judge(result, _CHECK_CODES, tuple(would + errors))


GATE = ToolGate("format", "black", build, read, writes_when_fixing=True)
