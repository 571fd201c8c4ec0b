"""Time what `acolyte-gates run` costs on top of the work its gates do (the bar: under 0.2 s).

Two measures on a small project written to a temporary folder, medians of --runs:

1. `run --only aco` wall time, less the in-process `check_files` time on the same files and
   in the same state (cache filled, as the gate runs it): start-up, imports, settings, plan,
   thread pool, scratch folder and report.
2. `run` with every gate, each external tool replaced by an instant one (a `/bin/sh` script
   that exits 0, found through $ACOLYTE_GATES_TOOL_PATH), less the same check time. The fake
   tools' own start (a few ms each, in parallel) is counted as overhead: the figure errs high.
   Their empty output may read as an error for some gates; the statuses are printed.

Example:  PYTHONPATH=src python benchmarks/bench_run_overhead.py --runs 7
          python benchmarks/bench_run_overhead.py --exe ~/.cache/acolyte-bench/venv-acolyte/bin/acolyte-gates
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BAR_SECONDS = 0.2
MODULES = 10
MODULE = '''"""Module {n}: arithmetic helpers."""


def scale(value: int, factor: int) -> int:
    """Return value times factor."""
    return value * factor


def clamp(value: int, low: int, high: int) -> int:
    """Return value held between low and high."""
    if value < low:
        return low
    return min(value, high)
'''
TEST = '''"""Tests of pkg.mod0."""

from pkg.mod0 import scale


def test_scale() -> None:
    """Three times two is six."""
    assert scale(3, 2) == 6
'''
PYPROJECT = (
    '[project]\nname = "tiny"\nversion = "0"\n\n[tool.pytest.ini_options]\npythonpath = ["."]\n'
)
# Times check_files in-process the way the aco gate calls it, after one call fills the cache.
CHECK_SCRIPT = """
import json, statistics, sys, time
from pathlib import Path
from acolyte_gates.checker import CheckOptions, check_files
from acolyte_gates.config.loader import load_settings
from acolyte_gates.discovery import discover
settings = load_settings(Path.cwd(), None)
files = discover(["."], settings)
check_files(files, settings, CheckOptions(jobs=1))
times = []
for _ in range(int(sys.argv[1])):
    start = time.perf_counter()
    check_files(files, settings, CheckOptions(jobs=1))
    times.append(time.perf_counter() - start)
print(json.dumps({"files": len(files), "seconds": statistics.median(times)}))
"""


def write_project(root: Path) -> None:
    """A package of small clean modules and one test."""
    (root / "pkg").mkdir(parents=True)
    (root / "tests").mkdir()
    (root / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    (root / "pkg" / "__init__.py").write_text('"""A package."""\n', encoding="utf-8")
    for n in range(MODULES):
        (root / "pkg" / f"mod{n}.py").write_text(MODULE.format(n=n), encoding="utf-8")
    (root / "tests" / "test_mod0.py").write_text(TEST, encoding="utf-8")


def write_instant_tools(folder: Path, python: str) -> None:
    """An executable that exits 0 at once for every external tool a gate runs."""
    listing = "from acolyte_gates.gates.registry import ALTERNATIVES, BUILTIN_GATES\n" + (
        "print(' '.join(g.tool for g in (*BUILTIN_GATES, *ALTERNATIVES) if hasattr(g, 'tool')))"
    )
    names = subprocess.run([python, "-c", listing], capture_output=True, text=True, check=True)
    folder.mkdir()
    for name in names.stdout.split():
        tool = folder / name
        tool.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
        tool.chmod(0o755)


def wall(argv: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, str]:
    """Whole-process wall time of one command, and its standard output."""
    start = time.perf_counter()
    done = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    return time.perf_counter() - start, done.stdout


def statuses(json_report: str) -> str:
    """Gate: status pairs from `run --format json`, or why they cannot be read."""
    try:
        report = json.loads(json_report)
        return ", ".join(f"{g['name']}: {g['status']}" for g in report["gates"])
    except (ValueError, KeyError, TypeError) as error:
        return f"unreadable report ({error})"


def median_wall(argv: list[str], cwd: Path, env: dict[str, str], runs: int) -> tuple[float, str]:
    """Median wall time over runs (after one unmeasured run), and the last output."""
    wall(argv, cwd, env)
    results = [wall(argv, cwd, env) for _ in range(runs)]
    return statistics.median(seconds for seconds, _ in results), results[-1][1]


def print_table(check: dict[str, float], rows: list[tuple[str, float]]) -> None:
    """Each command's wall time and overhead (wall less the in-process check) against the bar."""
    print(
        f"project: {check['files']:.0f} files; in-process check_files: {check['seconds'] * 1000:.1f} ms"
    )
    print(f"{'command':32} {'wall s':>7} {'overhead s':>10}  bar {BAR_SECONDS} s")
    for name, seconds in rows:
        overhead = seconds - check["seconds"]
        verdict = "ok" if overhead < BAR_SECONDS else "FAIL"
        print(f"{name:32} {seconds:7.3f} {overhead:10.3f}  {verdict}")


def main() -> int:
    """Measure both overheads and print them against the bar."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--exe", type=os.path.abspath, help="acolyte-gates executable (default: python -m)"
    )
    parser.add_argument(
        "--python",
        type=os.path.abspath,
        default=sys.executable,
        help="interpreter that has acolyte_gates",
    )
    parser.add_argument("--runs", type=int, default=7)
    ns = parser.parse_args()
    command = [ns.exe] if ns.exe else [ns.python, "-m", "acolyte_gates"]
    with tempfile.TemporaryDirectory(prefix="acolyte-run-overhead-") as tmp:
        project, tools = Path(tmp) / "project", Path(tmp) / "tools"
        write_project(project)
        write_instant_tools(tools, ns.python)
        env = {**os.environ, "ACOLYTE_GATES_TOOL_PATH": str(tools)}
        _, out = wall([ns.python, "-c", CHECK_SCRIPT, str(ns.runs)], project, env)
        check = json.loads(out)
        aco, _ = median_wall([*command, "run", "--only", "aco"], project, env, ns.runs)
        every, report = median_wall([*command, "run", "--format", "json"], project, env, ns.runs)
    print_table(check, [("run --only aco", aco), ("run, all gates, instant tools", every)])
    print(f"gates with instant tools: {statuses(report)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
