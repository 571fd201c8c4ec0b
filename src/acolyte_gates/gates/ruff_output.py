"""`ruff check --output-format=json` read into findings, for the ruff imports and lint gates.

ruff's locations are 1-based, like ours; a syntax error has the code `invalid-syntax` (ruff
before 0.12 gave it no code at all, and it is named so here too).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from acolyte_gates.findings import Finding
from acolyte_gates.gates.base import (
    ExitCodes,
    GateContext,
    GateStatus,
    Verdict,
    judge,
    make_finding,
)
from acolyte_gates.gates.process import ToolResult

# 0: nothing found; 1: findings; 2: ruff could not run (a bad config, a bad option).
CHECK_CODES = ExitCodes(clean=(0,), found=(1,))
SYNTAX_ERROR = "invalid-syntax"
# The options every `ruff check` of a gate takes: JSON out, the project's excludes honoured
# for the files we name, and never a fix the gate was not asked for (`fix = true` in a
# project's config would otherwise rewrite files during a check).
CHECK_OPTIONS = ("check", "--output-format=json", "--force-exclude")
_IMPORT_ORDER = re.compile(r"^I\d+$")


def is_import_order(code: str) -> bool:
    """Whether a ruff code is one of its isort rules (I001 unsorted, I002 missing import)."""
    return bool(_IMPORT_ORDER.match(code))


def _where(item: dict[str, object]) -> tuple[str, int, int]:
    """A diagnostic's file, row and column (1 when ruff gives none)."""
    location = item.get("location")
    row = location.get("row") if isinstance(location, dict) else None
    column = location.get("column") if isinstance(location, dict) else None
    return (
        str(item["filename"]),
        row if isinstance(row, int) else 1,
        column if isinstance(column, int) else 1,
    )


def parse_check(stdout: str, ctx: GateContext) -> tuple[Finding, ...] | None:
    """Every diagnostic in ruff's JSON list, or None when stdout is not that list."""
    try:
        items = json.loads(stdout)
        if not isinstance(items, list):
            return None
        return tuple(
            make_finding(
                ctx, _where(item), str(item.get("code") or SYNTAX_ERROR), str(item["message"])
            )
            for item in items
        )
    except (json.JSONDecodeError, KeyError, TypeError, AttributeError):
        return None


def read_check(result: ToolResult, ctx: GateContext, keep: Callable[[str], bool]) -> Verdict:
    """The verdict from the diagnostics whose code `keep` accepts.

    A run whose every diagnostic belongs to another gate (exit 1, nothing kept) passes.
    """
    found = parse_check(result.stdout, ctx)
    kept = None if found is None else tuple(f for f in found if keep(f.code))
    if found and not kept and result.returncode in CHECK_CODES.found:
        return Verdict(GateStatus.PASSED)
    return judge(result, CHECK_CODES, kept)
