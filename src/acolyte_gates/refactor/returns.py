"""Which functions may safely get `-> None`: read on the `ast` tree the rules already parsed."""

from __future__ import annotations

import ast
from pathlib import Path

from acolyte_gates.config.loader import read_toml
from acolyte_gates.defs import FunctionNode

_SKIP_DECORATORS = frozenset({"abstractmethod", "abstractproperty", "overload"})
_NESTED = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)
BLACK_LINE_LENGTH = 88


def _decorator_name(node: ast.expr) -> str:
    """`abstractmethod` for `@abstractmethod`, `@abc.abstractmethod` and `@x.overload()`."""
    target = node.func if isinstance(node, ast.Call) else node
    if isinstance(target, ast.Attribute):
        return target.attr
    return target.id if isinstance(target, ast.Name) else ""


def _is_stub(body: list[ast.stmt]) -> bool:
    """A body that is only a docstring, `...` or `raise NotImplementedError`: a signature to fill."""
    rest = body[1:] if body and _is_docstring(body[0]) else body
    if len(rest) != 1:
        return not rest
    only = rest[0]
    if isinstance(only, ast.Expr):
        return isinstance(only.value, ast.Constant) and only.value.value is Ellipsis
    if isinstance(only, ast.Raise) and only.exc is not None:
        raised = only.exc.func if isinstance(only.exc, ast.Call) else only.exc
        return isinstance(raised, ast.Name) and raised.id == "NotImplementedError"
    return False


def _is_docstring(statement: ast.stmt) -> bool:
    return (
        isinstance(statement, ast.Expr)
        and isinstance(statement.value, ast.Constant)
        and isinstance(statement.value.value, str)
    )


def _gives_a_value(node: ast.AST) -> bool:
    """A `return` of something other than None, or a `yield`, of the function itself."""
    if isinstance(node, (ast.Yield, ast.YieldFrom)):
        return True
    if isinstance(node, ast.Return) and node.value is not None:
        return not (isinstance(node.value, ast.Constant) and node.value.value is None)
    return False


def returns_nothing(node: FunctionNode) -> bool:
    """Whether `-> None` is certainly right: no value returned or yielded, not abstract,
    not an overload, not a stub (`...`, `raise NotImplementedError`) whose overrides return."""
    if any(_decorator_name(d) in _SKIP_DECORATORS for d in node.decorator_list):
        return False
    if _is_stub(node.body):
        return False
    stack: list[ast.AST] = [s for s in node.body if not isinstance(s, _NESTED)]
    while stack:
        current = stack.pop()
        if _gives_a_value(current):
            return False
        stack.extend(
            child for child in ast.iter_child_nodes(current) if not isinstance(child, _NESTED)
        )
    return True


def header_span(node: FunctionNode) -> tuple[int, int]:
    """The lines of a function's `def` header, up to the line before its body."""
    first_body = node.body[0].lineno
    return node.lineno, first_body - 1 if first_body > node.lineno else node.lineno


def black_line_length(root: str) -> int:
    """black's line length for the project at `root`: [tool.black] line-length, else 88."""
    pyproject = Path(root, "pyproject.toml")
    if not pyproject.is_file():
        return BLACK_LINE_LENGTH
    black = read_toml(pyproject).get("tool", {}).get("black", {})
    length = black.get("line-length") if isinstance(black, dict) else None
    return length if isinstance(length, int) and length > 0 else BLACK_LINE_LENGTH
