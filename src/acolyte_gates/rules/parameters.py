"""The parameter rule: functions that take more parameters than the standard allows."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from acolyte_gates.defs import Definition
from acolyte_gates.rules.base import (
    Context,
    Hit,
    Rule,
    RuleDocs,
    definition_hit,
    function_definitions,
)
from acolyte_gates.source import SourceFile


def parameter_count(definition: Definition) -> int:
    """Parameters as the standard counts them: *args and **kwargs count, a bound self/cls does not."""
    node = definition.node
    if isinstance(node, ast.ClassDef):
        return 0
    args = node.args
    count = len(args.posonlyargs) + len(args.args) + len(args.kwonlyargs)
    count += (args.vararg is not None) + (args.kwarg is not None)
    if definition.has_bound_first_parameter and (args.posonlyargs or args.args):
        count -= 1
    return count


def _check_parameters(source: SourceFile, ctx: Context) -> Iterator[Hit]:
    limit = ctx.limits.max_parameters
    for definition in function_definitions(source):
        count = parameter_count(definition)
        if count > limit:
            text = (
                f"{definition.kind} '{definition.qualname}' takes {count} parameters"
                f" (limit {limit}; *args and **kwargs count)"
            )
            yield definition_hit(source, definition, text)


TOO_MANY_PARAMETERS = Rule(
    "ACO104",
    "too-many-parameters",
    "Function takes more parameters than the limit (4; *args and **kwargs count).",
    RuleDocs(
        what="Checks that a function or method takes no more than `max-parameters` parameters. "
        "Positional-only, regular and keyword-only parameters count one each, and so do "
        "`*args` and `**kwargs` (as flake8-functions and wemake-python-styleguide count them; "
        "ruff's PLR0913 and pylint's too-many-arguments do not count them). The first "
        "parameter of a method or classmethod (a function defined directly in a class body "
        "that is not a `@staticmethod`) is not counted, whatever its name. Lambdas are not checked.",
        why="Every parameter is a fact a caller must supply in the right place. Past four, "
        "calls get misordered and the function is usually doing two jobs; a small frozen "
        "dataclass of options names the facts once.",
        example="def ship(order, address, carrier, speed, insurance):\n    return order\n",
        use_instead="def ship(order, plan):\n    return order\n",
        options="`max-parameters` (default 4, flake8: `--aco-max-parameters`).",
    ),
    _check_parameters,
)

RULES = (TOO_MANY_PARAMETERS,)
