"""The Finding value: one problem at one place, as every front end and report sees it."""

from __future__ import annotations

import enum
from typing import NamedTuple

# The code of a finding that says a rule crashed on the file (the engine makes it, no rule).
INTERNAL_ERROR = "ACO002"


class Severity(str, enum.Enum):
    """How much a finding weighs: errors fail a run, warnings only under --strict."""

    ERROR = "error"
    WARNING = "warning"


class Finding(NamedTuple):
    """A problem found at a place; line and col are 1-based, as editors count them.

    An immutable value like a frozen dataclass, but a NamedTuple: a warm run rebuilds tens
    of thousands of findings from the cache, and a tuple is built and sorted several times
    faster than a dataclass instance.
    """

    path: str
    line: int
    col: int
    code: str
    message: str
    name: str = ""
    severity: Severity = Severity.ERROR
    origin: str = "aco"

    @property
    def is_error(self) -> bool:
        """Whether this finding fails a run without --strict."""
        return self.severity is Severity.ERROR
