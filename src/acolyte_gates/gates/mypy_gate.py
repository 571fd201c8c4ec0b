"""The types gate: mypy with the project's config, `--strict` when the level asks, as JSON.

What mypy checks: the run's files when the run names paths; on the whole project, the
`files` of the project's mypy config, else the project's packages (never docs/, examples/ or
setup.py), else every file of the run.
"""

from __future__ import annotations

import json
import re

from acolyte_gates.config.levels import LEVEL_BARS
from acolyte_gates.findings import Finding
from acolyte_gates.gates.base import (
    ExitCodes,
    GateContext,
    ToolGate,
    Verdict,
    judge,
    make_finding,
)
from acolyte_gates.gates.layout import is_whole_project, project_packages
from acolyte_gates.gates.process import ToolResult

_PLAIN_NOTE = re.compile(r"^[^{].*?: note: ")
# 0: no errors; 1: type errors; 2: a crash, bad usage, or a blocking (syntax) error.
_CODES = ExitCodes(clean=(0,), found=(1,))


def wants_strict(ctx: GateContext) -> bool:
    """--strict when the level asks for it and the project's mypy config does not decide itself.

    A config decides when its global section sets `strict` or any flag --strict turns on
    (see MypyConfig); a command-line --strict would override those settings.
    """
    config = ctx.project.mypy
    decided = config is not None and config.decides_strictness
    return LEVEL_BARS[ctx.settings.level].strict_types and not decided


def targets(ctx: GateContext) -> tuple[str, ...]:
    """What mypy is told to check; () leaves it to the config's `files`."""
    if not is_whole_project(ctx.paths):
        return ctx.files
    if ctx.project.mypy is not None and ctx.project.mypy.files:
        return ()
    return project_packages(ctx.root) or ctx.files


def build(ctx: GateContext) -> list[str]:
    """`mypy -O json --no-error-summary [--strict] [-- TARGETS]`."""
    options = ["-O", "json", "--no-error-summary", *(["--strict"] if wants_strict(ctx) else [])]
    chosen = targets(ctx)
    return [*options, *ctx.extra_args, *(["--", *chosen] if chosen else [])]


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
    """Every error in mypy's JSON lines (notes dropped), or None when a line is not mypy JSON.

    mypy prints a config file's notes as plain text even with -O json (`pyproject.toml:
    note: unused section(s): ...` under warn_unused_configs); those lines are notes, too.
    """
    found = []
    for line in stdout.splitlines():
        if not line.strip() or _PLAIN_NOTE.match(line):
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError:
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
