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


def _uses(definitions: Sequence[Unit]) -> dict[tuple[int, int], list[str]]:
    """For each pair (user, used) of definitions, the names through which one uses the other."""
    home = {name: number for number, unit in enumerate(definitions) for name in unit.binds}
    through: dict[tuple[int, int], list[str]] = {}
    for number, unit in enumerate(definitions):
        edges = [(home[name], name) for name in sorted(unit.uses) if name in home]
        for used, name in edges:
            if used != number:
                through.setdefault((number, used), []).append(name)
    return through


def definition_graph(definitions: Sequence[Unit]) -> DefinitionGraph:
    """Nodes: the definitions in source order; (i, j): definition i uses a name j binds."""
    through = _uses(definitions)
    graph = Graph(
        sizes=tuple(unit.lines for unit in definitions),
        edges=frozenset(through),
        words=tuple(frozenset().union(*map(name_words, unit.binds)) for unit in definitions),
        roles=tuple(unit.role for unit in definitions),
    )
    return DefinitionGraph(graph, {edge: tuple(names) for edge, names in through.items()})
