"""Length rules: modules, classes and functions longer than the standard allows."""

from __future__ import annotations

from collections.abc import Iterator

from acolyte_gates.defs import Definition
from acolyte_gates.findings import Severity
from acolyte_gates.linecount import module_length, span_length
from acolyte_gates.rules.base import (
    Context,
    Hit,
    Rule,
    RuleDocs,
    definition_hit,
    function_definitions,
)
from acolyte_gates.source import SourceFile

_COUNTING = """Lines are physical lines from the `def`/`class` line to the definition's last line
(its `end_lineno`), decorators excluded; blank lines, comments, the docstring and nested
definitions are included. With `count = "code"` only code lines count (lizard's NLOC): the
signature's lines count, blank, comment-only and docstring lines do not."""


def _unit(ctx: Context) -> str:
    return "code lines" if ctx.limits.count.value == "code" else "lines long"


def _definition_length(source: SourceFile, definition: Definition, ctx: Context) -> int:
    node = definition.node
    return span_length(source, node.lineno, node.end_lineno or node.lineno, ctx.limits.count)


def _check_module(source: SourceFile, ctx: Context) -> Iterator[Hit]:
    length = module_length(source, ctx.limits.count)
    if length > ctx.limits.max_module_lines:
        yield Hit(1, 1, f"module is {length} {_unit(ctx)} (limit {ctx.limits.max_module_lines})")


def _check_module_soft(source: SourceFile, ctx: Context) -> Iterator[Hit]:
    length = module_length(source, ctx.limits.count)
    if ctx.limits.warn_module_lines < length <= ctx.limits.max_module_lines:
        yield Hit(
            1, 1, f"module is {length} {_unit(ctx)} (soft limit {ctx.limits.warn_module_lines})"
        )


def _check_class(source: SourceFile, ctx: Context) -> Iterator[Hit]:
    limit = ctx.limits.max_class_lines
    for definition in source.definitions:
        if definition.is_class:
            length = _definition_length(source, definition, ctx)
            if length > limit:
                text = f"class '{definition.qualname}' is {length} {_unit(ctx)} (limit {limit})"
                yield definition_hit(source, definition, text)


def _check_function(source: SourceFile, ctx: Context) -> Iterator[Hit]:
    limit = ctx.limits.max_function_lines
    for definition in function_definitions(source):
        length = _definition_length(source, definition, ctx)
        if length > limit:
            text = f"{definition.kind} '{definition.qualname}' is {length} {_unit(ctx)} (limit {limit})"
            yield definition_hit(source, definition, text)


def _check_function_soft(source: SourceFile, ctx: Context) -> Iterator[Hit]:
    soft, hard = ctx.limits.warn_function_lines, ctx.limits.max_function_lines
    for definition in function_definitions(source):
        length = _definition_length(source, definition, ctx)
        if soft < length <= hard:
            text = f"{definition.kind} '{definition.qualname}' is {length} {_unit(ctx)} (soft limit {soft})"
            yield definition_hit(source, definition, text)


_MODULE_OPTIONS = """`max-module-lines` (default 300, flake8: `--aco-max-module-lines`) and
`warn-module-lines` (default 250, `--aco-warn-module-lines`); `count`."""
_FUNCTION_OPTIONS = """`max-function-lines` (default 30, flake8: `--aco-max-function-lines`) and
`warn-function-lines` (default 25, `--aco-warn-function-lines`); `count`."""
_LONG_FUNCTION = """def load_orders(path):
    rows = read(path)
    rows = clean(rows)
    rows = sort(rows)
    return rows
"""
_SPLIT_FUNCTION = """def load_orders(path):
    rows = read(path)
    return tidy(rows)
"""

MODULE_TOO_LONG = Rule(
    "ACO101",
    "module-too-long",
    "Module has more lines than the limit (300).",
    RuleDocs(
        what="Checks that a module is no longer than `max-module-lines` physical lines of the file.",
        why="A long module does many jobs; its readers must hold all of them in mind at once. "
        "A module with one job, named for it, is found, read and tested on its own.",
        example="import os\n\nA = 1\nB = 2\n",
        use_instead="A = 1\n",
        options=_MODULE_OPTIONS + "\n\n" + _COUNTING,
        example_config=(("max-module-lines", 3), ("warn-module-lines", 2)),
    ),
    _check_module,
)

MODULE_OVER_SOFT_LIMIT = Rule(
    "ACO111",
    "module-over-soft-limit",
    "Module is over the soft limit (250 lines) but within the hard one: split it soon.",
    RuleDocs(
        what="Warns when a module is longer than `warn-module-lines` but not longer than "
        "`max-module-lines` (a module over the hard limit gets ACO101 only).",
        why="The warning leaves room to split a module while it is still easy, before the "
        "hard limit fails a build. Warnings fail `check` only with `--strict`.",
        example="A = 1\nB = 2\nC = 3\n",
        use_instead="A = 1\n",
        options=_MODULE_OPTIONS,
        example_config=(("max-module-lines", 3), ("warn-module-lines", 2)),
    ),
    _check_module_soft,
    Severity.WARNING,
)

CLASS_TOO_LONG = Rule(
    "ACO102",
    "class-too-long",
    "Class spans more lines than the limit (200).",
    RuleDocs(
        what="Checks that a class spans no more than `max-class-lines` lines.",
        why="A long class usually holds several responsibilities; each is easier to test and "
        "to change as a class of its own.",
        example="class Orders:\n    def load(self):\n        return 1\n\n    def save(self):\n        return 2\n",
        use_instead="class Orders:\n    def load(self):\n        return 1\n",
        options="`max-class-lines` (default 200, flake8: `--aco-max-class-lines`); `count`.\n\n"
        + _COUNTING,
        example_config=(("max-class-lines", 4),),
    ),
    _check_class,
)

FUNCTION_TOO_LONG = Rule(
    "ACO103",
    "function-too-long",
    "Function or method spans more lines than the limit (30).",
    RuleDocs(
        what="Checks that every function and method, nested and async ones included, spans "
        "no more than `max-function-lines` lines.",
        why="A function that fits on a screen can be understood, named and tested as one step; "
        "a long one hides several steps that deserve names of their own.",
        example=_LONG_FUNCTION,
        use_instead=_SPLIT_FUNCTION,
        options=_FUNCTION_OPTIONS + "\n\n" + _COUNTING,
        example_config=(("max-function-lines", 4), ("warn-function-lines", 3)),
    ),
    _check_function,
)

FUNCTION_OVER_SOFT_LIMIT = Rule(
    "ACO113",
    "function-over-soft-limit",
    "Function is over the soft limit (25 lines) but within the hard one.",
    RuleDocs(
        what="Warns when a function is longer than `warn-function-lines` but not longer than "
        "`max-function-lines` (one over the hard limit gets ACO103 only).",
        why="A function near the limit is the cheapest one to split: do it before the next "
        "change pushes it over. Warnings fail `check` only with `--strict`.",
        example=_LONG_FUNCTION,
        use_instead=_SPLIT_FUNCTION,
        options=_FUNCTION_OPTIONS,
        example_config=(("max-function-lines", 5), ("warn-function-lines", 3)),
    ),
    _check_function_soft,
    Severity.WARNING,
)

RULES = (
    MODULE_TOO_LONG,
    MODULE_OVER_SOFT_LIMIT,
    CLASS_TOO_LONG,
    FUNCTION_TOO_LONG,
    FUNCTION_OVER_SOFT_LIMIT,
)
