"""Which module-level names a piece of top-level code uses and binds, from `ast` and `symtable`.

symtable knows Python's scoping exactly: a name used inside a function is a use of the
module's name only when no local binds it. Names inside string annotations (`"Order"`)
are read too, since mypy and `typing.get_type_hints` resolve them in the module.
"""

from __future__ import annotations

import ast
import symtable
from collections.abc import Iterator


def _tables(table: symtable.SymbolTable) -> Iterator[symtable.SymbolTable]:
    stack = [table]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(current.get_children())


def _annotations(tree: ast.AST) -> Iterator[ast.expr]:
    for node in ast.walk(tree):
        if isinstance(node, ast.arg) and node.annotation is not None:
            yield node.annotation
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.returns:
            yield node.returns
        elif isinstance(node, ast.AnnAssign):
            yield node.annotation


def _type_subscripts(tree: ast.AST) -> Iterator[ast.expr]:
    """The brackets of `Union[...]`, `typing.Optional[...]`: a capitalised generic's, where
    type aliases write forward references as strings (`StyleType = Union[str, "Style"]`)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript):
            value = node.value
            name = value.attr if isinstance(value, ast.Attribute) else getattr(value, "id", "")
            if name[:1].isupper():
                yield node.slice


def _string_annotation_names(tree: ast.AST) -> set[str]:
    """Names inside string annotations and type aliases: `"Order"`, `list["Item"]`."""
    places = [*_annotations(tree), *_type_subscripts(tree)]
    strings = [
        node.value
        for place in places
        for node in ast.walk(place)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]
    return {name for text in strings for name in _names_in(text)}


def _names_in(text: str) -> set[str]:
    """The names an annotation written as a string reads; none when it is not an expression."""
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except SyntaxError:
        return set()
    return {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}


def used_names(code: str) -> frozenset[str]:
    """The module-level names that top-level `code` reads (builtins included: filter later)."""
    table = symtable.symtable(code, "<split>", "exec")
    used = {
        symbol.get_name()
        for scope in _tables(table)
        for symbol in scope.get_symbols()
        if symbol.is_referenced() and symbol.is_global()
    }
    return frozenset(used | _string_annotation_names(ast.parse(code)))


def _target_names(target: ast.expr) -> Iterator[str]:
    if isinstance(target, ast.Name):
        yield target.id
    elif isinstance(target, (ast.Tuple, ast.List)):
        for element in target.elts:
            yield from _target_names(element)
    elif isinstance(target, ast.Starred):
        yield from _target_names(target.value)


def bound_names(statement: ast.stmt) -> Iterator[str]:
    """The module-level names one top-level statement binds (compound ones: all inside them)."""
    if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        yield statement.name
    elif isinstance(statement, (ast.Import, ast.ImportFrom)):
        for alias in statement.names:
            yield alias.asname or alias.name.split(".")[0]
    elif isinstance(statement, ast.Assign):
        for target in statement.targets:
            yield from _target_names(target)
    elif isinstance(statement, (ast.AnnAssign, ast.AugAssign)):
        yield from _target_names(statement.target)
    else:
        for child in _blocks(statement):
            yield from bound_names(child)


def _blocks(statement: ast.stmt) -> Iterator[ast.stmt]:
    """The statements inside an `if` or `try` block, handlers and else branches included."""
    for field in ("body", "orelse", "finalbody"):
        yield from getattr(statement, field, ())
    for handler in getattr(statement, "handlers", ()):
        yield from handler.body


def inner_statements(statement: ast.stmt) -> list[ast.stmt]:
    """The statements an `if` or `try` holds, for deciding what kind of unit it is."""
    return list(_blocks(statement))
