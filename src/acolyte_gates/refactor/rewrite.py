"""The new modules' text, with libcst: moved statements are the old nodes, untouched, so
their comments, docstrings, blank lines and decorators come out byte for byte."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import libcst as cst

from acolyte_gates.refactor.imports import cut_import, from_import
from acolyte_gates.refactor.layout import Layout
from acolyte_gates.refactor.layout import leading as leading_lines
from acolyte_gates.refactor.units import FUTURE, IMPORT, Unit


def header(module: cst.Module) -> list[cst.EmptyLine]:
    """The comment lines above the first statement, without a shebang: a licence goes along."""
    lines = list(module.header)
    if lines and lines[0].comment is not None and lines[0].comment.value.startswith("#!"):
        lines = lines[1:]
    return lines


def docstring(text: str) -> cst.SimpleStatementLine:
    """A module docstring statement."""
    return cst.SimpleStatementLine([cst.Expr(cst.SimpleString(f'"""{text}"""'))])


def needed_imports(layout: Layout, wanted: set[str]) -> list[cst.BaseStatement]:
    """The module's import statements cut down to the names in `wanted`, in source order."""
    wanted = _with_import_needs(layout, wanted)
    statements = [
        statement
        for unit in layout.of_kind(IMPORT)
        if wanted & set(unit.binds)
        for statement in layout.statements(unit)
    ]
    return [cut for statement in statements if (cut := cut_import(statement, wanted)) is not None]


def _with_import_needs(layout: Layout, wanted: set[str]) -> set[str]:
    """The names wanted, and the names the import blocks that bind them use in turn
    (`if TYPE_CHECKING:` needs `TYPE_CHECKING`)."""
    grown = set(wanted)
    while True:
        more = set().union(*(u.uses for u in layout.of_kind(IMPORT) if grown & set(u.binds)))
        if more <= grown:
            return grown
        grown |= more


def futures(layout: Layout) -> list[cst.BaseStatement]:
    """The `from __future__` imports, which every new module needs as the old one had them."""
    return [
        statement.with_changes(leading_lines=())
        for unit in layout.of_kind(FUTURE)
        for statement in layout.statements(unit)
    ]


def cross_imports(layout: Layout, number: int, wanted: Iterable[str]) -> list[cst.BaseStatement]:
    """`from .other import a, b` for the names group `number` uses from other groups."""
    by_group: dict[int, list[str]] = {}
    for name in wanted:
        home = layout.home.get(name, number)
        if home != number:
            by_group.setdefault(home, []).append(name)
    return [
        from_import(layout.prefix + layout.names[home], _in_order(layout, home, names))
        for home, names in sorted(by_group.items())
    ]


def _in_order(layout: Layout, home: int, names: Sequence[str]) -> list[str]:
    order = layout.moved_names(home)
    return sorted(set(names), key=order.index)


def _spaced(statement: cst.BaseStatement) -> cst.BaseStatement:
    """The first moved statement with the blank lines black wants after the imports above it."""
    leading = list(leading_lines(statement))
    blanks = next((i for i, line in enumerate(leading) if line.comment is not None), len(leading))
    wanted = 2 if isinstance(statement, (cst.FunctionDef, cst.ClassDef)) else 1
    if blanks >= wanted:
        return statement
    return statement.with_changes(leading_lines=[cst.EmptyLine()] * (wanted - blanks) + leading)


def group_module(layout: Layout, number: int, summary: str) -> cst.Module:
    """Group `number` as a module: docstring, imports it needs, then its statements in order."""
    units: list[Unit] = [layout.units[position] for position in layout.groups[number]]
    wanted = set().union(*(unit.uses for unit in units))
    moved = [statement for unit in units for statement in layout.statements(unit)]
    imports = needed_imports(layout, wanted) + cross_imports(layout, number, sorted(wanted))
    top = [docstring(summary), *_first_blank(futures(layout)), *_first_blank(imports)]
    return layout.module.with_changes(
        header=header(layout.module), body=[*top, _spaced(moved[0]), *moved[1:]], footer=()
    )


def _first_blank(statements: list[cst.BaseStatement]) -> list[cst.BaseStatement]:
    """A block of statements with one blank line above its first."""
    if not statements:
        return statements
    return [statements[0].with_changes(leading_lines=[cst.EmptyLine()]), *statements[1:]]
