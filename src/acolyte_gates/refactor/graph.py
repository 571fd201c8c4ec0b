"""A directed graph of definitions (an edge: the first uses the second) and its strong components."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Graph:
    """Nodes 0..n-1 with their sizes in lines and name words; edges (user, used), no loops."""

    sizes: tuple[int, ...]
    edges: frozenset[tuple[int, int]]
    words: tuple[frozenset[str], ...] = ()
    roles: tuple[str, ...] = ()

    def successors(self) -> list[set[int]]:
        """For each node, the nodes it uses."""
        out: list[set[int]] = [set() for _ in self.sizes]
        for user, used in self.edges:
            out[user].add(used)
        return out


def strong_components(count: int, successors: Sequence[Iterable[int]]) -> list[list[int]]:
    """Tarjan's strongly connected components, without recursion, each sorted, in node order."""
    index: dict[int, int] = {}
    low: dict[int, int] = {}
    stack: list[int] = []
    on_stack: set[int] = set()
    components: list[list[int]] = []
    for root in range(count):
        if root in index:
            continue
        work = [(root, iter(successors[root]))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            _step(work, (index, low, stack, on_stack), successors, components)
    return sorted((sorted(c) for c in components), key=lambda c: c[0])


_State = tuple[dict[int, int], dict[int, int], list[int], set[int]]


def _step(
    work: list[tuple[int, Iterator[int]]],
    state: _State,
    successors: Sequence[Iterable[int]],
    components: list[list[int]],
) -> None:
    """One step of Tarjan's walk: descend to the next new successor, or finish the node."""
    index, low, stack, on_stack = state
    node, children = work[-1]
    for child in children:
        if child not in index:
            index[child] = low[child] = len(index)
            stack.append(child)
            on_stack.add(child)
            work.append((child, iter(successors[child])))
            return
        if child in on_stack:
            low[node] = min(low[node], index[child])
    work.pop()
    if work:
        low[work[-1][0]] = min(low[work[-1][0]], low[node])
    if low[node] == index[node]:
        component = []
        while True:
            member = stack.pop()
            on_stack.discard(member)
            component.append(member)
            if member == node:
                break
        components.append(component)
