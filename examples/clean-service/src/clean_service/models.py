"""Values the stock service passes around: items and reservations."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Item:
    """A product the warehouse keeps, with its unit price in cents."""

    sku: str
    name: str
    price_cents: int


@dataclass(frozen=True)
class Reservation:
    """Units of one item held for an order until it ships or is released."""

    order_id: str
    sku: str
    quantity: int

    def total_cents(self, item: Item) -> int:
        """The reservation's value at the item's price.

        Args:
            item: the reserved item, for its price.

        Returns:
            The value in cents.
        """
        return self.quantity * item.price_cents
