"""A small online bookshop: one module grown too long, kept as a sample for `split`."""

from bookshop.app import create_app

__version__ = "0.4.0"
__all__ = ["create_app"]
