"""Command-line values in flake8's syntax: comma lists, per-file-ignores, globs from the cwd."""

from __future__ import annotations

import os
import re
from pathlib import Path

from acolyte_gates.config.convert import check_glob, to_code_list
from acolyte_gates.errors import UsageError

_SEPARATORS = " ,\t\n"
_SPLIT = r"[\s,]+"
_PAIR = re.compile(r"(?P<globs>[^:]+?)\s*:\s*(?P<codes>(?:[A-Z][A-Z0-9]*(?:[\s,]+|$))+)")

Mapping = tuple[tuple[str, tuple[str, ...]], ...]


def comma_list(value: str) -> list[str]:
    """The items of a comma-separated option value, stripped, empty ones dropped."""
    return [item.strip() for item in value.split(",") if item.strip()]


def codes(value: str, flag: str) -> tuple[str, ...]:
    """A comma-separated list of codes, as flake8 takes them on the command line."""
    return to_code_list(comma_list(value), flag)


def per_file_ignores(value: str, flag: str = "--per-file-ignores") -> Mapping:
    """flake8's mapping `tests/*:ACO3 scripts/a.py,scripts/b.py:ACO104,ACO105` as glob -> codes."""
    text = value.strip(_SEPARATORS)
    pairs: list[tuple[str, tuple[str, ...]]] = []
    position = 0
    while position < len(text):
        found = _PAIR.match(text, position)
        if found is None:
            raise UsageError(
                f"{flag}: expected 'glob:codes' pairs such as 'tests/*:ACO3', got {value!r}"
            )
        codes = to_code_list(re.split(_SPLIT, found["codes"].strip(_SEPARATORS)), flag)
        pairs += [(glob, codes) for glob in re.split(_SPLIT, found["globs"].strip(_SEPARATORS))]
        position = found.end()
    return tuple(pairs)


def globs_from_cwd(value: str, root: str, flag: str) -> tuple[str, ...]:
    """Comma-separated globs; one with a '/' is relative to the current folder, as in flake8.

    Config globs are relative to the project root, so such a glob is anchored at the
    current folder's place under the root (`--exclude gen/` from `src/` is `/src/gen/`).
    """
    prefix = os.path.relpath(os.getcwd(), root)
    result = []
    for glob in comma_list(value):
        check_glob(glob, flag)
        anchored = "/" in glob.rstrip("/") and prefix != os.curdir
        if anchored and not prefix.startswith(os.pardir):
            glob = f"/{Path(prefix).as_posix()}/{glob.lstrip('/').removeprefix('./')}"
        result.append(glob)
    return tuple(result)
