"""The imports gate: `isort --check-only --diff`, profile black unless the project has its own."""

from __future__ import annotations

import re

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

_UNSORTED = re.compile(r"^ERROR: (?P<path>.+) Imports are incorrectly sorted", re.MULTILINE)
_FIXING = re.compile(r"^Fixing (?P<path>.+)$", re.MULTILINE)
# 0: sorted (or fixed); 1: some file is unsorted (--check-only).
_CHECK_CODES = ExitCodes(clean=(0,), found=(1,))
_FIX_CODES = ExitCodes(clean=(0,), found=())


def build(ctx: GateContext) -> list[str]:
    """`isort --filter-files --check-only --diff [--profile black] -- FILES` (fixing: no check).

    --filter-files: the project's isort skips apply to the files we name, too.
    """
    options = ["--filter-files", *([] if ctx.fix else ["--check-only", "--diff"])]
    if not ctx.project.isort:
        options += ["--profile", "black"]
    return with_files(ctx, options)


def read(result: ToolResult, ctx: GateContext) -> Verdict:
    """Which files have unsorted imports, one finding per file."""
    if ctx.fix:
        fixed = [root_relative(ctx, m["path"]) for m in _FIXING.finditer(result.stdout)]
        return fixed_verdict(judge(result, _FIX_CODES, ()), fixed)
    unsorted = tuple(
        make_finding(
            ctx,
            (m["path"], 1, 1),
            "IMP001",
            "imports are not sorted (fix: run with --fix)",
        )
        for m in _UNSORTED.finditer(result.stderr)
    )
    return judge(result, _CHECK_CODES, unsorted)


GATE = ToolGate("imports", "isort", build, read, writes_when_fixing=True)
