"""The old module after a split: a thin re-export, so that every import of it keeps working.

It keeps its docstring, `from __future__` imports, the imports no moved code uses (they may
be there to be re-exported), `__all__` (or gets one naming what `from old import *` gave:
the public moved names and the public names it imported with `from`), and a closing
`if __name__ == "__main__":` block; every moved name is imported back from its new module,
so `old.Name is new_module.Name`.
"""

from __future__ import annotations

import ast

import libcst as cst

from acolyte_gates.refactor.imports import alias_name, from_import
from acolyte_gates.refactor.layout import Layout, leading
from acolyte_gates.refactor.rewrite import futures, needed_imports
from acolyte_gates.refactor.units import DOCSTRING, EXPORTS, IMPORT, MAIN

_NOQA = "noqa: F401 (re-exported for existing imports)"


def listed_exports(layout: Layout) -> list[str] | None:
    """The names of a literal `__all__` list or tuple; None when there is none or it is built."""
    for unit in layout.of_kind(EXPORTS):
        code = layout.module.code_for_node(layout.statements(unit)[0])
        value = ast.parse(code).body[0]
        if isinstance(value, ast.Assign):
            try:
                names = ast.literal_eval(value.value)
            except ValueError:
                return None
            return [str(name) for name in names]
    return None


def _unused_imports(layout: Layout) -> list[cst.BaseStatement]:
    """Import statements no moved code uses, kept whole where they were."""
    used = set().union(*(unit.uses for unit in layout.definitions()))
    return [
        statement
        for unit in layout.of_kind(IMPORT)
        if not used & set(unit.binds)
        for statement in layout.statements(unit)
    ]


def _all_statement(names: list[str]) -> cst.BaseStatement:
    items = "".join(f'    "{name}",\n' for name in names)
    return cst.parse_statement(f"__all__ = [\n{items}]\n")


def _reexports(layout: Layout, exported: set[str]) -> list[cst.BaseStatement]:
    lines: list[cst.BaseStatement] = []
    for number, module in enumerate(layout.names):
        names = layout.moved_names(number)
        comment = _NOQA if set(names) - exported else ""
        lines.append(from_import(layout.prefix + module, names, comment))
    return lines


def _kept(layout: Layout, kind: str) -> list[cst.BaseStatement]:
    return [s for unit in layout.of_kind(kind) for s in layout.statements(unit)]


def _moved(layout: Layout) -> list[str]:
    return [name for number in range(len(layout.names)) for name in layout.moved_names(number)]


def _import_froms(layout: Layout) -> list[cst.ImportFrom]:
    """The `from X import a, b` statements of the module's import lines."""
    return [
        small
        for unit in layout.of_kind(IMPORT)
        for statement in layout.statements(unit)
        if isinstance(statement, cst.SimpleStatementLine)
        for small in statement.body
        if isinstance(small, cst.ImportFrom) and not isinstance(small.names, cst.ImportStar)
    ]


def _from_imported(layout: Layout) -> list[str]:
    """Public names the module bound with `from X import name`: part of what it offered."""
    names = [
        alias_name(alias, True)
        for small in _import_froms(layout)
        for alias in small.names  # type: ignore[union-attr]
    ]
    return [name for name in dict.fromkeys(names) if not name.startswith("_")]


def _exported(layout: Layout, listed: list[str] | None) -> list[str]:
    """The names `from old import *` gave: `__all__`'s, else the public moved names and the
    public names it imported with `from`, which stay importable from it."""
    if listed is not None:
        return listed
    moved = [name for name in _moved(layout) if not name.startswith("_")]
    return moved + [name for name in _from_imported(layout) if name not in moved]


def _imports(layout: Layout, exported: list[str]) -> list[cst.BaseStatement]:
    """Imports no moved code uses, and those the exports or the main block need."""
    kept = _unused_imports(layout)
    main_uses = set().union(*(unit.uses for unit in layout.of_kind(MAIN)))
    needs = (set(exported) | main_uses) - set(_moved(layout))
    return kept + [s for s in needed_imports(layout, needs) if not _same(s, kept)]


def thin_module(layout: Layout) -> cst.Module:
    """The old module as a re-export of the new ones."""
    exported = _exported(layout, listed_exports(layout))
    docstrings = _kept(layout, DOCSTRING)
    body = [*docstrings, *futures(layout), *_imports(layout, exported)]
    body += _reexports(layout, set(exported))
    body += _kept(layout, EXPORTS) or [_all_statement(exported)]
    body += _kept(layout, MAIN)
    return layout.module.with_changes(body=_separated(body, len(docstrings)))


def _same(statement: cst.BaseStatement, among: list[cst.BaseStatement]) -> bool:
    return any(statement.deep_equals(other) for other in among)


def _gap(body: list[cst.BaseStatement], position: int, docstrings: int) -> int:
    """Blank lines above a statement: one after the docstring, none between imports, two
    above an `if` block, else one."""
    if position == 0:
        return 0
    if position == docstrings:
        return 1
    if isinstance(body[position], cst.If):
        return 2
    return 0 if _is_import(body[position]) and _is_import(body[position - 1]) else 1


def _separated(body: list[cst.BaseStatement], docstrings: int) -> list[cst.BaseStatement]:
    """The statements with their comment lines kept and the blank lines above them set."""
    result = body[:docstrings]
    for position in range(docstrings, len(body)):
        statement = body[position]
        comments = [line for line in leading(statement) if line.comment is not None]
        blanks = [cst.EmptyLine()] * _gap(body, position, docstrings)
        result.append(statement.with_changes(leading_lines=[*blanks, *comments]))
    return result


def _is_import(statement: cst.BaseStatement) -> bool:
    return isinstance(statement, cst.SimpleStatementLine) and all(
        isinstance(small, (cst.Import, cst.ImportFrom)) for small in statement.body
    )
