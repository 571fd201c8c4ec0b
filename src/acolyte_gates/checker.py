"""Files to findings: read each file once, run the engine, in parallel when it pays."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass

from acolyte_gates import cache
from acolyte_gates.config.settings import Settings
from acolyte_gates.duplication.windows import (
    FileWindows,
    compares_across_files,
    decode_windows,
    encode_windows,
)
from acolyte_gates.findings import Finding
from acolyte_gates.paths import relative_to_root
from acolyte_gates.source import ParseFailure, SourceFile

POOL_MIN_BYTES = 512 * 1024
"""Below this many bytes of source to check (about 15,000 lines), check in-process.

A pool costs 0.1-0.2 s of CPU more (fork, each worker importing the rules, results sent
back: measured by benchmarks/bench_inprocess.py, where the figures are), which only free
cores win back. On a busy machine (the 2-core one this was measured on, load 8-13) the
pool loses by 16-50 % up to 1 MB and breaks even at 1.5 MB; with both cores free, its CPU
times say it would gain from about 200 KB. 512 KB keeps one file, a 5,000-line project and flask's src/
(364 KB) in-process, as fast as -j1 wherever they run, and lets larger runs use free cores.
The size is the sum of the files' sizes, from one stat each, before anything is read.
"""
_CHUNK_BYTES = 64 * 1024


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


@dataclass(frozen=True)
class FileResult:
    """What checking one file yields: its findings, and its windows for cross-file duplication."""

    path: str
    findings: tuple[Finding, ...]
    windows: FileWindows | None = None


def check_one(path: str, settings: Settings) -> FileResult:
    """Findings for one file on disk, and its duplication windows when the run compares files."""
    from acolyte_gates.duplication.crossfile import collect_windows  # warm runs skip the rules
    from acolyte_gates.engine import check_file

    source = read_source(path)
    relpath = relative_to_root(path, settings.root)
    findings = tuple(check_file(source, settings, relpath))
    return FileResult(path, findings, collect_windows(source, settings, relpath))


def _check_chunk(paths: list[str], settings: Settings) -> list[FileResult]:
    return [check_one(path, settings) for path in paths]


def _sizes(paths: list[str]) -> list[tuple[int, str]]:
    """Each file's size in bytes (0 when it cannot be read: its check reports why)."""
    sizes = []
    for path in paths:
        try:
            sizes.append((os.path.getsize(path), path))
        except OSError:
            sizes.append((0, path))
    return sizes


def _chunks(sizes: list[tuple[int, str]], jobs: int) -> Iterator[list[str]]:
    """Groups of files of roughly equal size, several per worker so that none waits idle."""
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


def effective_jobs(jobs: int, sizes: list[tuple[int, str]]) -> int:
    """Worker count: the cores when jobs is 0; 1 (in-process) for one file or a small run."""
    wanted = jobs if jobs > 0 else (os.cpu_count() or 1)
    if len(sizes) < 2 or sum(size for size, _ in sizes) < POOL_MIN_BYTES:
        return 1
    return max(1, wanted)


def check_in_pool(sizes: list[tuple[int, str]], settings: Settings, jobs: int) -> list[FileResult]:
    """Every file's result from a pool of `jobs` worker processes, in the order of `sizes`."""
    from concurrent.futures import ProcessPoolExecutor  # only runs that use a pool pay for it

    chunks = list(_chunks(sizes, jobs))
    with ProcessPoolExecutor(max_workers=min(jobs, len(chunks))) as pool:
        parts = pool.map(_check_chunk, chunks, [settings] * len(chunks))
        return [result for part in parts for result in part]


def _check_all(paths: list[str], settings: Settings, jobs: int) -> list[FileResult]:
    """Every file's result, in-process or through a pool of workers."""
    sizes = _sizes(paths) if jobs != 1 else []
    jobs = effective_jobs(jobs, sizes) if jobs != 1 else 1
    if jobs == 1:
        return _check_chunk(paths, settings)
    return check_in_pool(sizes, settings, jobs)


def _cache_key(path: str, settings: Settings) -> str | None:
    try:
        with open(path, "rb") as handle:
            return cache.content_key(relative_to_root(path, settings.root), handle.read())
    except OSError:
        return None


def _from_cache(
    paths: list[str], settings: Settings, store: cache.Cache
) -> tuple[list[FileResult], dict[str, str | None]]:
    """Results of unchanged files from the cache, and the cache key (or None) of each file to check."""
    results: list[FileResult] = []
    todo: dict[str, str | None] = {}
    for path in paths:
        key = _cache_key(path, settings)
        cached = _decode(path, store.get(key)) if key else None
        if cached is None:
            todo[path] = key
        else:
            results.append(cached)
    return results, todo


def _encode(result: FileResult) -> cache.Entry:
    windows = None if result.windows is None else encode_windows(result.windows)
    return [cache.encode_entry(list(result.findings)), windows]


def _decode(path: str, entry: object) -> FileResult | None:
    """A cached result, or None when the entry is missing or malformed (the file is checked again)."""
    if not isinstance(entry, list) or len(entry) != 2:
        return None
    findings = cache.decode_entry(path, entry[0])
    windows = decode_windows(path, entry[1])
    if findings is None or (windows is None and entry[1] is not None):
        return None
    return FileResult(path, tuple(findings), windows)


def _results(paths: list[str], settings: Settings, options: CheckOptions) -> list[FileResult]:
    """Every file's result; unchanged files come from the cache, which is then saved."""
    if not options.use_cache:
        return _check_all(paths, settings, options.jobs)
    store = cache.load(settings)
    results, todo = _from_cache(paths, settings, store)
    for result in _check_all(list(todo), settings, options.jobs):
        results.append(result)
        key = todo[result.path]
        if key:
            store.put(key, _encode(result))
    cache.save(store)
    return results


def check_files(paths: list[str], settings: Settings, options: CheckOptions) -> list[Finding]:
    """Findings for every file, cross-file duplicates included, sorted by path and position."""
    results = sorted(_results(paths, settings, options), key=lambda result: result.path)
    if compares_across_files(settings):
        results = _with_cross_file_copies(results)
    return [finding for result in results for finding in result.findings]  # each file sorted


def _with_cross_file_copies(results: list[FileResult]) -> list[FileResult]:
    """The results with each file's cross-file duplicates merged into its sorted findings."""
    from acolyte_gates.duplication.crossfile import cross_file_findings

    copies: dict[str, list[Finding]] = {}
    for copy in cross_file_findings([r.windows for r in results if r.windows is not None]):
        copies.setdefault(copy.path, []).append(copy)
    if not copies:
        return results
    return [
        (
            FileResult(
                r.path, tuple(sorted((*r.findings, *copies[r.path]), key=_position)), r.windows
            )
            if r.path in copies
            else r
        )
        for r in results
    ]


def _position(finding: Finding) -> tuple[int, int, str]:
    """The order of findings within a file, the engine's own."""
    return finding.line, finding.col, finding.code
