"""Split planning as a pure graph partition: definitions in, groups of definitions out.

1. Definitions that use each other in a cycle form one block (a cycle between modules
   would fail at import time); every later step moves whole blocks.
2. Cohesion: blocks are merged greedily by modularity gain (the edges between two
   clusters against what their degrees would give by chance), so tightly connected
   definitions come together and widely used ones do not swallow everything.
3. Shared: definitions used from two or more groups (their own counted) move, with all
   they use, into one shared module at the bottom of the import graph, as far as it fits.
4. Packing: small groups join the group they are most connected to (else the one sharing
   the most name words, the same kind of definition, the nearest in the file).

Every merge keeps a group within the budget of lines and the groups' import graph acyclic.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from acolyte_gates.refactor.clusters import Clusters
from acolyte_gates.refactor.graph import Graph, strong_components

SMALL_PART = 3
"""A group under budget / SMALL_PART lines is small: packing tries to merge it."""


@dataclass(frozen=True)
class Partition:
    """Groups of node ids (each sorted, groups ordered by first node); `shared`: its index or -1."""

    groups: tuple[tuple[int, ...], ...]
    shared: int = -1


def _degrees(weights: Counter[tuple[int, int]]) -> Counter[int]:
    """Each cluster's number of edges to other clusters."""
    degree: Counter[int] = Counter()
    for (a, b), weight in weights.items():
        degree[a] += weight
        degree[b] += weight
    return degree


def _ranked_pairs(clusters: Clusters, total: int) -> list[tuple[int, int]]:
    """Pairs of clusters with a positive modularity gain, best first: a pair's share of the
    edges, minus the share that their degrees would give it by chance. Of equal gains the
    smaller merge comes first, so that a cluster does not grab a neighbour's member early."""
    weights = clusters.weights()
    degree = _degrees(weights)
    gains = {
        pair: weight / total - degree[pair[0]] * degree[pair[1]] / (2 * total * total)
        for pair, weight in weights.items()
    }
    size = clusters.size
    return sorted(
        (pair for pair, gain in gains.items() if gain > 0),
        key=lambda p: (-round(gains[p], 12), size(p[0]) + size(p[1]), p),
    )


def _cohesion(clusters: Clusters) -> None:
    """Merge the pair with the best positive modularity gain until none can be merged."""
    total = len(clusters.graph.edges)
    while total:
        ranked = _ranked_pairs(clusters, total)
        pair = next((p for p in ranked if clusters.can_merge(*p)), None)
        if pair is None:
            return
        clusters.merge(*pair)


def _closure(graph: Graph, start: set[int]) -> set[int]:
    """The nodes and everything they use, transitively."""
    successors = graph.successors()
    seen, stack = set(start), list(start)
    while stack:
        for used in successors[stack.pop()]:
            if used not in seen:
                seen.add(used)
                stack.append(used)
    return seen


def _wanted_shared(clusters: Clusters) -> list[int]:
    """Nodes used from two or more clusters (their own counted), most widely used first."""
    users: dict[int, set[int]] = {}
    for user, used in clusters.graph.edges:
        users.setdefault(used, set()).add(clusters.owner[user])
    wanted = [node for node, groups in users.items() if len(groups) >= 2]
    return sorted(wanted, key=lambda node: (-len(users[node]), node))


def _shared(clusters: Clusters) -> int:
    """Move nodes used by several clusters, with all they use, to a new cluster if it fits."""
    moved: set[int] = set()
    for node in _wanted_shared(clusters):
        grown = _closure(clusters.graph, moved | {node})
        if sum(clusters.graph.sizes[n] for n in grown) <= clusters.budget:
            moved = grown
    if not moved or len(moved) == len(clusters.graph.sizes):
        return -1
    cid = max(clusters.members) + 1
    for node in moved:
        clusters.members[clusters.owner[node]].discard(node)
        clusters.owner[node] = cid
    clusters.members = {c: m for c, m in clusters.members.items() if m}
    clusters.members[cid] = moved
    return cid


def _affinity(
    clusters: Clusters, a: int, b: int, weights: dict[tuple[int, int], int]
) -> tuple[int, int, int, int]:
    """How well b suits a: edges between them, shared name words, same main role, nearness."""
    words = sum((clusters.words(a) & clusters.words(b)).values())
    role_a, role_b = (clusters.roles(c).most_common(1)[0][0] for c in (a, b))
    distance = abs(clusters.first(a) - clusters.first(b))
    return weights.get((min(a, b), max(a, b)), 0), words, int(role_a == role_b), -distance


def _pack(clusters: Clusters, shared: int) -> None:
    """Merge each small cluster, smallest first, into the cluster that suits it best."""
    small = clusters.budget // SMALL_PART
    for cid in sorted(clusters.members, key=lambda c: (clusters.size(c), c)):
        if cid == shared or cid not in clusters.members or clusters.size(cid) >= small:
            continue
        weights = clusters.weights()
        partners = [
            other
            for other in clusters.members
            if other not in (cid, shared) and clusters.can_merge(cid, other)
        ]
        if partners:
            best = max(partners, key=lambda other: _affinity(clusters, cid, other, weights))
            clusters.merge(best, cid)


def partition(graph: Graph, budget: int) -> Partition:
    """Groups of nodes, each within `budget` lines where a block allows, cutting few edges."""
    components = strong_components(len(graph.sizes), graph.successors())
    clusters = Clusters.of(graph, budget, components)
    _cohesion(clusters)
    shared = _shared(clusters)
    _pack(clusters, shared)
    order = sorted(clusters.members, key=clusters.first)
    groups = tuple(tuple(sorted(clusters.members[cid])) for cid in order)
    return Partition(groups, order.index(shared) if shared in order else -1)
