"""Quality levels: one word that sets the bars of the docstring rules and the coverage gate."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Level(str, enum.Enum):
    """The standard's quality levels, from the loosest to the strictest."""

    MVP = "mvp"
    PRODUCTION = "production"
    ENTERPRISE = "enterprise"
    HYPERSCALE = "hyperscale"


@dataclass(frozen=True)
class LevelBars:
    """What a level asks: the coverage bar, which docstring rules apply, and mypy --strict."""

    coverage: int
    docstrings: bool
    docstring_sections: bool
    private_docstrings: bool
    strict_types: bool = True


LEVEL_BARS: dict[Level, LevelBars] = {
    Level.MVP: LevelBars(
        60,
        docstrings=False,
        docstring_sections=False,
        private_docstrings=False,
        strict_types=False,
    ),
    Level.PRODUCTION: LevelBars(
        85, docstrings=True, docstring_sections=False, private_docstrings=False
    ),
    Level.ENTERPRISE: LevelBars(
        95, docstrings=True, docstring_sections=True, private_docstrings=False
    ),
    Level.HYPERSCALE: LevelBars(
        99, docstrings=True, docstring_sections=True, private_docstrings=True
    ),
}


def level_disabled_codes(level: Level) -> tuple[str, ...]:
    """Codes a level switches off by default (an explicit select still turns them on)."""
    bars = LEVEL_BARS[level]
    if not bars.docstrings:
        return ("ACO3",)
    if not bars.docstring_sections:
        return ("ACO304",)
    return ()
