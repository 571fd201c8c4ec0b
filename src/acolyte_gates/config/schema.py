"""The [tool.acolyte-gates] schema: every key, its converter, and where its value goes."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from acolyte_gates.config import convert as cv
from acolyte_gates.config.codes import check_codes, shown_path
from acolyte_gates.config.levels import Level
from acolyte_gates.config.settings import (
    GATE_TOOLS,
    Count,
    Limits,
    Override,
    Settings,
)
from acolyte_gates.errors import ConfigError

LIMIT_KEYS: dict[str, cv.Converter] = {
    "max-module-lines": cv.to_int(1),
    "warn-module-lines": cv.to_int(1),
    "max-class-lines": cv.to_int(1),
    "max-function-lines": cv.to_int(1),
    "warn-function-lines": cv.to_int(1),
    "max-parameters": cv.to_int(0),
    "max-complexity": cv.to_int(1),
    "max-nesting": cv.to_int(1),
    "max-cognitive": cv.to_int(0),
    "count": lambda value, where: Count(cv.to_choice(("physical", "code"))(value, where)),
}


LIMIT_HELP: tuple[tuple[str, str], ...] = (
    ("max-module-lines", "Most physical lines a module may have (ACO101)."),
    ("warn-module-lines", "Module length that draws a warning (ACO111)."),
    ("max-class-lines", "Most lines a class may span (ACO102)."),
    ("max-function-lines", "Most lines a function may span (ACO103)."),
    ("warn-function-lines", "Function length that draws a warning (ACO113)."),
    ("max-parameters", "Most parameters a function may take (ACO104)."),
    ("max-complexity", "Highest cyclomatic complexity allowed (ACO105)."),
    ("max-nesting", "Deepest nesting of control blocks allowed (ACO106)."),
    ("max-cognitive", "Highest cognitive complexity allowed (ACO107)."),
)
"""The numeric limits with their help texts, for the command-line options of both front ends."""


def _code_table(value: object, where: str) -> object:
    """A per-file-ignores table: gitignore-style glob -> list of codes."""
    table = cv.to_table(cv.to_code_list)(value, where)
    for glob in value if isinstance(value, dict) else ():
        cv.check_glob(str(glob), where)
    return table


SETTINGS_KEYS: dict[str, cv.Converter] = {
    "level": lambda value, where: Level(
        cv.to_choice(tuple(lv.value for lv in Level))(value, where)
    ),
    "select": cv.to_code_list,
    "ignore": cv.to_code_list,
    "extend-select": cv.to_code_list,
    "per-file-ignores": _code_table,
    "extend-per-file-ignores": _code_table,
    "exclude": cv.to_glob_list,
    "extend-exclude": cv.to_glob_list,
    "docstring-style": cv.to_choice(("google", "numpy")),
    "allow-todo-with-issue": cv.to_bool,
    "min-duplicate-lines": cv.to_int(0),
    "duplicates-across-files": cv.to_bool,
}

RUN_KEYS: dict[str, cv.Converter] = {
    "gates": cv.to_str_list,
    "skip": cv.to_str_list,
    "paths": cv.to_str_list,
    "timeout": cv.to_seconds,
    "timeouts": cv.to_table(cv.to_seconds),
    "args": cv.to_table(cv.to_str_list),
    "coverage-source": cv.to_str,
    "coverage-bar": cv.to_percent,
    "bandit-severity": cv.to_choice(("low", "medium", "high")),
    **{gate: cv.to_choice(("auto", *tools)) for gate, tools in GATE_TOOLS.items()},
}

HOOK_KEYS: dict[str, cv.Converter] = {
    "gates": cv.to_str_list,
    "fix": cv.to_bool,
}

SUBTABLES = ("overrides", "run", "hook", "plugins")


def _field(key: str) -> str:
    return key.replace("-", "_")


def _convert(table: dict[str, Any], keys: dict[str, cv.Converter], where: str) -> dict[str, Any]:
    """Check a table against a schema and return dataclass field values."""
    cv.unknown_keys(table, keys, where)
    return {_field(k): keys[k](v, f"{where} {k}") for k, v in table.items()}


def _overrides(value: object, where: str) -> tuple[Override, ...]:
    """[[tool.acolyte-gates.overrides]]: a list of tables, each with paths and limits."""
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise ConfigError(f"{where} must be an array of tables ([[...overrides]])")
    result = []
    for index, item in enumerate(value):
        place = f"{where}[{index}]"
        if "paths" not in item:
            raise ConfigError(f"{place} needs a 'paths' list of globs")
        rest = {k: v for k, v in item.items() if k != "paths"}
        values = _convert(rest, LIMIT_KEYS, place)
        result.append(
            Override(cv.to_glob_list(item["paths"], f"{place} paths"), tuple(values.items()))
        )
    return tuple(result)


def apply_table(base: Settings, table: dict[str, Any], path: str) -> Settings:
    """Settings `base` updated with the [tool.acolyte-gates] table of file `path`."""
    top = f"{path}: [tool.acolyte-gates]"
    cv.unknown_keys(table, {*LIMIT_KEYS, *SETTINGS_KEYS, *SUBTABLES}, top)
    limits = _convert({k: v for k, v in table.items() if k in LIMIT_KEYS}, LIMIT_KEYS, top)
    others = _convert({k: v for k, v in table.items() if k in SETTINGS_KEYS}, SETTINGS_KEYS, top)
    check_named_codes(others, shown_path(path))
    changes: dict[str, Any] = {**others, "limits": dataclasses.replace(base.limits, **limits)}
    if "overrides" in table:
        changes["overrides"] = _overrides(
            table["overrides"], f"{path}: [[tool.acolyte-gates.overrides]]"
        )
    if "plugins" in table:
        changes["plugins"] = _plugin_tables(
            table["plugins"], f"{path}: [tool.acolyte-gates.plugins"
        )
    for name, keys in (("run", RUN_KEYS), ("hook", HOOK_KEYS)):
        if name in table:
            changes[name] = _subtable(
                getattr(base, name), table[name], keys, f"{path}: [tool.acolyte-gates.{name}]"
            )
    return dataclasses.replace(base, **changes)


def check_named_codes(values: dict[str, Any], source: str) -> None:
    """Every code in the code settings among `values` (field names) names a rule."""
    for name in ("select", "extend_select", "ignore"):
        check_codes(values.get(name) or (), f"{name.replace('_', '-')} ({source})")
    for name in ("per_file_ignores", "extend_per_file_ignores"):
        for glob, codes in values.get(name, ()):
            check_codes(codes, f"{name.replace('_', '-')} {glob!r} ({source})")


def _subtable(current: Any, value: object, keys: dict[str, cv.Converter], where: str) -> Any:
    """A nested table such as [tool.acolyte-gates.run], applied over its current values."""
    if not isinstance(value, dict):
        raise ConfigError(f"{where} must be a table")
    return dataclasses.replace(current, **_convert(value, keys, where))


def with_limits(settings: Settings, given: Iterable[tuple[str, object]], prefix: str) -> Settings:
    """Settings with limits given as options (`--max-function-lines 40`), checked as the config's.

    `prefix` is how the options are spelt on the command line: `--` or flake8's `--aco-`.
    """
    values: dict[str, Any] = {
        key.replace("-", "_"): LIMIT_KEYS[key](value, f"{prefix}{key}") for key, value in given
    }
    if not values:
        return settings
    return dataclasses.replace(settings, limits=dataclasses.replace(settings.limits, **values))


def _plugin_tables(value: object, where: str) -> tuple[tuple[str, Any], ...]:
    """[tool.acolyte-gates.plugins.NAME] tables, each checked against that plugin's options.

    Only a project that configures a plugin loads the plugins here (the registry imports
    them). A table for a plugin that is not installed is left alone, as pytest and flake8
    leave options of absent plugins (a project may configure a plugin some of its developers
    have not installed), unless its name is close to an installed plugin's: then it is a typo.
    """
    from acolyte_gates.registry import current

    if not isinstance(value, dict):
        raise ConfigError(f"{where}] must be a table of plugin tables")
    registry = current()
    loaded = sorted({p.plugin.name for p in registry.plugins[1:]})
    tables = []
    for name, table in sorted(value.items()):
        place = f"{where}.{name}]"
        declared = registry.options_declared(name) if name in loaded else None
        if declared is not None:
            tables.append((name, declared.check_table(table, place)))
        elif cv.closest(name, loaded):
            raise ConfigError(f"{place}: no plugin {name!r} is installed{cv.closest(name, loaded)}")
    return tuple(tables)


def limits_for(settings: Settings, matches: list[bool]) -> Limits:
    """The limits for one file, given which overrides match it (last match wins, key by key)."""
    limits = settings.limits
    for override, hit in zip(settings.overrides, matches):
        if hit:
            values: dict[str, Any] = dict(override.values)
            limits = dataclasses.replace(limits, **values)
    return limits
