"""Time the cases round-robin, whole-process wall time, and measure peak memory.

Round-robin (every case once per round) spreads the machine's slow moments
over all tools instead of letting one tool's five runs catch them all.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from peers_env import Corpus
from peers_tools import Case

TOUCHED_FILES = 5
PROBE = Path(__file__).resolve().parent / "rss_probe.py"


@dataclass(frozen=True)
class Sample:
    """One timed run: wall seconds, exit code and findings counted in its output."""

    seconds: float
    returncode: int
    findings: int


@dataclass(frozen=True)
class Result:
    """All timed runs of one case."""

    case: Case
    samples: tuple[Sample, ...]


def count_findings(output: str, case: Case) -> int:
    """Count the findings in output (case.finding matches one) with one of case's codes."""
    found = re.finditer(case.finding, output, re.MULTILINE)
    return sum(1 for m in found if m.group(1).startswith(case.codes))


def time_once(case: Case, cwd: Path) -> Sample:
    """Run the case's command once in cwd and time the whole process."""
    start = time.perf_counter()
    done = subprocess.run(case.argv, cwd=cwd, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    return Sample(seconds, done.returncode, count_findings(done.stdout, case))


def pick_touched(corpus: Corpus) -> tuple[Path, ...]:
    """Pick five files spread evenly over the corpus manifest."""
    step = max(1, len(corpus.files) // TOUCHED_FILES)
    chosen = corpus.files[::step][:TOUCHED_FILES]
    return tuple(corpus.path / rel for rel in chosen)


def touch(files: tuple[Path, ...], round_no: int) -> dict[Path, bytes]:
    """Append round_no + 1 newlines to each file (new content every round); return originals.

    Blank lines keep the files parseable and add no comment or code, and a
    different count each round defeats a cache keyed by content.
    """
    originals = {path: path.read_bytes() for path in files}
    for path, data in originals.items():
        path.write_bytes(data + b"\n" * (round_no + 1))
    return originals


def restore(originals: dict[Path, bytes]) -> None:
    """Write back the files that touch() changed."""
    for path, data in originals.items():
        path.write_bytes(data)


def _run_case(case: Case, corpus: Corpus, round_no: int) -> Sample:
    """Time one case; a touched case changes five files first and re-warms after."""
    cwd = case.cwd or corpus.path
    if case.kind != "touched":
        return time_once(case, cwd)
    originals = touch(pick_touched(corpus), round_no)
    try:
        sample = time_once(case, cwd)
    finally:
        restore(originals)
    time_once(case, cwd)
    return sample


def run_rounds(cases: list[Case], corpus: Corpus, runs: int) -> list[Result]:
    """Prime the cached cases, then time every case once per round, runs rounds."""
    for case in cases:
        if case.kind in ("warm", "touched"):
            time_once(case, case.cwd or corpus.path)
    samples: dict[str, list[Sample]] = {case.key: [] for case in cases}
    for round_no in range(runs):
        for case in cases:
            sample = _run_case(case, corpus, round_no)
            samples[case.key].append(sample)
            _progress(f"round {round_no + 1}/{runs} {case.key}: {sample.seconds:.2f} s")
    return [Result(case, tuple(samples[case.key])) for case in cases]


def _progress(message: str) -> None:
    """Tell the person waiting what has just finished."""
    print(message, file=sys.stderr, flush=True)


def peak_rss(python: Path, case: Case, cwd: Path) -> dict[str, float]:
    """Run the case under rss_probe.py (psutil, in the peers venv); return its report."""
    argv = [str(python), str(PROBE), "--", *case.argv]
    done = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, check=True)
    report: dict[str, float] = json.loads(done.stdout.splitlines()[-1])
    _progress(f"peak RSS {case.key}: {report['peak_mb']:.1f} MB")
    return report
