"""The stock store: how many units exist, how many are held, and for which orders."""

from __future__ import annotations

from clean_service.models import Item, Reservation


class UnknownItem(KeyError):
    """Raised when a SKU is not in the catalogue."""


class OutOfStock(ValueError):
    """Raised when a reservation asks for more units than are free."""


class Store:
    """Stock levels and reservations, kept in memory."""

    def __init__(self) -> None:
        self._items: dict[str, Item] = {}
        self._units: dict[str, int] = {}
        self._held: list[Reservation] = []

    def add(self, item: Item, units: int) -> None:
        """Put units of an item on the shelf; a new item joins the catalogue."""
        if units < 0:
            raise ValueError(f"cannot add {units} units")
        self._items[item.sku] = item
        self._units[item.sku] = self._units.get(item.sku, 0) + units

    def free(self, sku: str) -> int:
        """Units of an item that are on the shelf and not held for an order."""
        if sku not in self._items:
            raise UnknownItem(sku)
        held = sum(r.quantity for r in self._held if r.sku == sku)
        return self._units[sku] - held

    def reserve(self, order_id: str, sku: str, quantity: int) -> Reservation:
        """Hold units for an order; fails when not enough are free."""
        if quantity > self.free(sku):
            raise OutOfStock(f"{sku}: {quantity} wanted, {self.free(sku)} free")
        reservation = Reservation(order_id, sku, quantity)
        self._held.append(reservation)
        return reservation

    def release(self, order_id: str) -> int:
        """Drop every hold of an order; returns how many units became free."""
        kept = [r for r in self._held if r.order_id != order_id]
        freed = sum(r.quantity for r in self._held if r.order_id == order_id)
        self._held = kept
        return freed

    def ship(self, order_id: str) -> int:
        """Take an order's held units off the shelf; returns its value in cents."""
        value = 0
        for reservation in [r for r in self._held if r.order_id == order_id]:
            self._units[reservation.sku] -= reservation.quantity
            value += reservation.total_cents(self._items[reservation.sku])
        self.release(order_id)
        return value
