"""Complexity rules: cyclomatic complexity, nesting depth and cognitive complexity per function."""

from __future__ import annotations

from collections.abc import Iterator

from acolyte_gates.metrics import cognitive, cyclomatic, nesting
from acolyte_gates.rules.base import (
    Context,
    Hit,
    Rule,
    RuleDocs,
    definition_hit,
    function_nodes,
)
from acolyte_gates.source import SourceFile


def _doc_body(module_doc: str | None) -> str:
    """A metric module's docstring without its first line, for the rule's docs."""
    return (module_doc or "").split("\n", 1)[-1].strip()


def _check_cyclomatic(source: SourceFile, ctx: Context) -> Iterator[Hit]:
    limit = ctx.limits.max_complexity
    for definition, node in function_nodes(source):
        score = cyclomatic.cyclomatic_complexity(node)
        if score > limit:
            text = f"{definition.kind} '{definition.qualname}' has cyclomatic complexity {score} (limit {limit})"
            yield definition_hit(source, definition, text)


def _check_nesting(source: SourceFile, ctx: Context) -> Iterator[Hit]:
    limit = ctx.limits.max_nesting
    for definition, node in function_nodes(source):
        for block in nesting.deep_blocks(node, limit, source.lines):
            place = f"{definition.kind} '{definition.qualname}'"
            text = (
                f"'{block.keyword}' block in {place} is nested {block.depth} deep (limit {limit})"
            )
            yield Hit(block.line, block.col, text)


def _check_cognitive(source: SourceFile, ctx: Context) -> Iterator[Hit]:
    limit = ctx.limits.max_cognitive
    for definition, node in function_nodes(source):
        if definition.in_function:
            continue  # a nested function's increments already count in its enclosing function
        score = cognitive.cognitive_complexity(node)
        if score > limit:
            text = f"{definition.kind} '{definition.qualname}' has cognitive complexity {score} (limit {limit})"
            yield definition_hit(source, definition, text)


_BRANCHY = """def route(kind, urgent, size):
    if kind == "mail" and urgent:
        return 1
    elif kind == "mail":
        return 2
    for step in range(size):
        if step % 2 or urgent:
            return 3
    return 4
"""
_TABLE = """ROUTES = {("mail", True): 1, ("mail", False): 2}


def route(kind, urgent):
    return ROUTES.get((kind, urgent), 4)
"""

TOO_COMPLEX = Rule(
    "ACO105",
    "too-complex",
    "Function's cyclomatic complexity is above the limit (10), counted as radon counts it.",
    RuleDocs(
        what="Checks that the cyclomatic complexity of every function and method, as radon 6 "
        "computes it, is no more than `max-complexity`. The number is radon's exactly, quirks "
        "included (a test compares it with radon on every function of the standard library):\n\n"
        + _doc_body(cyclomatic.__doc__),
        why="Each independent path through a function is a case to understand and to test. "
        "Past ten, the cases outgrow what a reader can hold and what the tests usually cover.",
        example=_BRANCHY,
        use_instead=_TABLE,
        options="`max-complexity` (default 10, flake8: `--aco-max-complexity`).",
        example_config=(("max-complexity", 5),),
    ),
    _check_cyclomatic,
)

_DEEP = """def scan(rows):
    for row in rows:
        if row:
            while row.pending:
                if row.ready:
                    row.send()
"""
_FLAT = """def scan(rows):
    for row in rows:
        if row:
            flush(row)
"""

TOO_DEEPLY_NESTED = Rule(
    "ACO106",
    "too-deeply-nested",
    "A control block is nested deeper than the limit (3) inside one function.",
    RuleDocs(
        what="Checks that control blocks inside a function are nested no deeper than "
        "`max-nesting`. " + _doc_body(nesting.__doc__) + "\n\nWorked examples, at the "
        "default limit of 3: `for` > `if` > `while` is depth 3 and allowed; an `if` inside "
        "that `while` opens depth 4 and is reported at its `if`; a `for` inside that `if` "
        "(depth 5) is not reported again; a second block at depth 4 beside the first is a "
        "finding of its own; an `elif` chain of any length stays at its `if`'s depth, while "
        "`else:` holding an `if` opens a level. No peer counts quite this way (ruff's "
        "PLR1702 and pylint's too-many-nested-blocks disagree with each other), hence the examples.",
        why="Every level of nesting is a condition the reader must keep in mind to understand "
        "the innermost line. Early returns, guard clauses and extracted functions flatten it.",
        example=_DEEP,
        use_instead=_FLAT,
        options="`max-nesting` (default 3, flake8: `--aco-max-nesting`).",
    ),
    _check_nesting,
)

_TANGLED = """def tangled(items, strict):
    for item in items:
        if item.ok:
            if strict and item.flag or item.force:
                continue
        else:
            return None
    return items
"""
_UNTANGLED = """def tangled(items, strict):
    if any(not item.ok for item in items):
        return None
    return items
"""

COGNITIVE_COMPLEXITY = Rule(
    "ACO107",
    "cognitive-complexity",
    "Function's cognitive complexity (SonarSource's definition) is above the limit (15).",
    RuleDocs(
        what="Checks that the cognitive complexity of every function and method is no more "
        "than `max-cognitive`. Only functions not nested in another function are scored: a "
        "nested function's increments count toward the function that holds it.\n\n"
        + _doc_body(cognitive.__doc__),
        why="Cyclomatic complexity counts paths; cognitive complexity counts how hard the "
        "code is to follow, charging nesting and broken linear flow. A function over the "
        "limit is one a reviewer reads twice.",
        example=_TANGLED,
        use_instead=_UNTANGLED,
        options="`max-cognitive` (default 15, flake8: `--aco-max-cognitive`).",
        example_config=(("max-cognitive", 5),),
    ),
    _check_cognitive,
)

RULES = (TOO_COMPLEX, TOO_DEEPLY_NESTED, COGNITIVE_COMPLEXITY)
