"""The content cache: a file whose bytes, path and settings are unchanged is not checked again.

One JSON file per settings fingerprint under `.acolyte_cache/` at the project root,
mapping blake2b(relative path + content) to the file's findings. JSON, not pickle: a
cache file in a checked-out tree is data we did not write, and must never run code. The fingerprint covers the
settings, the acolyte-gates version, the Python version and the loaded plugins with their
versions, so any change to them starts a fresh cache. A missing, broken or foreign cache file is ignored and rewritten.
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from acolyte_gates import __version__
from acolyte_gates.cachedir import cache_folder, read_file, write_file
from acolyte_gates.config.settings import Settings
from acolyte_gates.entrypoints import plugin_identity
from acolyte_gates.findings import Finding, Severity

_FORMAT = 1

Entry = list[object]
_SEVERITIES = {severity.value: severity for severity in Severity}


def content_key(relpath: str, data: bytes) -> str:
    """The cache key of one file: its path relative to the root and its exact bytes."""
    digest = hashlib.blake2b(relpath.encode("utf-8", "surrogateescape"), digest_size=16)
    digest.update(b"\0")
    digest.update(data)
    return digest.hexdigest()


def settings_fingerprint(settings: Settings) -> str:
    """A short name for the settings, version and Python that produced a cache."""
    identity = f"{_FORMAT}|{__version__}|{sys.version}|{plugin_identity()}|{settings!r}"
    return hashlib.blake2b(identity.encode(), digest_size=12).hexdigest()


@dataclass
class Cache:
    """Entries loaded from disk plus the ones this run adds; saved once at the end."""

    path: Path
    entries: dict[str, Entry] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    dirty: bool = False

    def get(self, key: str) -> object:
        """The stored result for a key, noting that this run still needs it."""
        entry = self.entries.get(key)
        if entry is not None:
            self.used.add(key)
        return entry

    def put(self, key: str, entry: Entry) -> None:
        """Store a fresh result."""
        self.entries[key] = entry
        self.used.add(key)
        self.dirty = True


def cache_path(settings: Settings) -> Path:
    """The cache file for these settings, in the project's cache folder."""
    return cache_folder(settings.root) / f"{settings_fingerprint(settings)}.json"


def load(settings: Settings) -> Cache:
    """The cache for these settings; empty when there is none or it cannot be read."""
    path = cache_path(settings)
    data = read_file(path.parent, path.name)
    try:
        entries = json.loads(data) if data is not None else {}
    except ValueError:  # a broken cache is rebuilt, never an error
        entries = {}
    if not isinstance(entries, dict):
        return Cache(path, {}, dirty=True)
    valid = {key: value for key, value in entries.items() if isinstance(value, list)}
    return Cache(path, valid, dirty=len(valid) != len(entries))


def save(cache: Cache) -> None:
    """Write the cache atomically, keeping only what this run used once it has grown stale."""
    if not cache.dirty:
        return
    entries = cache.entries
    if len(entries) > 2 * len(cache.used) + 1000:
        entries = {key: entries[key] for key in cache.used}
    text = json.dumps(entries, separators=(",", ":"))  # dump writes piece by piece
    write_file(cache.path.parent, cache.path.name, text.encode("utf-8"))


def encode_entry(findings: list[Finding]) -> Entry:
    """One file's findings as plain JSON lists (the path is not stored: the key holds it)."""
    return [[f.line, f.col, f.code, f.message, f.name, f.severity.value] for f in findings]


def decode_entry(path: str, entry: object) -> list[Finding] | None:
    """Findings back from an entry; None (check the file again) when it is missing or malformed."""
    if not isinstance(entry, list):
        return None
    try:
        return [
            Finding(
                path, int(line), int(col), str(code), str(message), str(name), _SEVERITIES[severity]
            )
            for line, col, code, message, name, severity in entry  # inline: this is the warm path
        ]
    except (TypeError, ValueError, KeyError):
        return None
