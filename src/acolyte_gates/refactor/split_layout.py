"""Choosing the split: partition the definitions within the budget, name the groups, measure.

The budget starts at the soft limit less room for a docstring and imports; when a rendered
module still comes out over the limit, the budget shrinks by the excess and the partition
is made again.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import libcst as cst

from acolyte_gates.refactor.layout import Layout
from acolyte_gates.refactor.naming import propose_names, unique_names
from acolyte_gates.refactor.partition import Partition, partition
from acolyte_gates.refactor.refusal import Refused
from acolyte_gates.refactor.split_graph import DefinitionGraph, definition_graph
from acolyte_gates.refactor.split_render import render_texts
from acolyte_gates.refactor.split_values import SplitRequest, line_count
from acolyte_gates.refactor.units import DEFINITION, Unit

ROOM_FOR_IMPORTS = 12
TRIES = 6
SMALLEST_BUDGET = 20


@dataclass(frozen=True)
class Chosen:
    """The split chosen: layout, graph, partition, and the rendered texts."""

    layout: Layout
    graph: DefinitionGraph
    partition: Partition
    texts: tuple[str, ...]
    thin: str


def stem_of(path: str) -> str:
    """The module name of a file path: shop.py -> shop."""
    return os.path.splitext(os.path.basename(path))[0]


def _names(
    units: Sequence[Unit], groups: Sequence[Sequence[int]], request: SplitRequest, shared: int
) -> list[str]:
    stem = stem_of(request.path)
    proposed: list[list[str]] = []
    for number, group in enumerate(groups):
        members = [units[position] for position in group]
        roles: Counter[str] = Counter()
        for unit in members:
            roles[unit.role] += unit.lines
        names = [name for unit in members for name in unit.binds]
        proposed.append(propose_names(stem, names, roles, number == shared))
    return _renamed(unique_names(proposed, {stem} | _existing(request.path)), request)


def _existing(path: str) -> set[str]:
    """Module names taken in the module's folder: its files and packages."""
    folder = os.path.dirname(os.path.abspath(path))
    return {os.path.splitext(name)[0] for name in os.listdir(folder)}


def _renamed(names: list[str], request: SplitRequest) -> list[str]:
    """The proposed names with the user's --name OLD=NEW applied, checked."""
    result = list(names)
    for old, new in request.renames:
        if old not in names:
            raise Refused(
                f"--name {old}={new}: no proposed module {old!r} (proposed: {', '.join(names)})"
            )
        if not new.isidentifier() or new == stem_of(request.path):
            raise Refused(f"--name {old}={new}: {new!r} cannot be the new module's name")
        result[names.index(old)] = new
    if len(set(result)) != len(result):
        raise Refused("--name: two new modules would have the same name; choose different names")
    return result


def check_targets(folder: str, names: Sequence[str]) -> None:
    """Refuse when a file or package of a new module's name exists already."""
    for name in names:
        for taken in (os.path.join(folder, name + ".py"), os.path.join(folder, name)):
            if os.path.exists(taken):
                raise Refused(f"{taken} exists already; choose another name with --name {name}=NEW")


@dataclass(frozen=True)
class _Inputs:
    """What every attempt at a split shares."""

    module: cst.Module
    units: tuple[Unit, ...]
    graph: DefinitionGraph
    request: SplitRequest


def _attempt(inputs: _Inputs, budget: int) -> Chosen:
    """Partition within `budget`, name the groups and render every file."""
    units, request = inputs.units, inputs.request
    positions = [i for i, unit in enumerate(units) if unit.kind == DEFINITION]
    found = partition(inputs.graph.graph, max(budget, SMALLEST_BUDGET))
    groups = tuple(tuple(positions[node] for node in group) for group in found.groups)
    folder = os.path.dirname(os.path.abspath(request.path))
    prefix = "." if os.path.exists(os.path.join(folder, "__init__.py")) else ""
    names = tuple(_names(units, groups, request, found.shared))
    layout = Layout(inputs.module, units, groups, names, prefix)
    texts, thin = render_texts(layout, stem_of(request.path))
    return Chosen(layout, inputs.graph, found, texts, thin)


def _longest_divisible(chosen: Chosen, limit: int) -> int:
    """Lines of the longest new module that holds no definition over the limit on its own:
    such a definition is no reason to cut everything else smaller."""
    layout = chosen.layout
    sizes = [
        line_count(text)
        for text, group in zip(chosen.texts, layout.groups)
        if all(layout.units[position].lines <= limit for position in group)
    ]
    return max(sizes, default=0)


def choose_layout(module: cst.Module, units: Sequence[Unit], request: SplitRequest) -> Chosen:
    """The split to make: every new module under the limit where the definitions allow."""
    graph = definition_graph([unit for unit in units if unit.kind == DEFINITION])
    inputs = _Inputs(module, tuple(units), graph, request)
    budget = request.limit - ROOM_FOR_IMPORTS
    chosen = _attempt(inputs, budget)
    for _ in range(TRIES):
        longest = _longest_divisible(chosen, request.limit)
        if longest <= request.limit or budget <= SMALLEST_BUDGET:
            break
        budget -= longest - request.limit
        chosen = _attempt(inputs, budget)
    check_targets(os.path.dirname(os.path.abspath(request.path)), chosen.layout.names)
    return chosen
