"""Clusters of graph nodes being merged: sizes, weights between clusters, and the merge rules.

A merge must keep each cluster within the budget of lines and keep the graph of clusters
free of cycles (modules that import each other at import time break).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from acolyte_gates.refactor.graph import Graph


@dataclass
class Clusters:
    """The current clusters (by id), with what merging needs, kept up to date."""

    graph: Graph
    budget: int
    members: dict[int, set[int]] = field(default_factory=dict)
    owner: dict[int, int] = field(default_factory=dict)

    @classmethod
    def of(cls, graph: Graph, budget: int, components: list[list[int]]) -> Clusters:
        """One cluster per strong component: those must stay together."""
        clusters = cls(graph, budget)
        for cid, component in enumerate(components):
            clusters.members[cid] = set(component)
            clusters.owner.update((node, cid) for node in component)
        return clusters

    def size(self, cid: int) -> int:
        """The cluster's lines."""
        return sum(self.graph.sizes[node] for node in self.members[cid])

    def first(self, cid: int) -> int:
        """The cluster's first node in source order."""
        return min(self.members[cid])

    def weights(self) -> Counter[tuple[int, int]]:
        """Edges between clusters, counted once per pair of nodes, keyed (smaller id, larger id)."""
        counts: Counter[tuple[int, int]] = Counter()
        for user, used in self.graph.edges:
            a, b = self.owner[user], self.owner[used]
            if a != b:
                counts[(min(a, b), max(a, b))] += 1
        return counts

    def cluster_successors(self) -> dict[int, set[int]]:
        """For each cluster, the clusters it uses."""
        out: dict[int, set[int]] = {cid: set() for cid in self.members}
        for user, used in self.graph.edges:
            a, b = self.owner[user], self.owner[used]
            if a != b:
                out[a].add(b)
        return out

    def _reaches(self, start: int, goal: int, successors: dict[int, set[int]]) -> bool:
        """Whether `goal` is reachable from `start` through at least one other cluster."""
        seen = {start, goal}
        stack = [c for c in successors[start] if c != goal]
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            if goal in successors[current]:
                return True
            stack.extend(successors[current])
        return False

    def can_merge(self, a: int, b: int) -> bool:
        """Whether a and b fit the budget together and merging them makes no cycle."""
        if self.size(a) + self.size(b) > self.budget:
            return False
        successors = self.cluster_successors()
        return not (self._reaches(a, b, successors) or self._reaches(b, a, successors))

    def merge(self, a: int, b: int) -> int:
        """Merge b into a; returns a."""
        for node in self.members.pop(b):
            self.owner[node] = a
            self.members[a].add(node)
        return a

    def words(self, cid: int) -> Counter[str]:
        """How many nodes of the cluster carry each name word."""
        return Counter(word for node in self.members[cid] for word in self.graph.words[node])

    def roles(self, cid: int) -> Counter[str]:
        """Lines of the cluster per role (class, function, route, constant)."""
        counts: Counter[str] = Counter()
        for node in self.members[cid]:
            counts[self.graph.roles[node]] += self.graph.sizes[node]
        return counts
