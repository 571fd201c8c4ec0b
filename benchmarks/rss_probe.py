"""Run a command and report its peak memory, the whole process tree, as one JSON line.

Usage: python rss_probe.py -- COMMAND [ARGS...]   (run with the peers venv: needs psutil)

The tree's RSS is summed every few milliseconds (a worker pool's memory is the
sum of its processes; ru_maxrss only gives the largest single one). Forked
workers share pages, which a sum counts twice, so the figure errs high. The
largest ru_maxrss of a waited-for descendant is reported too, as a lower bound
that a short peak between two polls cannot escape.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time

import psutil  # type: ignore[import-untyped]  # only in the benchmark venv

POLL_SECONDS = 0.005


def tree_rss(root: psutil.Process) -> int:
    """Sum the resident memory of root and all its descendants still alive."""
    total = 0
    try:
        procs = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    for proc in procs:
        try:
            total += proc.memory_info().rss
        except (psutil.NoSuchProcess, psutil.ZombieProcess):
            continue
    return total


def measure(argv: list[str]) -> dict[str, float]:
    """Run argv, polling its tree's RSS until it exits; return peak figures in MB."""
    start = time.perf_counter()
    child = psutil.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while child.poll() is None:
        peak = max(peak, tree_rss(child))
        time.sleep(POLL_SECONDS)
    wall = time.perf_counter() - start
    max_single = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    return {
        "peak_mb": max(peak, max_single) / 2**20,
        "polled_tree_mb": peak / 2**20,
        "largest_process_mb": max_single / 2**20,
        "seconds": wall,
        "returncode": float(child.returncode),
    }


def main() -> int:
    """Read the command after '--' and print the measurement as JSON."""
    if "--" not in sys.argv:
        print(__doc__, file=sys.stderr)
        return 2
    argv = sys.argv[sys.argv.index("--") + 1 :]
    print(json.dumps(measure(argv)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
