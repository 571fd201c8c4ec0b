"""The lint gate with ruff: `ruff check` with the project's ruff settings, as JSON.

The project's rule selection, ignores and per-file ignores apply as ruff reads them. Import
order (ruff's `I` rules) belongs to the imports gate and is not reported twice.
"""

from __future__ import annotations

from acolyte_gates.gates.base import GateContext, ToolGate, Verdict, with_files
from acolyte_gates.gates.process import ToolResult
from acolyte_gates.gates.ruff_output import CHECK_OPTIONS, is_import_order, read_check


def build(ctx: GateContext) -> list[str]:
    """`ruff check --output-format=json --force-exclude --no-fix -- FILES`."""
    return with_files(ctx, [*CHECK_OPTIONS, "--no-fix"])


def read(result: ToolResult, ctx: GateContext) -> Verdict:
    """ruff's findings, bar the import-order ones."""
    return read_check(result, ctx, lambda code: not is_import_order(code))


GATE = ToolGate("lint", "ruff", build, read)
