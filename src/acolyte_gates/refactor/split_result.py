"""The plan of a chosen split: the files with their paths and sizes, the cut uses, notes."""

from __future__ import annotations

import os

from acolyte_gates.refactor.split_layout import Chosen, stem_of
from acolyte_gates.refactor.split_values import NewModule, SplitPlan, SplitRequest, line_count

_MODULE_NAMES = ("__name__", "__file__", "__spec__")


def _cut_uses(chosen: Chosen) -> tuple[tuple[str, str, str, str], ...]:
    """(module, definition, module, name) for every use that now crosses between modules."""
    definitions = chosen.layout.definitions()
    group_of = {
        node: number for number, group in enumerate(chosen.partition.groups) for node in group
    }
    names = chosen.layout.names
    cut = []
    for (user, used), through in sorted(chosen.graph.through.items()):
        if group_of[user] != group_of[used]:
            who = definitions[user].binds[0] if definitions[user].binds else "?"
            for name in through:
                cut.append((names[group_of[user]], who, names[group_of[used]], name))
    return tuple(cut)


def _too_long(chosen: Chosen, limit: int) -> list[str]:
    """Definitions over the limit on their own: a split of the module cannot help them."""
    return [
        f"{', '.join(unit.binds)} is {unit.lines} lines on its own, over the soft limit of"
        f" {limit}: split it first (a class into mixins or strategies)"
        for unit in chosen.layout.definitions()
        if unit.lines > limit
    ]


def _notes(chosen: Chosen, stem: str) -> tuple[str, ...]:
    """Moved definitions that read `__name__` or `__file__`, which now name the new module."""
    notes: list[str] = []
    layout = chosen.layout
    for number, group in enumerate(layout.groups):
        for position in group:
            unit = layout.units[position]
            read = sorted(set(_MODULE_NAMES) & unit.uses)
            if read:
                names = ", ".join(unit.binds)
                notes.append(
                    f"{names} reads {', '.join(read)}: after the split that names"
                    f" {layout.names[number]}, no longer {stem}"
                )
    return tuple(notes)


def render_plan(chosen: Chosen, request: SplitRequest, read: tuple[bytes, str, int]) -> SplitPlan:
    """The plan: every file's path and text, the old module's read bytes to compare on write."""
    original, encoding, lines = read
    folder = os.path.dirname(request.path)
    layout = chosen.layout
    modules = tuple(
        NewModule(
            os.path.join(folder, name + ".py"),
            text,
            line_count(text),
            tuple(layout.moved_names(number)),
            number == chosen.partition.shared,
        )
        for number, (name, text) in enumerate(zip(layout.names, chosen.texts))
    )
    thin = NewModule(request.path, chosen.thin, line_count(chosen.thin), ())
    notes = (*_too_long(chosen, request.limit), *_notes(chosen, stem_of(request.path)))
    cut = _cut_uses(chosen)
    return SplitPlan(request.path, original, encoding, lines, modules, thin, cut, notes)
