"""Files to findings: read each file once, run the engine, in parallel when it pays."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from acolyte_gates.config.settings import Settings
from acolyte_gates.duplication.crossfile import collect_windows, compares_across_files, cross_file_findings
from acolyte_gates.duplication.windows import FileWindows
from acolyte_gates.engine import check_file
from acolyte_gates.findings import Finding
from acolyte_gates.paths import relative_to_root
from acolyte_gates.source import ParseFailure, SourceFile

# Below this many files a process pool costs more than it saves.
_MIN_FILES_FOR_POOL = 16
_CHUNK_LINES = 4000


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
    return check_file(read_source(path), settings, relative_to_root(path, settings.root))


def _check_chunk(paths: list[str], settings: Settings) -> tuple[list[Finding], list[FileWindows]]:
    """Findings for a group of files, and their windows for the cross-file duplication pass."""
    findings: list[Finding] = []
    windows: list[FileWindows] = []
    for path in paths:
        source = read_source(path)
        relpath = relative_to_root(path, settings.root)
        findings.extend(check_file(source, settings, relpath))
        found = collect_windows(source, settings, relpath)
        if found is not None:
            windows.append(found)
    return findings, windows


def _chunks(paths: list[str], jobs: int) -> Iterator[list[str]]:
    """Groups of files of roughly equal size, several per worker so that none waits idle."""
    sizes = [(os.path.getsize(p) if os.path.exists(p) else 0, p) for p in paths]
    target = max(sum(size for size, _ in sizes) // (jobs * 4), _CHUNK_LINES * 40)
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


def check_files(paths: list[str], settings: Settings, options: CheckOptions) -> list[Finding]:
    """Findings for every file, sorted by path and position."""
    jobs = effective_jobs(options.jobs, len(paths))
    if jobs == 1:
        parts: Iterable[tuple[list[Finding], list[FileWindows]]] = [_check_chunk(paths, settings)]
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            parts = list(pool.map(_check_chunk, _chunks(paths, jobs), [settings] * len(paths)))
    findings = [finding for part in parts for finding in part[0]]
    if compares_across_files(settings):
        findings.extend(cross_file_findings([found for part in parts for found in part[1]]))
    return sorted(findings, key=lambda f: (f.path, f.line, f.col, f.code))
