"""Where worker processes start to pay: cold `check` in-process against a pool, by run size.

`check` sends files to a pool of worker processes only when the run has at least
`checker.POOL_MIN_BYTES` bytes of source (and two files); below that it checks them in the
parent. This script measures where the two cross on this machine: for runs of growing size
(a seeded sample of --root's Python files, taken until the size is reached), it times a
fresh `python` process that checks them with the cache off, in-process (-j1) and through
a pool of --jobs workers (the threshold set to 0), alternating the two, and prints the
medians of wall and CPU seconds (workers included). `--cli PATHS` instead times the real
command, `check` against `check -j1`, on each path.

Why bytes: a file's check costs about its size (parse, tokens, rules), and the pool's cost is
a fixed start (fork, each worker importing the rules) plus shipping results back; the sizes
are known from one stat per file before anything is read. File count alone misleads: 16
small files (the old rule) are far below the crossing, one large file cannot be split.

The threshold is 512 KB (checker.POOL_MIN_BYTES), and why, from this script's runs on the
2-core machine this project is developed on, shared with other jobs (load average 8-14
throughout, so wall times are several times the CPU times), medians of 9:

    KB  files   lines  in wall pool wall  pool/in  in cpu pool cpu   (stdlib sample)
    64      9    2493    1.234     1.672     1.35   0.281    0.367
   128     14    3929    1.097     1.650     1.50   0.346    0.510
   256     22    7242    1.567     1.824     1.16   0.462    0.576
   384     35   11837    2.460     3.412     1.39   0.684    0.812
   512     47   14442    3.108     3.957     1.27   0.738    0.910
   768     82   23409    3.943     4.718     1.20   1.077    1.294
  1024    100   30324    3.822     4.430     1.16   1.213    1.258
  1536    140   45238    5.023     5.166     1.03   1.508    1.701

- The pool always costs more CPU (0.05-0.2 s: fork, each worker importing the rules,
  results pickled back), and only free cores win that back. With none free (the load
  above), it loses by 16-50 % up to 1 MB and breaks even about 1.5 MB.
- With both cores free, the CPU columns say it would win from about 200 KB (half the
  checking work, ~1.1 s of CPU per MB, against that fixed extra); not measured here, since
  this machine was never idle.
- 512 KB sits between: one file, a 5,000-line project and flask's src/ (364 KB) are checked
  in-process, exactly as fast as -j1 wherever they run (the old rule, 16 files, sent
  flask's 24 files to a pool), and runs over ~15,000 lines use the cores that are free.

`--cli` on fetched projects, the default against -j1, medians of 9 (load 11-14):
flask/src/flask/app.py 0.576 s / 0.556 s (1.04), requests/src (224 KB) 0.856 / 0.927
(0.92), flask/src (364 KB) 1.292 / 1.488 (0.87), click/src (450 KB) 1.866 / 1.929 (0.97):
the same in-process run, within noise; pip/src/pip (5.9 MB, pool) 14.58 / 13.23 (1.10),
the busy machine's cost of a pool.

Example:  PYTHONPATH=src python benchmarks/bench_inprocess.py --runs 7
          python benchmarks/bench_inprocess.py --root /tmp/flask/src --sizes 32,64,128,256,364
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

CHILD = """
import json, sys
import acolyte_gates.checker as checker
from acolyte_gates.checker import CheckOptions, check_files
from acolyte_gates.config.settings import Settings
mode, listing, root, jobs = sys.argv[1:5]
if mode == "pool":
    checker.POOL_MIN_BYTES = 0
