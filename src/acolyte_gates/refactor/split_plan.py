"""`split` planning: read the module, partition its definitions, render every file in memory.

Nothing is written here; the plan holds the full text of every file, so that `--apply`
writes only what was shown, and only after the whole plan was made.
"""

from __future__ import annotations

import ast
import warnings

import libcst as cst

from acolyte_gates.refactor.atomic import read_for_rewrite
from acolyte_gates.refactor.deep import run_deep
from acolyte_gates.refactor.fix_files import decode_exactly
from acolyte_gates.refactor.module_read import check_tricks, merged_units
from acolyte_gates.refactor.refusal import Refused
from acolyte_gates.refactor.split_layout import choose_layout
from acolyte_gates.refactor.split_result import render_plan
from acolyte_gates.refactor.split_values import SplitPlan, SplitRequest, line_count
from acolyte_gates.refactor.units import DEFINITION, Statement, Unit


def _statements(module: cst.Module) -> list[Statement]:
    line = len(module.header) + 1
    statements = []
    for index, node in enumerate(module.body):
        code = module.code_for_node(node)
        statements.append(Statement(index, code, line))
        line += code.count("\n")
    return statements


def _check_parses(text: str, where: str) -> ast.Module:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ast.parse(text.replace("\r\n", "\n").replace("\r", "\n"))
    except SyntaxError as error:
        raise Refused(
            f"{where}:{error.lineno}: cannot split a file that does not parse ({error.msg})"
        )


def _read(text: str, where: str) -> tuple[cst.Module, list[Unit]]:
    try:
        module = cst.parse_module(text)
    except cst.ParserSyntaxError as error:
        raise Refused(f"{where}: libcst cannot parse the file ({error.message})") from error
    units = merged_units(_statements(module), where)
    if sum(unit.kind == DEFINITION for unit in units) < 2:
        raise Refused(f"{where}: fewer than two definitions; there is nothing to split")
    return module, units


def plan_split(request: SplitRequest) -> SplitPlan:
    """The whole split, in memory; raises Refused with the reason when it cannot be done."""
    where = request.path
    original = read_for_rewrite(where)
    text, encoding = decode_exactly(original, where)
    check_tricks(_check_parses(text, where), where)

    def work() -> SplitPlan:
        module, units = _read(text, where)
        chosen = choose_layout(module, units, request)
        return render_plan(chosen, request, (original, encoding, line_count(text)))

    return run_deep(work, where)
