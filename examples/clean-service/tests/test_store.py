"""The store keeps stock honest: no overselling, holds released, shipping."""

import pytest

from clean_service import Item, OutOfStock, Store, UnknownItem

MUG = Item("MUG-1", "Mug", 850)


def stocked(units: int) -> Store:
    store = Store()
    store.add(MUG, units)
    return store


def test_reserving_holds_units() -> None:
    store = stocked(5)
    store.reserve("o1", "MUG-1", 3)
    assert store.free("MUG-1") == 2


def test_cannot_reserve_more_than_is_free() -> None:
    store = stocked(2)
    with pytest.raises(OutOfStock):
        store.reserve("o1", "MUG-1", 3)


def test_release_frees_an_orders_units() -> None:
    store = stocked(4)
    store.reserve("o1", "MUG-1", 3)
    assert store.release("o1") == 3
    assert store.free("MUG-1") == 4


def test_shipping_takes_stock_and_returns_value() -> None:
    store = stocked(4)
    store.reserve("o1", "MUG-1", 2)
    assert store.ship("o1") == 1700
    assert store.free("MUG-1") == 2


def test_unknown_item_and_negative_stock_are_refused() -> None:
    store = stocked(1)
    with pytest.raises(UnknownItem):
        store.free("PLATE-9")
    with pytest.raises(ValueError):
        store.add(MUG, -1)