files = json.loads(open(listing, encoding="utf-8").read())
check_files(files, Settings(root=root), CheckOptions(jobs=1 if mode == "inprocess" else int(jobs), use_cache=False))
"""


def python_files(root: Path, largest: int) -> list[tuple[str, int]]:
    """The .py files under root up to `largest` bytes each, shuffled with a fixed seed.

    A seeded sample rather than path order, so that runs grow smoothly and look like a
    project's mix of files (path order puts the standard library's _pydecimal.py first).
    """
    found = []
    for folder, names, files in os.walk(root):
        names[:] = sorted(n for n in names if n not in ("site-packages", "__pycache__"))
        for name in sorted(files):
            path = os.path.join(folder, name)
            if name.endswith(".py") and os.path.getsize(path) <= largest:
                found.append((path, os.path.getsize(path)))
    # a reproducible sample, not a secret: B311 (pseudo-random) does not apply
    random.Random(11).shuffle(found)  # nosec B311
    return found


def first_bytes(files: list[tuple[str, int]], kilobytes: int) -> list[str]:
    """The first files whose sizes add up to at least `kilobytes` KB."""
    chosen, total = [], 0
    for path, size in files:
        if total >= kilobytes * 1024:
            break
        chosen.append(path)
        total += size
    return chosen


def timed(mode: str, listing: str, root: str, jobs: int) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, workers included) of one fresh checking process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", CHILD, mode, listing, root, str(jobs)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure(files: list[str], root: str, jobs: int, runs: int) -> dict[str, tuple[float, float]]:
    """Median wall and CPU seconds per mode, the two modes alternated run by run."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(files, handle)
    samples: dict[str, list[tuple[float, float]]] = {"inprocess": [], "pool": []}
    try:
        for _ in range(runs):
            for mode, found in samples.items():
                found.append(timed(mode, handle.name, root, jobs))
    finally:
        os.unlink(handle.name)
    return {
        mode: (statistics.median(w for w, _ in found), statistics.median(c for _, c in found))
        for mode, found in samples.items()
    }


def lines_of(files: list[str]) -> int:
    """Physical lines in the files."""
    return sum(Path(f).read_bytes().count(b"\n") for f in files)


def cli_seconds(path: str, jobs: tuple[str, ...], runs: int) -> float:
    """Median wall seconds of `acolyte-gates check --no-cache [jobs] path` as a user runs it."""
    command = [sys.executable, "-m", "acolyte_gates", "check", "--no-cache", "--exit-zero", *jobs]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([*command, path], check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def compare_cli(paths: list[str], runs: int) -> None:
    """The default `check` against `check -j1` on each path, the two alternated."""
    print(f"{'path':<40} {'default s':>9} {'-j1 s':>7} {'default/-j1':>11}")
    for path in paths:
        default, single = [], []
        for _ in range(runs):
            default.append(cli_seconds(path, (), 1))
            single.append(cli_seconds(path, ("-j1",), 1))
        first, second = statistics.median(default), statistics.median(single)
        print(f"{path:<40} {first:>9.3f} {second:>7.3f} {first / second:>11.2f}")


def size_table(args: argparse.Namespace) -> None:
    """Print a table: size, files, lines, in-process and pool medians, pool / in-process."""
    files = python_files(Path(args.root), args.largest)
    print(f"root {args.root}, {args.jobs} workers, medians of {args.runs} runs")
    print(f"load average before: {os.getloadavg()[0]:.1f}")
    print(
        f"{'KB':>6} {'files':>6} {'lines':>7} {'in wall':>8} {'pool wall':>9} {'pool/in':>8}"
        f" {'in cpu':>7} {'pool cpu':>8}"
    )
    for kilobytes in (int(k) for k in args.sizes.split(",")):
        chosen = first_bytes(files, kilobytes)
        found = measure(chosen, args.root, args.jobs, args.runs)
        (in_wall, in_cpu), (pool_wall, pool_cpu) = found["inprocess"], found["pool"]
        print(
            f"{kilobytes:>6} {len(chosen):>6} {lines_of(chosen):>7} {in_wall:>8.3f}"
            f" {pool_wall:>9.3f} {pool_wall / in_wall:>8.2f} {in_cpu:>7.3f} {pool_cpu:>8.3f}"
        )
    print(f"load average after: {os.getloadavg()[0]:.1f}")


def main() -> None:
    """The size table, or with --cli the command's default against -j1."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=sysconfig.get_paths()["stdlib"])
    parser.add_argument("--sizes", default="16,32,64,128,256,512,1024,2048", help="KB, commas")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--largest", type=int, default=64 * 1024, help="skip bigger files")
    parser.add_argument(
        "--cli", nargs="*", help="instead: time `check` against `check -j1` on these paths"
    )
    args = parser.parse_args()
    if args.cli:
        compare_cli(args.cli, args.runs)
    else:
        size_table(args)


if __name__ == "__main__":
    main()
