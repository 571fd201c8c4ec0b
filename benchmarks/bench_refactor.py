"""Measure `split` and `fix`: time, and that fixing keeps every file parsing and black-clean.

1. split: plan and apply the split of the bookshop sample (tests/refactor/samples, a
   995-line module), copied to a temporary folder; medians of --runs, with the time libcst
   takes to parse and print the module once as the reference it is measured against.
2. fix: `fix` on every file of the standard-library corpus (/work/shared/bench/make_corpus.sh
   builds it; --corpus names its folder), in a copy: time, fixes per rule, files changed;
   then every fixed file must parse, and every changed file black accepted before must still
   be accepted (`black --check`, with the corpus copy's own black settings: none, so 88).

Example:  PYTHONPATH=src python benchmarks/bench_refactor.py --runs 5 --corpus /tmp/aco-corpus/stdlib
"""

from __future__ import annotations

import argparse
import ast
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections import Counter
from pathlib import Path

import libcst as cst

from acolyte_gates.config.settings import Settings
from acolyte_gates.refactor.atomic import FileWrite, write_files
from acolyte_gates.refactor.fix_files import FileFix, fix_file, write_fix
from acolyte_gates.refactor.refusal import Refused
from acolyte_gates.refactor.split_plan import plan_split
from acolyte_gates.refactor.split_values import SplitRequest

SAMPLE = Path(__file__).resolve().parent.parent / "tests" / "refactor" / "samples" / "bookshop"
BLACK_BATCH = 200


def _split_once(folder: Path) -> tuple[float, float]:
    """Seconds to plan and to apply one split of a fresh copy of the sample."""
    root = folder / f"copy{time.monotonic_ns()}"
    shutil.copytree(SAMPLE, root)
    module = root / "bookshop" / "app.py"
    started = time.perf_counter()
    plan = plan_split(SplitRequest(str(module), 250))
    planned = time.perf_counter()
    writes = [FileWrite(m.path, m.text.encode(), None) for m in plan.modules]
    reason = write_files([*writes, FileWrite(str(module), plan.thin.text.encode(), plan.original)])
    applied = time.perf_counter()
    if reason:
        raise RuntimeError(reason)
    return planned - started, applied - planned


def bench_split(runs: int) -> None:
    """Print the median times to plan and apply the sample's split, against one libcst parse."""
    text = (SAMPLE / "bookshop" / "app.py").read_text()
    with tempfile.TemporaryDirectory() as scratch:
        times = [_split_once(Path(scratch)) for _ in range(runs)]
    reference = []
    for _ in range(runs):
        started = time.perf_counter()
        if cst.parse_module(text).code != text:
            raise RuntimeError("libcst did not give the module back as it read it")
        reference.append(time.perf_counter() - started)
    plan = statistics.median(t[0] for t in times)
    apply = statistics.median(t[1] for t in times)
    parse = statistics.median(reference)
    lines = text.count("\n")
    print(f"split of a {lines}-line module, median of {runs}:")
    print(
        f"  plan  {plan:.3f} s  ({plan / parse:.1f}x one libcst parse+print of it, {parse:.3f} s)"
    )
    print(f"  apply {apply:.4f} s")


def _parses(path: Path) -> bool:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ast.parse(path.read_bytes())
        return True
    except (SyntaxError, ValueError):
        return False


def _black_clean(paths: list[Path]) -> set[Path]:
    """The files `black --check` accepts, asked in batches."""
    black = shutil.which("black", path=os.path.dirname(sys.executable)) or "black"
    clean = set()
    for start in range(0, len(paths), BLACK_BATCH):
        batch = paths[start : start + BLACK_BATCH]
        result = subprocess.run(
            [black, "--check", "--", *map(str, batch)],
            capture_output=True,
            text=True,
            check=False,
        )
        flagged = {
            line.split("would reformat ", 1)[1].strip()
            for line in result.stderr.splitlines()
            if "would reformat " in line
        }
        flagged |= {
            line.split(": ")[0].split("cannot format ")[-1]
            for line in result.stderr.splitlines()
            if "cannot format" in line
        }
        clean |= {path for path in batch if str(path) not in flagged}
    return clean


def _fix_all(files: list[Path], root: Path) -> tuple[list[FileFix], list[str], tuple[float, float]]:
    """Every file's fixes, in memory: the files that change, the refusals, wall and CPU seconds."""
    settings = Settings(root=str(root))
    fixes: list[FileFix] = []
    refused: list[str] = []
    started, cpu = time.perf_counter(), time.process_time()
    for path in files:
        try:
            fix = fix_file(str(path), settings, 88)
        except Refused as refusal:
            refused.append(str(refusal))
            continue
        if fix.changed:
            fixes.append(fix)
    return fixes, refused, (time.perf_counter() - started, time.process_time() - cpu)


def bench_fix(corpus: Path) -> None:
    """Print what `fix --apply` did on a copy of the corpus, and whether it broke anything."""
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "corpus"
        shutil.copytree(corpus, copy)
        files = sorted(copy.rglob("*.py"))
        fixes, refused, seconds = _fix_all(files, copy)
        changed = [Path(fix.path) for fix in fixes]
        was_clean = _black_clean(changed)
        failed = [fix.path for fix in fixes if write_fix(fix)]
        broken = [path for path in changed if not _parses(path)]
        still_clean = _black_clean(sorted(was_clean))
        lines = sum(path.read_bytes().count(b"\n") for path in files)
    counts = Counter(made.code for fix in fixes for made in fix.result.fixed)
    print(
        f"fix on {len(files)} files ({lines} lines): {seconds[0]:.1f} s wall,"
        f" {seconds[1]:.1f} s CPU to compute every fix"
    )
    print(f"  fixes: {dict(sorted(counts.items()))}; files changed: {len(changed)}")
    print(f"  refused: {len(refused)}; not written: {len(failed)}")
    print("".join(f"    {reason}\n" for reason in refused[:5]), end="")
    print(f"  changed files that no longer parse: {len(broken)}")
    print(
        f"  changed files black accepted before: {len(was_clean)};"
        f" still accepted after: {len(still_clean)}"
    )


def main() -> int:
    """Run the measures the command line asks for."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--corpus", type=Path, help="the corpus folder (skip fix when absent)")
    parser.add_argument("--no-split", action="store_true", help="measure fix only")
    args = parser.parse_args()
    if not args.no_split:
        bench_split(args.runs)
    if args.corpus:
        bench_fix(args.corpus)
    return 0


if __name__ == "__main__":
    sys.exit(main())
