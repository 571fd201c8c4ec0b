"""Split planning as a pure graph partition, on graphs whose best partition is plain to see."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from acolyte_gates.refactor.graph import Graph, strong_components
from acolyte_gates.refactor.naming import name_words, propose_names, unique_names
from acolyte_gates.refactor.partition import partition


def graph(sizes: list[int], edges: set[tuple[int, int]], words: list[str] | None = None) -> Graph:
    names = words or [""] * len(sizes)
    return Graph(
        tuple(sizes),
        frozenset(edges),
        tuple(frozenset(w.split()) for w in names),
        tuple("function" for _ in sizes),
    )


# Two triangles of 40-line functions joined by one use (2 -> 3): with a budget of 130
# lines a triangle (120) fits and both together (240) do not; the best cut is that one edge.
TRIANGLES = {(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)}


def test_two_tight_clusters_are_cut_at_their_one_link() -> None:
    found = partition(graph([40] * 6, TRIANGLES), 130)
    assert found.groups == ((0, 1, 2), (3, 4, 5)) and found.shared == -1


def test_a_helper_used_by_both_clusters_goes_to_a_shared_module() -> None:
    # Node 6 (10 lines) is used by 0 (first triangle) and 3 (second triangle).
    found = partition(graph([40] * 6 + [10], TRIANGLES | {(0, 6), (3, 6)}), 130)
    assert found.groups == ((0, 1, 2), (3, 4, 5), (6,)) and found.shared == 2


def test_shared_takes_along_what_the_shared_definition_uses() -> None:
    # 6 is shared and uses 7, which only 6 uses: 7 must come along (no import cycle).
    edges = TRIANGLES | {(0, 6), (3, 6), (6, 7)}
    found = partition(graph([40] * 6 + [10, 5], edges), 130)
    assert found.groups[found.shared] == (6, 7)


def test_definitions_in_a_cycle_stay_together() -> None:
    # 0 <-> 3 use each other: whatever else happens, they share a module.
    found = partition(graph([40] * 6, TRIANGLES - {(2, 3)} | {(0, 3), (3, 0)}), 130)
    home = {node: n for n, group in enumerate(found.groups) for node in group}
    assert home[0] == home[3]


def test_no_two_groups_use_each_other() -> None:
    edges = TRIANGLES | {(5, 0)}  # 2 -> 3 and 5 -> 0: merging would be a cycle between modules
    found = partition(graph([40] * 6, edges), 130)
    home = {node: n for n, group in enumerate(found.groups) for node in group}
    crossing = {(home[a], home[b]) for a, b in edges if home[a] != home[b]}
    assert not any((b, a) in crossing for a, b in crossing)


def test_small_unconnected_definitions_join_the_group_sharing_their_name_words() -> None:
    # 0-2 are about orders and connected; 3-5 about books; 6 and 7 are lone constants whose
    # names say where they belong.
    words = ["order", "order", "order", "book", "book", "book", "book", "order"]
    edges = {(0, 1), (1, 2), (3, 4), (4, 5)}
    found = partition(graph([30] * 6 + [3, 3], edges, words), 120)
    assert found.groups == ((0, 1, 2, 7), (3, 4, 5, 6))


def test_strong_components_without_recursion_on_a_long_chain() -> None:
    count = 5000
    successors = [[n + 1] if n + 1 < count else [0] for n in range(count)]
    assert strong_components(count, successors) == [list(range(count))]


def test_module_names_come_from_the_definitions() -> None:
    assert name_words("OrderLines") == {"order", "line"}
    assert name_words("get_all_items") == set()
    names = ["create_order", "delete_order", "OrderLine"]
    routes = propose_names("shop", names, Counter({"route": 30, "class": 5}), False)
    assert routes == ["orders_routes", "lines_routes", "shop_routes"]
    assert propose_names("shop", names, Counter({"class": 30}), False)[0] == "orders_models"
    assert propose_names("shop", ["get"], Counter({"function": 3}), False) == ["shop_services"]
    assert propose_names("shop", names, Counter(), True) == ["shop_shared"]


def test_a_taken_name_gives_way_to_the_next_candidate_then_to_a_number() -> None:
    both = ["orders_models", "lines_models"]
    candidates = [both, both, ["a"], ["class"], ["a"]]
    assert unique_names(candidates, {"shop"}) == [
        "orders_models",
        "lines_models",
        "a",
        "m_class",
        "a_2",
    ]


KNOWN = '''"""Orders and books, and one helper both use."""


def money(value: float) -> str:
    return f"{value:.2f}"


def order_total(prices: list[float]) -> float:
    return sum(prices)


def order_line(prices: list[float]) -> str:
    return money(order_total(prices))


def order_report(orders: list[list[float]]) -> list[str]:
    return [order_line(prices) for prices in orders]


def book_price(base: float) -> float:
    return base * 1.07


def book_label(title: str, base: float) -> str:
    return title + " " + money(book_price(base))


def book_list(books: dict[str, float]) -> list[str]:
    return [book_label(title, base) for title, base in books.items()]
'''


def test_a_module_with_two_clusters_and_a_shared_helper_splits_along_them(tmp_path: Path) -> None:
    from acolyte_gates.refactor.split_plan import plan_split
    from acolyte_gates.refactor.split_values import SplitRequest

    (tmp_path / "__init__.py").write_text("")
    path = tmp_path / "shop.py"
    path.write_text(KNOWN)
    # 31 lines, 4 a function: with a limit of 30 less 12 for imports, one cluster (12) fits, both do not.
    plan = plan_split(SplitRequest(str(path), 30))
    found = {Path(m.path).stem: m.names for m in plan.modules}
    assert found == {
        "shop_shared": ("money",),
        "orders_services": ("order_total", "order_line", "order_report"),
        "books_services": ("book_price", "book_label", "book_list"),
    }
    assert [m.shared for m in plan.modules].count(True) == 1
    assert sorted({(a, b) for a, _, b, _ in plan.cut}) == [
        ("books_services", "shop_shared"),
        ("orders_services", "shop_shared"),
    ]
