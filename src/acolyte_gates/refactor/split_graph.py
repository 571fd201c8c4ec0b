"""The graph split planning works on: one node per definition unit, an edge per name it uses."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from acolyte_gates.refactor.graph import Graph
from acolyte_gates.refactor.naming import name_words
from acolyte_gates.refactor.units import Unit


@dataclass(frozen=True)
class DefinitionGraph:
    """The graph, and for each edge the names through which the user reaches the used."""

    graph: Graph
    through: dict[tuple[int, int], tuple[str, ...]]


def definition_graph(definitions: Sequence[Unit]) -> DefinitionGraph:
    """Nodes: the definitions in source order; (i, j): definition i uses a name j binds."""
    home = {name: number for number, unit in enumerate(definitions) for name in unit.binds}
    through: dict[tuple[int, int], list[str]] = {}
    for number, unit in enumerate(definitions):
        for name in sorted(unit.uses):
            used = home.get(name)
            if used is not None and used != number:
                through.setdefault((number, used), []).append(name)
    graph = Graph(
        sizes=tuple(unit.lines for unit in definitions),
        edges=frozenset(through),
        words=tuple(frozenset().union(*map(name_words, unit.binds)) for unit in definitions),
        roles=tuple(unit.role for unit in definitions),
    )
    return DefinitionGraph(graph, {edge: tuple(names) for edge, names in through.items()})
