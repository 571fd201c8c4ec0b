"""Read a module for a split: its units, merged where statements belong together, and checked.

Refused: star imports, `globals()` and module-level `vars()`/`locals()`, `global`
statements, `sys.modules[__name__]`, a module `__getattr__` or `__dir__`, and a name
bound by two definitions (or a definition and an import).
"""

from __future__ import annotations

import ast
from collections import Counter
from collections.abc import Iterator, Sequence

from acolyte_gates.refactor.refusal import Refused
from acolyte_gates.refactor.units import DEFINITION, IMPORT, Statement, Unit, read_unit

_TRICKS = ("__getattr__", "__dir__")


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


def _node_trick(node: ast.AST) -> str:
    """What is wrong with one node anywhere in the module, or ''."""
    if isinstance(node, ast.ImportFrom) and any(alias.name == "*" for alias in node.names):
        return "a star import (`from ... import *`) hides which names it binds"
    if isinstance(node, ast.Global):
        return f"`global {', '.join(node.names)}` changes a module variable"
    if isinstance(node, ast.Subscript) and _is_sys_modules_self(node):
        return "`sys.modules[__name__]` reaches the module itself"
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "globals":
        return "`globals()` reads the module's namespace"
    return ""


def _top_trick(node: ast.AST) -> str:
    """`vars()` or `locals()` outside functions, which read the module's namespace; or ''."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and not node.args:
        if node.func.id in ("vars", "locals"):
            return f"`{node.func.id}()` reads the module's namespace"
    return ""


def _trick(tree: ast.Module) -> tuple[int, str] | None:
    """The first construct that reads or changes the module's namespace as a whole."""
    found = [(getattr(n, "lineno", 1), why) for n in ast.walk(tree) if (why := _node_trick(n))]
    found += [(getattr(n, "lineno", 1), why) for n in _module_level(tree) if (why := _top_trick(n))]
    for statement in tree.body:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
            if statement.name in _TRICKS:
                found.append((statement.lineno, f"a module `{statement.name}` makes names up"))
    return min(found) if found else None


def check_tricks(tree: ast.Module, where: str) -> None:
    """Refuse a module whose names are reached other than by name."""
    found = _trick(tree)
    if found:
        line, why = found
        raise Refused(f"{where}:{line}: cannot split this module: {why}")


def _belongs_to_previous(unit: Unit, previous: Unit | None) -> bool:
    """An attribute docstring after its assignment, or an overload's function after it."""
    if previous is None or previous.kind != DEFINITION or unit.kind != DEFINITION:
        return False
    if not unit.binds:
        return True
    return previous.overload and unit.binds == previous.binds


def _merge(previous: Unit, unit: Unit) -> Unit:
    return Unit(
        (*previous.indexes, *unit.indexes),
        previous.kind,
        tuple(dict.fromkeys((*previous.binds, *unit.binds))),
        previous.uses | unit.uses,
        previous.lines + unit.lines,
        previous.first_line,
        unit.role if unit.binds else previous.role,
        unit.overload if unit.binds else previous.overload,
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


def _bindings(units: Sequence[Unit]) -> Counter[str]:
    """How many units bind each name; a name several imports bind counts once."""
    counts = Counter(name for unit in units if unit.kind != IMPORT for name in set(unit.binds))
    counts.update({name for unit in units if unit.kind == IMPORT for name in unit.binds})
    return counts


def _check_clashes(units: Sequence[Unit], where: str) -> None:
    """Refuse a name that two definitions bind, or a definition and an import."""
    counts = _bindings(units)
    for unit in (unit for unit in units if unit.kind == DEFINITION):
        name = next((name for name in unit.binds if counts[name] > 1), None)
        if name is not None:
            raise Refused(
                f"{where}:{unit.first_line}: the name {name!r} is bound more than once;"
                " rename one of them before splitting"
            )
