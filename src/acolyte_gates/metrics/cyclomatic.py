"""Cyclomatic complexity of one function, equal to the number radon 6 reports.

The count starts at 1 and adds, for each node of the function's body:

- ``if`` statement (each ``elif`` too) and conditional expression ``a if c else b``: 1;
- ``for``, ``async for`` and ``while``: 1, plus 1 when the loop has an ``else``;
- ``try``: 1 per ``except`` handler, plus 1 for its ``else``; ``finally`` adds
  nothing, and ``try``/``except*`` (Python 3.11) adds nothing at all;
- boolean operators: a run ``a and b and c`` adds one less than its operands (2);
  ``a and b or c`` is two runs, adding 1 + 1;
- each ``for`` clause of a comprehension or generator expression: 1, plus 1 per
  ``if`` of that clause;
- ``match``: 1 per ``case``, minus 1 when any case is irrefutable as a bare name
  (``case _:`` or ``case x:``, guarded or not), never below 0;
- ``assert``: 1, and nothing inside the assert is counted (``assert a and b`` is 1);
- lambdas add nothing themselves, but what their bodies contain counts in the
  enclosing function;
- ``with``, ``async with``, ``break``, ``continue``, ``return``, ``raise`` and
  comparisons add nothing;
- nested ``def``/``async def``/``class`` add nothing, nor does anything inside them
  (their decorators, defaults and annotations included); each nested function has
  its own count;
- the function's own decorators, defaults and annotations are not counted.

The walk uses an explicit stack rather than ``ast.NodeVisitor``: it runs on every
function of every checked file, and measures about four times faster than radon's
visitor on the same trees (``benchmarks/verify_cyclomatic.py`` checks both claims).
"""

import ast
from typing import Any, Callable

_OPAQUE = frozenset((ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Assert))
_LEAVES = frozenset((ast.Name, ast.Constant))
# Fields that hold nothing countable: operators and contexts (nodes without
# children), imported names and declared names (strings or aliases).
_SKIPPED_FIELDS = frozenset(("ctx", "op", "ops", "names", "kwd_attrs"))


def _one(_node: Any) -> int:
    """Weigh a node that always adds one path (``if``, ``x if c else y``)."""
    return 1


def _loop(node: Any) -> int:
    """Weigh a loop: the loop itself and its ``else`` block."""
    return 1 + bool(node.orelse)


def _try(node: ast.Try) -> int:
    """Weigh a ``try``: one per handler and one for its ``else`` block."""
    return len(node.handlers) + bool(node.orelse)


def _bool_op(node: ast.BoolOp) -> int:
    """Weigh a run of ``and`` or ``or``: one per operator."""
    return len(node.values) - 1


def _comprehension(node: ast.comprehension) -> int:
    """Weigh a comprehension's ``for`` clause and each of its ``if`` filters."""
    return 1 + len(node.ifs)


def _match(node: ast.Match) -> int:
    """Weigh a ``match``: one per case, less one if some case is a bare name."""
    bare = any(getattr(case.pattern, "pattern", False) is None for case in node.cases)
    return max(0, len(node.cases) - bare)


_WEIGHTS: dict[type[ast.AST], Callable[[Any], int]] = {
    ast.If: _one,
    ast.IfExp: _one,
    ast.For: _loop,
    ast.AsyncFor: _loop,
    ast.While: _loop,
    ast.Try: _try,
    ast.BoolOp: _bool_op,
    ast.comprehension: _comprehension,
    ast.Match: _match,
}
# Child fields by node type, filled on first sight. Lists are pushed whole, so
# the None of a ``**`` dict key or of a keyword-only argument without default
# reaches the stack too; its type has no ``_fields`` and so no children.
_FIELDS: dict[type[ast.AST], tuple[str, ...]] = {}


def _child_fields(kind: type[ast.AST]) -> tuple[str, ...]:
    """Name the fields of a node type that may hold countable children."""
    fields: tuple[str, ...] = getattr(kind, "_fields", ())
    kept = () if kind in _LEAVES else tuple(f for f in fields if f not in _SKIPPED_FIELDS)
    _FIELDS[kind] = kept
    return kept


def cyclomatic_complexity(node: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    """Count the decision points of a function's body, plus one, as radon does."""
    total = 1
    stack: list[ast.AST] = list(node.body)
    push = stack.append
    while stack:
        current = stack.pop()
        kind = type(current)
        if kind in _OPAQUE:
            total += kind is ast.Assert
            continue
        weigh = _WEIGHTS.get(kind)
        if weigh is not None:
            total += weigh(current)
        fields = _FIELDS.get(kind)
        if fields is None:
            fields = _child_fields(kind)
        for field in fields:
            value = getattr(current, field)
            if type(value) is list:
                stack.extend(value)
            elif isinstance(value, ast.AST):
                push(value)
    return total
