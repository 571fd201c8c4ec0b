"""Time `acolyte-gates check` of this tree against the same command of an older commit.

Both run in turn on the same corpus (built by shared/bench/make_corpus.sh), with no cache, so
machine noise hits both alike. For wall-clock time and for the CPU time the run and its
workers used (steadier on a busy machine), the medians, their ratio and the median of each
turn's own ratio are printed. The older commit's `src` is exported from git into a temporary
folder and put first on PYTHONPATH.

    python benchmarks/bench_before_after.py --before main --runs 5
    python benchmarks/bench_before_after.py --before main --select ACO402 --runs 7
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from sample_findings import DEFAULT_CORPUS

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Options:
    """What to compare and how often."""

    before: str
    corpus: Path
    runs: int
    select: str
    jobs: int


def parse_options(argv: list[str]) -> Options:
    """Command-line arguments to Options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", default="main", help="git commit or branch to compare with")
    parser.add_argument("--corpus", default=DEFAULT_CORPUS, help="folder of .py files")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each")
    parser.add_argument("--select", default="ACO", help="codes to check (default: all)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes of check")
    args = parser.parse_args(argv)
    return Options(args.before, Path(args.corpus), args.runs, args.select, args.jobs)


def export_src(commit: str, folder: Path) -> Path:
    """The `src` folder of a commit, written under `folder`."""
    archive = folder / "before.tar"
    with open(archive, "wb") as out:
        subprocess.run(
            ["git", "-C", str(ROOT), "archive", commit, "--", "src"], stdout=out, check=True
        )
    with tarfile.open(archive) as tar:
        tar.extractall(folder, filter="data")
    return folder / "src"


@dataclass(frozen=True)
class Timing:
    """Wall-clock seconds of one run, and the CPU seconds it and its workers used."""

    wall: float
    cpu: float


def time_check(src: Path, options: Options) -> Timing:
    """One `check` of the corpus with the package from `src`, timed."""
    command = [sys.executable, "-m", "acolyte_gates", "check", "--no-cache", "--exit-zero"]
    command += ["--select", options.select, "-j", str(options.jobs), "--", str(options.corpus)]
    env = {**os.environ, "PYTHONPATH": str(src)}
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    now = resource.getrusage(resource.RUSAGE_CHILDREN)
    return Timing(wall, now.ru_utime + now.ru_stime - used.ru_utime - used.ru_stime)


def report(measure: str, before: list[float], after: list[float]) -> None:
    """Both sides' medians of one measure, their ratio, and the median of each turn's ratio."""
    for name, values in (("before", before), ("after", after)):
        runs = " ".join(f"{value:.2f}" for value in values)
        print(f"{measure} {name:6} median {statistics.median(values):6.2f} s  ({runs})")
    ratios = [later / earlier for earlier, later in zip(before, after)]
    medians = statistics.median(after) / statistics.median(before)
    print(
        f"{measure} after/before {medians:.3f} (medians), {statistics.median(ratios):.3f} (turns)"
    )


def main(argv: list[str]) -> int:
    """Print wall-clock and CPU medians and ratios; 0 always (this measures, it does not judge)."""
    options = parse_options(argv)
    timings: dict[str, list[Timing]] = {"before": [], "after": []}
    with tempfile.TemporaryDirectory() as folder:
        sides = {"before": export_src(options.before, Path(folder)), "after": ROOT / "src"}
        for _ in range(options.runs):
            for name, src in sides.items():
                timings[name].append(time_check(src, options))
    for measure in ("wall", "cpu"):
        before, after = ([getattr(t, measure) for t in timings[n]] for n in ("before", "after"))
        report(f"{measure:4}", before, after)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
