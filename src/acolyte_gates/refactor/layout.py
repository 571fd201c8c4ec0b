"""What the rewrite needs to know of a split: the module, its units and the planned groups."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import libcst as cst

from acolyte_gates.refactor.units import DEFINITION, IMPORT, Unit


def leading(statement: cst.BaseStatement) -> Sequence[cst.EmptyLine]:
    """The blank and comment lines above a statement (part of it in libcst)."""
    if isinstance(statement, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
        return statement.leading_lines
    return ()


@dataclass(frozen=True)
class Layout:
    """The parsed module, its units, the groups (unit positions) and each group's module name.

    `prefix` is what goes before a new module's name in an import: `.` in a package.
    """

    module: cst.Module
    units: tuple[Unit, ...]
    groups: tuple[tuple[int, ...], ...]
    names: tuple[str, ...]
    prefix: str = "."

    @cached_property
    def home(self) -> dict[str, int]:
        """The group that defines each moved name."""
        return {
            name: number
            for number, group in enumerate(self.groups)
            for position in group
            for name in self.units[position].binds
        }

    def of_kind(self, kind: str) -> list[Unit]:
        """The units of one kind, in source order."""
        return [unit for unit in self.units if unit.kind == kind]

    def statements(self, unit: Unit) -> list[cst.BaseStatement]:
        """The libcst statements of a unit, untouched."""
        return [self.module.body[index] for index in unit.indexes]

    def imported_names(self) -> set[str]:
        """Every name an import statement of the module binds."""
        return {name for unit in self.of_kind(IMPORT) for name in unit.binds}

    def moved_names(self, number: int) -> list[str]:
        """The names group `number` defines, in source order."""
        return [name for position in self.groups[number] for name in self.units[position].binds]

    def definitions(self) -> list[Unit]:
        """The definition units (the ones that move)."""
        return self.of_kind(DEFINITION)
