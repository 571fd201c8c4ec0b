"""Which codes run on a file: select, extend-select, ignore, per-file ignores and the level.

As in flake8, the longest matching prefix decides: `select = ["ACO"]` with
`ignore = ["ACO1"]` drops ACO103, and adding `extend-select = ["ACO103"]` brings it back.
On a tie, ignore wins. Codes a quality level switches off (the docstring rules below
production) come back only when a select names them at least as precisely. With no select,
every known code is selected: ours (ACO) and each loaded plugin's family (ACL...).
"""

from __future__ import annotations

from functools import lru_cache

from acolyte_gates.config.levels import level_disabled_codes
from acolyte_gates.config.settings import Settings
from acolyte_gates.paths import matches


def _longest(code: str, prefixes: tuple[str, ...]) -> int:
    """Length of the longest prefix of `code` in `prefixes`, or -1 when none matches."""
    return max((len(p) for p in prefixes if code.startswith(p)), default=-1)


@lru_cache(maxsize=4096)
def is_enabled(
    code: str, explicit: tuple[str, ...], ignored: tuple[str, ...], level_off: tuple[str, ...]
) -> bool:
    """The decision for one code, given the selected, ignored and level-disabled prefixes."""
    selected = _longest(code, explicit)
    if selected < 0 or selected <= _longest(code, ignored):
        return False
    return _longest(code, explicit) >= _longest(code, level_off) or _longest(code, level_off) < 0


def file_ignores(settings: Settings, relpath: str) -> tuple[str, ...]:
    """Every ignored prefix for one file: the global ignore plus matching per-file ignores."""
    ignored = list(settings.ignore)
    for globs, codes in _per_file_tables(settings):
        if matches(globs, relpath):
            ignored.extend(codes)
    return tuple(ignored)


def _per_file_tables(settings: Settings) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    pairs = (*settings.per_file_ignores, *settings.extend_per_file_ignores)
    return [((glob,), codes) for glob, codes in pairs]


@lru_cache(maxsize=64)
def families(codes: tuple[str, ...]) -> tuple[str, ...]:
    """The default selection: each code's letters (ACO101 and ACO102 -> ACO), in order."""
    return tuple(dict.fromkeys(code.rstrip("0123456789") for code in codes))


def enabled_codes(settings: Settings, relpath: str, codes: tuple[str, ...]) -> tuple[str, ...]:
    """The codes among `codes` that run on the file at `relpath` (all known codes by default)."""
    explicit = (*(settings.select or ()), *settings.extend_select)
    if settings.select is None:
        explicit = (*families(codes), *explicit)
    ignored = file_ignores(settings, relpath)
    level_off = level_disabled_codes(settings.level)
    return tuple(code for code in codes if is_enabled(code, explicit, ignored, level_off))
