"""Command-line overrides, applied last over the pyproject settings."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from acolyte_gates.config.convert import to_code_list
from acolyte_gates.config.levels import Level
from acolyte_gates.config.settings import Settings


@dataclass(frozen=True)
class CliOverrides:
    """What the command line may change; None means 'as configured'."""

    select: str | None = None
    ignore: str | None = None
    extend_select: str | None = None
    level: str | None = None


def _codes(value: str, flag: str) -> tuple[str, ...]:
    """A comma-separated list of codes, as flake8 takes them on the command line."""
    items = [item.strip() for item in value.split(",") if item.strip()]
    return to_code_list(items, flag)


def apply_overrides(settings: Settings, overrides: CliOverrides) -> Settings:
    """Settings with the command line's values in place of the configured ones."""
    changes: dict[str, Any] = {}
    if overrides.select is not None:
        changes["select"] = _codes(overrides.select, "--select")
    if overrides.ignore is not None:
        changes["ignore"] = _codes(overrides.ignore, "--ignore")
    if overrides.extend_select is not None:
        changes["extend_select"] = _codes(overrides.extend_select, "--extend-select")
    if overrides.level is not None:
        changes["level"] = Level(overrides.level)
    return dataclasses.replace(settings, **changes)
