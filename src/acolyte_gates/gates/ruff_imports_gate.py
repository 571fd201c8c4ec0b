"""The imports gate with ruff: its import-order rules (I001, I002), `--fix` under --fix.

When the project's ruff config selects those rules itself, ruff runs with the project's own
selection (so that folders with a config of their own, such as examples, keep theirs) and the
gate keeps the import-order findings; fixing then applies import-order fixes only
(`--fixable I`). Otherwise `--select I` asks for them. Either way the project's isort
settings for ruff (`[tool.ruff.lint.isort]`) and per-file ignores apply. ruff does not name
the files it fixed.
"""

from __future__ import annotations

from acolyte_gates.gates.base import GateContext, ToolGate, Verdict, with_files
from acolyte_gates.gates.process import ToolResult
from acolyte_gates.gates.ruff_output import CHECK_OPTIONS, is_import_order, read_check


def build(ctx: GateContext) -> list[str]:
    """`ruff check --output-format=json --force-exclude [--select I] --no-fix -- FILES`.

    Fixing: `--fix`, with `--fixable I` when the project's own selection runs.
    """
    own = ctx.project.ruff_sorts_imports
    selection = [] if own else ["--select", "I"]
    fixing = ["--fix", *(["--fixable", "I"] if own else [])] if ctx.fix else ["--no-fix"]
    return with_files(ctx, [*CHECK_OPTIONS, *selection, *fixing])


def read(result: ToolResult, ctx: GateContext) -> Verdict:
    """The import blocks ruff finds unsorted (a file it cannot parse is the lint gate's)."""
    return read_check(result, ctx, is_import_order)


GATE = ToolGate("imports", "ruff", build, read, writes_when_fixing=True)
