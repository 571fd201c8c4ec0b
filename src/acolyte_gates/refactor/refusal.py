"""Why a refactoring was not done: one plain sentence, raised where the problem is found."""

from __future__ import annotations


class Refused(Exception):
    """A split or a fix that cannot be done safely; the message names the problem and the way out."""
