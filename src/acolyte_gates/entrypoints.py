"""Find the entry points of our plugin groups in the installed packages' metadata, importing nothing.

What `importlib.metadata.entry_points(group=...)` answers, read directly: that module costs
more to import than a warm `check` spends on everything else at start-up, and only the
`entry_points.txt` of each `*.dist-info` / `*.egg-info` folder on `sys.path` is needed. As in
importlib.metadata, the first folder on the path that holds a distribution wins.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

RULES_GROUP = "acolyte_gates.rules"
GATES_GROUP = "acolyte_gates.gates"
GROUPS = (RULES_GROUP, GATES_GROUP)
_SUFFIXES = (".dist-info", ".egg-info")
_SECTION = re.compile(r"^\[\s*(?P<group>[^\]]+?)\s*\]\s*$")


@dataclass(frozen=True)
class EntryPoint:
    """One entry point of our groups: who declares it, and the object it names.

    `value` is `module` or `module:attribute`, extras already stripped.
    """

    package: str
    version: str
    group: str
    name: str
    value: str


def _normalize(name: str) -> str:
    """A distribution name as PEP 503 compares them: `Foo_Bar` and `foo-bar` are one package."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _name_and_version(folder: str, meta_path: str) -> tuple[str, str]:
    """The package name and version of a metadata folder: from its name, else from its METADATA."""
    stem = folder.rsplit(".", 1)[0]
    name, _, version = stem.partition("-")
    version = version.split("-")[0]
    headers = {"Name": name, "Version": version}
    for file_name in ("METADATA", "PKG-INFO"):
        path = os.path.join(meta_path, file_name)
        if os.path.isfile(path):
            headers.update(_headers(path))
            break
    return headers["Name"], headers["Version"]


def _headers(path: str) -> dict[str, str]:
    """The Name and Version headers of a METADATA or PKG-INFO file."""
    found: dict[str, str] = {}
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if not line.strip():
                break  # the headers end at the first blank line
            key, _, value = line.partition(":")
            if key in ("Name", "Version"):
                found[key] = value.strip()
    return found


def parse_entry_points(text: str) -> list[tuple[str, str, str]]:
    """(group, name, value) for each entry of our groups in an entry_points.txt."""
    found = []
    group = ""
    for raw in text.splitlines():
        line = raw.strip()
        section = _SECTION.match(line)
        if section:
            group = section["group"]
        elif group in GROUPS and "=" in line and not line.startswith(("#", ";")):
            name, _, value = line.partition("=")
            found.append((group, name.strip(), value.split("[")[0].strip()))
    return found


def _read(path: str) -> str:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read()
    except OSError:
        return ""


def _folder_entry_points(folder: str, seen: set[str]) -> list[EntryPoint]:
    """Our entry points in the metadata folders directly inside one `sys.path` folder."""
    try:
        names = sorted(os.listdir(folder or "."))
    except OSError:
        return []
    found = []
    for meta in names:
        if not meta.endswith(_SUFFIXES):
            continue
        meta_path = os.path.join(folder, meta)
        key = _normalize(meta.rsplit(".", 1)[0].partition("-")[0])
        if key in seen:
            continue
        seen.add(key)
        text = _read(os.path.join(meta_path, "entry_points.txt"))
        if "acolyte_gates." not in text:
            continue
        package, version = _name_and_version(meta, meta_path)
        found += [EntryPoint(package, version, *entry) for entry in parse_entry_points(text)]
    return found


def find_entry_points(path: list[str]) -> tuple[EntryPoint, ...]:
    """Every entry point of our groups declared by a distribution on `path` (like `sys.path`)."""
    seen: set[str] = set()
    found: list[EntryPoint] = []
    for folder in path:
        if os.path.isdir(folder or "."):
            found += _folder_entry_points(folder, seen)
    return tuple(found)


@cache
def installed() -> tuple[EntryPoint, ...]:
    """The entry points of our groups on this process's `sys.path`, found once per process."""
    return find_entry_points(list(sys.path))


def plugin_identity() -> str:
    """The loaded plugins and their versions, for the cache's fingerprint ('' when none).

    Without plugins installed this costs one scan of the metadata folders and no import.
    """
    if not installed():
        return ""
    from acolyte_gates.registry import plugin_identity as loaded_identity

    return loaded_identity()


def report_plugin_failures(write: Callable[[str], object]) -> None:
    """Write each plugin that failed to load, once per process (commands call this, not workers)."""
    if installed():
        from acolyte_gates.registry import report_failures

        report_failures(write)
