"""Converters from raw TOML values to typed values, each failing with a one-line ConfigError."""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable, Iterable

import pathspec

from acolyte_gates.errors import ConfigError

Converter = Callable[[object, str], object]


def closest(key: str, valid: Iterable[str]) -> str:
    """A ' did you mean ...?' hint for a misspelt key, or '' when nothing is close."""
    matches = difflib.get_close_matches(key, sorted(valid), n=1, cutoff=0.5)
    return f"; did you mean '{matches[0]}'?" if matches else ""


def unknown_keys(table: dict[str, object], valid: Iterable[str], where: str) -> None:
    """Raise for the first key of a table that the schema does not know."""
    known = set(valid)
    for key in table:
        if key not in known:
            raise ConfigError(f"{where} has an unknown key '{key}'{closest(key, known)}")


def to_int(minimum: int) -> Converter:
    """An integer of at least `minimum` (TOML booleans are refused, though Python calls them ints)."""

    def convert(value: object, where: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise ConfigError(f"{where} must be an integer >= {minimum}, got {value!r}")
        return value

    return convert


def to_number(value: object, where: str) -> float:
    """A positive finite number (TOML's inf and nan are refused)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value < math.inf:
        raise ConfigError(f"{where} must be a positive number, got {value!r}")
    return float(value)


def to_bounded(most: float, unit: str) -> Converter:
    """A finite number above 0 and at most `most` (TOML's inf and nan are refused)."""

    def convert(value: object, where: str) -> float:
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or not 0 < value <= most  # false for nan too
        ):
            raise ConfigError(
                f"{where} must be a number of {unit} above 0 and at most {most:g}, got {value!r}"
            )
        return float(value)

    return convert


MAX_TIMEOUT = 86_400.0
"""A day: longer is a typo (1e300 and inf overflow the process timers) and no CI waits that long."""

to_seconds = to_bounded(MAX_TIMEOUT, "seconds")
to_percent = to_bounded(100.0, "percent")


def to_bool(value: object, where: str) -> bool:
    """A TOML boolean, true or false."""
    if not isinstance(value, bool):
        raise ConfigError(f"{where} must be true or false, got {value!r}")
    return value


def to_choice(choices: tuple[str, ...]) -> Converter:
    """One string out of a fixed set."""

    def convert(value: object, where: str) -> str:
        if value not in choices:
            raise ConfigError(f"{where} must be one of {', '.join(choices)}, got {value!r}")
        return str(value)

    return convert


def to_str(value: object, where: str) -> str:
    """Any non-empty string."""
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{where} must be a non-empty string, got {value!r}")
    return value


def to_str_list(value: object, where: str) -> tuple[str, ...]:
    """A TOML list of strings (a bare string is refused: it is a common typo for a list)."""
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{where} must be a list of strings, got {value!r}")
    return tuple(value)


def to_glob_list(value: object, where: str) -> tuple[str, ...]:
    """A list of gitignore-style globs, each one that git's syntax and a regex accept."""
    globs = to_str_list(value, where)
    for glob in globs:
        check_glob(glob, where)
    return globs


def check_glob(glob: str, where: str) -> None:
    """Refuse a glob that cannot be compiled ('!' alone, a range such as [z-a])."""
    try:
        pathspec.GitIgnoreSpec.from_lines([glob])
    except (ValueError, re.error) as error:
        raise ConfigError(f"{where}: {glob!r} is not a valid glob ({error})") from error


def to_code_list(value: object, where: str) -> tuple[str, ...]:
    """A list of rule codes or code prefixes, such as ["ACO1", "ACO301"]."""
    codes = to_str_list(value, where)
    for code in codes:
        if not code.isalnum() or not code[:1].isalpha():
            raise ConfigError(f"{where}: {code!r} is not a rule code or code prefix")
    return tuple(code.upper() for code in codes)


def to_table(item: Converter) -> Converter:
    """A TOML table whose values all convert with `item`, kept as sorted pairs."""

    def convert(value: object, where: str) -> tuple[tuple[str, object], ...]:
        if not isinstance(value, dict):
            raise ConfigError(f"{where} must be a table, got {value!r}")
        return tuple(sorted((str(k), item(v, f"{where}.{k}")) for k, v in value.items()))

    return convert
