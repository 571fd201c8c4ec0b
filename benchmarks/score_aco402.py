"""Precision and recall of ACO402 on the labelled outside sample, beside ruff ERA001 and eradicate.

The sample is tests/data/aco402_sample (hand-labelled comment runs of outside projects; its
README says how it was drawn). Each run is scored as a file of its own; a tool flags a run when
it reports anything in it. ruff ERA001 runs when a `ruff` executable is found (next to this
interpreter or on PATH), flake8-eradicate (E800, default options) when it is installed in this
interpreter. The held-out set is the one to quote; the dev set is what ACO402 was tuned on.

    PYTHONPATH=src python benchmarks/score_aco402.py
    PYTHONPATH=src python benchmarks/score_aco402.py --misses dev   # ACO402's errors on dev
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from aco402_sample import SETS, Case, Score, aco402_flags, load, score  # noqa: E402

Flagger = Callable[[Sequence[Case]], list[bool]]


def _write_cases(cases: Sequence[Case], folder: Path) -> list[Path]:
    paths = [folder / f"case{number:04}.py" for number in range(len(cases))]
    for path, case in zip(paths, cases):
        path.write_text(case.snippet(), encoding="utf-8")
    return paths


def _flags_from(paths: list[Path], reported: set[str]) -> list[bool]:
    return [path.name in reported for path in paths]


def _ruff_executable() -> str | None:
    beside = Path(sys.executable).with_name("ruff")
    return str(beside) if beside.exists() else shutil.which("ruff")


def ruff_flags(cases: Sequence[Case]) -> list[bool]:
    """Whether ruff's ERA001 reports anything in each case."""
    with tempfile.TemporaryDirectory() as folder:
        paths = _write_cases(cases, Path(folder))
        command = [str(_ruff_executable()), "check", "--isolated", "--no-cache", "--exit-zero"]
        command += ["--select", "ERA001", "--output-format", "json", "--", folder]
        out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        reported = {Path(item["filename"]).name for item in json.loads(out)}
        return _flags_from(paths, reported)


def eradicate_flags(cases: Sequence[Case]) -> list[bool]:
    """Whether flake8-eradicate's E800 reports anything in each case (default options)."""
    with tempfile.TemporaryDirectory() as folder:
        paths = _write_cases(cases, Path(folder))
        command = [sys.executable, "-m", "flake8", "--isolated", "--select", "E800"]
        command += ["--format", "%(path)s", "--exit-zero", "--", folder]
        out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        return _flags_from(paths, {Path(line).name for line in out.splitlines()})


def tools() -> list[tuple[str, Flagger]]:
    """ACO402 and the peers that are installed."""
    found: list[tuple[str, Flagger]] = [("acolyte-gates ACO402", aco402_flags)]
    if _ruff_executable():
        found.append(("ruff ERA001", ruff_flags))
    if importlib.util.find_spec("flake8_eradicate"):
        found.append(("flake8-eradicate E800", eradicate_flags))
    return found


def _row(name: str, result: Score) -> str:
    counts = f"{result.true_pos:4} {result.false_pos:4} {result.false_neg:4}"
    return f"  {name:24} {result.precision:9.1%} {result.recall:7.1%}  {counts}"


def print_table() -> None:
    """One table per set: each tool's precision and recall, and its counts."""
    for name in SETS:
        cases = load(name)
        repos = sorted({case.repo for case in cases})
        positives = sum(case.code for case in cases)
        print(f"{name}: {len(cases)} runs, {positives} commented-out code ({', '.join(repos)})")
        print(f"  {'tool':24} {'precision':>9} {'recall':>7}    tp   fp   fn")
        for tool, flagger in tools():
            print(_row(tool, score(cases, flagger(cases))))
        print()


def print_misses(name: str) -> None:
    """ACO402's false matches and misses on one set, each run in full."""
    cases = load(name)
    for case, flag in zip(cases, aco402_flags(cases)):
        if flag != case.code:
            kind = "FALSE MATCH" if flag else "MISS"
            print(f"--- {kind} {case.repo} {case.path}:{case.line}\n{case.text}")


def main(argv: list[str]) -> int:
    """Print the tables (or ACO402's errors on one set); 0 always: this measures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", choices=SETS, help="list ACO402's errors on this set")
    args = parser.parse_args(argv)
    if args.misses:
        print_misses(args.misses)
    else:
        print_table()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
