"""Files to findings: read each file once, run the engine, in parallel when it pays."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from acolyte_gates import cache
from acolyte_gates.config.settings import Settings
from acolyte_gates.findings import Finding
from acolyte_gates.paths import relative_to_root
from acolyte_gates.source import ParseFailure, SourceFile

# Below this many files a process pool costs more than it saves.
_MIN_FILES_FOR_POOL = 16
_CHUNK_BYTES = 64 * 1024

Checked = tuple[str, list[Finding]]
"""A file's path and its findings, sorted by position."""


@dataclass(frozen=True)
class CheckOptions:
    """How to run a check: parallelism and caching (the settings say what to check)."""

    jobs: int = 0
    use_cache: bool = True


def read_source(path: str) -> SourceFile:
    """A SourceFile for a path on disk; an unreadable file becomes a parse failure."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        source = SourceFile.from_bytes(path, b"")
        source.failure = ParseFailure(1, 1, f"cannot read the file: {exc.strerror}")
        return source
    return SourceFile.from_bytes(path, data)


def check_one(path: str, settings: Settings) -> list[Finding]:
    """Findings for one file on disk."""
    from acolyte_gates.engine import check_file  # a warm run with nothing to check skips the rules

    return check_file(read_source(path), settings, relative_to_root(path, settings.root))


def _check_chunk(paths: list[str], settings: Settings) -> list[Checked]:
    return [(path, check_one(path, settings)) for path in paths]


def _chunks(paths: list[str], jobs: int) -> Iterator[list[str]]:
    """Groups of files of roughly equal size, several per worker so that none waits idle."""
    sizes = [(os.path.getsize(p) if os.path.exists(p) else 0, p) for p in paths]
    target = max(sum(size for size, _ in sizes) // (jobs * 4), _CHUNK_BYTES)
    chunk: list[str] = []
    weight = 0
    for size, path in sizes:
        chunk.append(path)
        weight += size
        if weight >= target:
            yield chunk
            chunk, weight = [], 0
    if chunk:
        yield chunk


def effective_jobs(jobs: int, file_count: int) -> int:
    """Worker count: the cores when jobs is 0, and 1 when there are too few files to share."""
    wanted = jobs if jobs > 0 else (os.cpu_count() or 1)
    return 1 if file_count < _MIN_FILES_FOR_POOL else max(1, wanted)


def _check_all(paths: list[str], settings: Settings, jobs: int) -> Iterable[Checked]:
    """(path, findings) for every file, in-process or through a pool of workers."""
    jobs = effective_jobs(jobs, len(paths))
    if jobs == 1:
        return _check_chunk(paths, settings)
    from concurrent.futures import ProcessPoolExecutor  # only runs that use a pool pay for it

    chunks = list(_chunks(paths, jobs))
    with ProcessPoolExecutor(max_workers=min(jobs, len(chunks))) as pool:
        parts = pool.map(_check_chunk, chunks, [settings] * len(chunks))
        return [pair for part in parts for pair in part]


def _cache_key(path: str, settings: Settings) -> str | None:
    try:
        with open(path, "rb") as handle:
            return cache.content_key(relative_to_root(path, settings.root), handle.read())
    except OSError:
        return None


def _from_cache(paths: list[str], settings: Settings, store: cache.Cache) -> tuple[list[Checked], dict[str, str | None]]:
    """Cached findings of unchanged files, and the cache key (or None) of each file to check."""
    done: list[Checked] = []
    todo: dict[str, str | None] = {}
    for path in paths:
        key = _cache_key(path, settings)
        cached = cache.decode_entry(path, store.get(key)) if key else None
        if cached is None:
            todo[path] = key
        else:
            done.append((path, cached))
    return done, todo


def _in_order(checked: Iterable[Checked]) -> list[Finding]:
    """All findings sorted by path and position: files by path, each file's sorted by the engine."""
    return [finding for _, found in sorted(checked, key=lambda pair: pair[0]) for finding in found]


def check_files(paths: list[str], settings: Settings, options: CheckOptions) -> list[Finding]:
    """Findings for every file, sorted by path and position; unchanged files come from the cache."""
    if not options.use_cache:
        return _in_order(_check_all(paths, settings, options.jobs))
    store = cache.load(settings)
    done, todo = _from_cache(paths, settings, store)
    for path, found in _check_all(list(todo), settings, options.jobs):
        done.append((path, found))
        key = todo[path]
        if key:
            store.put(key, cache.encode_entry(found))
    cache.save(store)
    return _in_order(done)
