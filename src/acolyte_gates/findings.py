"""The Finding value: one problem at one place, as every front end and report sees it."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(str, enum.Enum):
    """How much a finding weighs: errors fail a run, warnings only under --strict."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Finding:
    """A problem found at a place; line and col are 1-based, as editors count them."""

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
