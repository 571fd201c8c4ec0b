"""What the plugin registry costs: start-up and a warm `check`, before and after, as ratios.

Each `--exe` is an `acolyte-gates` console script of its own virtualenv (say one built from
main, one from this branch, and one from this branch with the two plugins of plugins/
installed). Runs are interleaved, one of each in turn, so that the machine's noise falls on
all alike; medians of --runs. Measured:

1. start-up: `acolyte-gates --version`;
2. warm check: `acolyte-gates check --exit-zero CORPUS` after one run has filled the cache
   (the corpus from /work/shared/bench/make_corpus.sh: the standard library).

Example:  python benchmarks/bench_plugin_overhead.py --corpus /tmp/aco-corpus/stdlib \\
              --exe before=/tmp/b/.venv/bin/acolyte-gates --exe after=.venv/bin/acolyte-gates
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import time


def timed(argv: list[str]) -> float:
    """Seconds one command takes, its output thrown away."""
    started = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - started


def measure(exes: dict[str, str], corpus: str, runs: int) -> dict[str, dict[str, list[float]]]:
    """Each executable's start-up and warm-check times, runs interleaved."""
    commands = {"start-up": ["--version"], "warm check": ["check", "--exit-zero", corpus]}
    for exe in exes.values():
        timed([exe, *commands["warm check"]])  # fills this version's cache
    times: dict[str, dict[str, list[float]]] = {
        what: {label: [] for label in exes} for what in commands
    }
    for _ in range(runs):
        for what, arguments in commands.items():
            for label, exe in exes.items():
                times[what][label].append(timed([exe, *arguments]))
    return times


def table(times: dict[str, dict[str, list[float]]]) -> str:
    """Medians in ms, and each column's ratio to the first executable's."""
    lines = []
    for what, by_label in times.items():
        medians = {label: statistics.median(values) for label, values in by_label.items()}
        first = next(iter(medians.values()))
        cells = [f"{label} {m * 1000:.0f} ms ({m / first:.2f}x)" for label, m in medians.items()]
        lines.append(f"{what:<11} " + "  ".join(cells))
    return "\n".join(lines) + "\n"


def main() -> int:
    """Parse the arguments, measure, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", required=True, help="folder to check")
    parser.add_argument("--exe", action="append", required=True, help="LABEL=path/to/acolyte-gates")
    parser.add_argument("--runs", type=int, default=15)
    options = parser.parse_args()
    exes = dict(item.split("=", 1) for item in options.exe)
    print(table(measure(exes, options.corpus, options.runs)), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
