"""Command-line overrides, applied last over the pyproject settings."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from acolyte_gates.config import cli_values
from acolyte_gates.config.codes import check_codes
from acolyte_gates.config.levels import Level
from acolyte_gates.config.schema import with_limits
from acolyte_gates.config.settings import Settings


@dataclass(frozen=True)
class CliOverrides:
    """What the command line may change; None (or no limits) means 'as configured'."""

    select: str | None = None
    ignore: str | None = None
    extend_select: str | None = None
    level: str | None = None
    extend_ignore: str | None = None
    per_file_ignores: str | None = None
    exclude: str | None = None
    extend_exclude: str | None = None
    limits: tuple[tuple[str, int], ...] = ()


def _code_changes(settings: Settings, overrides: CliOverrides) -> dict[str, Any]:
    """select, ignore, extend-select and extend-ignore, each code checked against the rules."""
    changes: dict[str, Any] = {}
    for name in ("select", "ignore", "extend_select"):
        value = getattr(overrides, name)
        if value is not None:
            flag = "--" + name.replace("_", "-")
            changes[name] = cli_values.codes(value, flag)
            check_codes(changes[name], flag)
    if overrides.extend_ignore is not None:
        extra = cli_values.codes(overrides.extend_ignore, "--extend-ignore")
        check_codes(extra, "--extend-ignore")
        changes["ignore"] = (*changes.get("ignore", settings.ignore), *extra)
    if overrides.per_file_ignores is not None:
        table = cli_values.per_file_ignores(overrides.per_file_ignores)
        for glob, codes in table:
            check_codes(codes, f"--per-file-ignores {glob!r}")
        changes["per_file_ignores"] = table
    return changes


def _exclude_changes(settings: Settings, overrides: CliOverrides) -> dict[str, Any]:
    """--exclude replaces `exclude` (the defaults too), --extend-exclude adds, as in flake8."""
    changes: dict[str, Any] = {}
    if overrides.exclude is not None:
        changes["exclude"] = cli_values.globs_from_cwd(
            overrides.exclude, settings.root, "--exclude"
        )
    if overrides.extend_exclude is not None:
        extra = cli_values.globs_from_cwd(
            overrides.extend_exclude, settings.root, "--extend-exclude"
        )
        changes["extend_exclude"] = (
            *changes.get("extend_exclude", settings.extend_exclude),
            *extra,
        )
    return changes


def apply_overrides(settings: Settings, overrides: CliOverrides) -> Settings:
    """Settings with the command line's values in place of the configured ones."""
    changes: dict[str, Any] = {
        **_code_changes(settings, overrides),
        **_exclude_changes(settings, overrides),
    }
    if overrides.level is not None:
        changes["level"] = Level(overrides.level)
    return with_limits(dataclasses.replace(settings, **changes), overrides.limits, "--")
