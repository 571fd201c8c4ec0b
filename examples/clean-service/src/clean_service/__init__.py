"""A stock service: items, reservations and the rules that keep stock honest."""

from clean_service.models import Item, Reservation
from clean_service.store import OutOfStock, Store, UnknownItem

__all__ = ["Item", "OutOfStock", "Reservation", "Store", "UnknownItem"]
