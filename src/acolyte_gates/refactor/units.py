"""A module's top-level statements as units: what each binds and uses, and what kind it is.

A unit is one top-level statement, or several that belong together: `@overload`s with the
function they describe, an attribute docstring with the assignment above it. Anything that
would not survive being moved (code run between definitions, a star import) is refused.
"""

from __future__ import annotations

import ast
import warnings
from dataclasses import dataclass

from acolyte_gates.refactor.names import bound_names, inner_statements, used_names
from acolyte_gates.refactor.refusal import Refused

DOCSTRING, FUTURE, IMPORT, EXPORTS, MAIN, DEFINITION = (
    "docstring",
    "future",
    "import",
    "exports",
    "main",
    "definition",
)
_IMPORTS = (ast.Import, ast.ImportFrom)
_ROUTE_WORDS = frozenset({"route", "get", "post", "put", "patch", "delete", "websocket"})
_DEFS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


@dataclass(frozen=True)
class Unit:
    """Top-level statements moved as one: their indexes in the module's body and their names."""

    indexes: tuple[int, ...]
    kind: str
    binds: tuple[str, ...]
    uses: frozenset[str]
    lines: int
    first_line: int
    role: str = ""
    """For definitions: `class`, `function`, `route` (`@app.route(...)`) or `constant`."""
    overload: bool = False
    """An `@overload` signature: the function of the same name that follows joins it."""


@dataclass(frozen=True)
class Statement:
    """One top-level statement as the splitter reads it: its code and where it starts."""

    index: int
    code: str
    first_line: int


def _is_string(statement: ast.stmt) -> bool:
    return (
        isinstance(statement, ast.Expr)
        and isinstance(statement.value, ast.Constant)
        and isinstance(statement.value.value, str)
    )


def _is_main_guard(statement: ast.stmt) -> bool:
    test = statement.test if isinstance(statement, ast.If) else None
    return (
        isinstance(test, ast.Compare)
        and isinstance(test.left, ast.Name)
        and test.left.id == "__name__"
        and any(isinstance(c, ast.Constant) and c.value == "__main__" for c in test.comparators)
    )


def _is_import_block(statements: list[ast.stmt]) -> bool:
    """`try: import x except ImportError: x = None`, `if TYPE_CHECKING: from a import B`."""
    inner = [s for statement in statements for s in inner_statements(statement)]
    allowed = (*_IMPORTS, ast.Pass, ast.Assign)
    return any(isinstance(s, _IMPORTS) for s in inner) and all(
        isinstance(s, allowed) for s in inner
    )


def _is_definition(statement: ast.stmt) -> bool:
    if isinstance(statement, (*_DEFS, *_IMPORTS)):
        return True
    if isinstance(statement, ast.Assign):
        return all(isinstance(t, (ast.Name, ast.Tuple, ast.List)) for t in statement.targets)
    if isinstance(statement, ast.AnnAssign):
        return isinstance(statement.target, ast.Name) and statement.value is not None
    if isinstance(statement, (ast.If, ast.Try)):
        return all(_is_definition(s) or _is_string(s) for s in inner_statements(statement))
    return False


def _side_effect(statement: ast.stmt, where: str) -> Refused:
    text = ast.unparse(statement).split("\n")[0][:60]
    return Refused(
        f"{where}:{statement.lineno}: module-level code runs here (`{text}`); a split would"
        " change when it runs. Move it into a function, or below a `if __name__ == '__main__':`"
    )


def _is_future(statements: list[ast.stmt]) -> bool:
    return all(isinstance(s, ast.ImportFrom) and s.module == "__future__" for s in statements)


def _is_imports(statements: list[ast.stmt]) -> bool:
    return all(isinstance(s, _IMPORTS) for s in statements) or _is_import_block(statements)


def _is_exports(statements: list[ast.stmt]) -> bool:
    first = statements[0]
    return isinstance(first, ast.Assign) and any(
        isinstance(target, ast.Name) and target.id == "__all__" for target in first.targets
    )


_KINDS = (
    (FUTURE, _is_future),
    (IMPORT, _is_imports),
    (EXPORTS, _is_exports),
    (MAIN, lambda statements: _is_main_guard(statements[0])),
)


def _kind(statements: list[ast.stmt], index: int, where: str) -> str:
    if index == 0 and len(statements) == 1 and _is_string(statements[0]):
        return DOCSTRING
    for kind, test in _KINDS:
        if test(statements):
            return kind
    for statement in statements:
        if not (_is_definition(statement) or _is_string(statement)):
            raise _side_effect(statement, where)
    return DEFINITION


def _is_route(decorator: ast.expr) -> bool:
    """`@app.route(...)`, `@router.get(...)`: a decorator that makes a web route."""
    call = decorator.func if isinstance(decorator, ast.Call) else None
    return isinstance(call, ast.Attribute) and call.attr in _ROUTE_WORDS


def _is_overload(decorator: ast.expr) -> bool:
    return (isinstance(decorator, ast.Name) and decorator.id == "overload") or (
        isinstance(decorator, ast.Attribute) and decorator.attr == "overload"
    )


def _role(statements: list[ast.stmt]) -> str:
    first = statements[-1]
    if isinstance(first, ast.ClassDef):
        return "class"
    if isinstance(first, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return "route" if any(map(_is_route, first.decorator_list)) else "function"
    return "constant"


def read_unit(statement: Statement, where: str) -> Unit:
    """The unit of one top-level statement; raises Refused for code that cannot be moved."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tree = ast.parse(statement.code)
    statements = tree.body or [ast.Pass()]
    for node in statements:
        ast.increment_lineno(node, statement.first_line - 1)
    kind = _kind(statements, statement.index, where)
    binds = tuple(dict.fromkeys(name for s in statements for name in bound_names(s)))
    uses = used_names(statement.code) if kind != DOCSTRING else frozenset()
    role = _role(statements) if kind == DEFINITION else ""
    lines = statement.code.count("\n") + (0 if statement.code.endswith("\n") else 1)
    overload = any(map(_is_overload, getattr(statements[-1], "decorator_list", ())))
    return Unit((statement.index,), kind, binds, uses, lines, statements[0].lineno, role, overload)
