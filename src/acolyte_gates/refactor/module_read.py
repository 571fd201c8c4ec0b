"""Read a module for a split: its units, merged where statements belong together, and checked.

Refused: star imports, `globals()` and module-level `vars()`/`locals()`, `global`
statements, `sys.modules[__name__]`, a module `__getattr__` or `__dir__`, and a name
bound by two definitions (or a definition and an import).
"""

from __future__ import annotations

import ast
from collections import Counter
from collections.abc import Iterator, Sequence

from acolyte_gates.refactor.names import bound_names
from acolyte_gates.refactor.refusal import Refused
from acolyte_gates.refactor.units import DEFINITION, IMPORT, Statement, Unit, read_unit

_TRICKS = ("__getattr__", "__dir__")


def _calls(tree: ast.Module, name: str) -> Iterator[ast.Call]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == name:
            yield node


def _module_level(tree: ast.Module) -> Iterator[ast.AST]:
    """Nodes outside any function or class body."""
    stack: list[ast.AST] = list(tree.body)
    while stack:
        node = stack.pop()
        yield node
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            stack.extend(ast.iter_child_nodes(node))


def _is_sys_modules_self(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Subscript)
        and isinstance(node.value, ast.Attribute)
        and node.value.attr == "modules"
        and isinstance(node.slice, ast.Name)
        and node.slice.id == "__name__"
    )


def _trick(tree: ast.Module) -> tuple[int, str] | None:
    """The first construct that reads or changes the module's namespace as a whole."""
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and any(a.name == "*" for a in node.names):
            return node.lineno, "a star import (`from ... import *`) hides which names it binds"
        if isinstance(node, ast.Global):
            return node.lineno, f"`global {', '.join(node.names)}` changes a module variable"
        if isinstance(node, ast.Subscript) and _is_sys_modules_self(node):
            return node.lineno, "`sys.modules[__name__]` reaches the module itself"
    for call in _calls(tree, "globals"):
        return call.lineno, "`globals()` reads the module's namespace"
    for node in _module_level(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and not node.args:
            if node.func.id in ("vars", "locals"):
                return node.lineno, f"`{node.func.id}()` reads the module's namespace"
    return None


def check_tricks(tree: ast.Module, where: str) -> None:
    """Refuse a module whose names are reached other than by name."""
    found = _trick(tree)
    for statement in tree.body:
        names = set(bound_names(statement)) & set(_TRICKS)
        if names and isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
            found = found or (statement.lineno, f"a module `{names.pop()}` makes names up")
    if found:
        line, why = found
        raise Refused(f"{where}:{line}: cannot split this module: {why}")


def _belongs_to_previous(unit: Unit, previous: Unit | None) -> bool:
    """An attribute docstring after its assignment, or an overload's function after it."""
    if previous is None or previous.kind != DEFINITION or unit.kind != DEFINITION:
        return False
    if not unit.binds:
        return True
    same_function = unit.role in ("function", "route") and previous.role in ("function", "route")
    return same_function and unit.binds == previous.binds


def _merge(previous: Unit, unit: Unit) -> Unit:
    return Unit(
        (*previous.indexes, *unit.indexes),
        previous.kind,
        tuple(dict.fromkeys((*previous.binds, *unit.binds))),
        previous.uses | unit.uses,
        previous.lines + unit.lines,
        previous.first_line,
        previous.role,
    )


def merged_units(statements: Sequence[Statement], where: str) -> list[Unit]:
    """Every statement's unit, those that belong together merged, name clashes refused."""
    units: list[Unit] = []
    for statement in statements:
        unit = read_unit(statement, where)
        if units and _belongs_to_previous(unit, units[-1]):
            units[-1] = _merge(units[-1], unit)
        else:
            units.append(unit)
    _check_clashes(units, where)
    return units


def _check_clashes(units: Sequence[Unit], where: str) -> None:
    counts = Counter(
        name for unit in units if unit.kind not in (IMPORT,) for name in set(unit.binds)
    )
    imported = {name for unit in units if unit.kind == IMPORT for name in unit.binds}
    for unit in units:
        for name in unit.binds if unit.kind == DEFINITION else ():
            if counts[name] > 1 or name in imported:
                raise Refused(
                    f"{where}:{unit.first_line}: the name {name!r} is bound more than once;"
                    " rename one of them before splitting"
                )
