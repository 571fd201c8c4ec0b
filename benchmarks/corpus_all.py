"""Check every .py file under some roots and hold ACO001 to `ast.parse`; count every crash.

For each root (a standard library with its tests, say), every `*.py` file is checked with all
rules, as `check` would with no config (no excludes: test data with bad syntax or encodings is
wanted here). A file gets ACO001 exactly when Python's own parser refuses its bytes; any
difference is listed. ACO002 (a rule crashed) and any exception out of the checker count as
crashes, with the rule or error named.

Example:
    python benchmarks/corpus_all.py ~/.pyenv/versions/3.1[0-3]*/lib/python3.1[0-3] --jobs 2
"""

from __future__ import annotations

import argparse
import ast
import os
import sys
import time
import traceback
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from acolyte_gates.checker import CheckOptions, check_files
from acolyte_gates.config.settings import Settings


@dataclass
class Tally:
    """What one root gave: files, parse failures both ways, crashes."""

    root: str
    files: int = 0
    python_refuses: int = 0
    aco001: int = 0
    mismatches: list[str] = field(default_factory=list)
    crashes: list[str] = field(default_factory=list)
    seconds: float = 0.0


def python_files(root: Path) -> list[str]:
    """Every *.py under root, symlinks not followed, in a stable order."""
    found = []
    for folder, dirs, names in os.walk(root):
        dirs.sort()
        found += [os.path.join(folder, name) for name in sorted(names) if name.endswith(".py")]
    return found


def python_refuses(path: str) -> bool:
    """Whether Python's parser rejects the file's bytes (cookie and BOM honoured)."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ast.parse(data, filename=path)
    except (SyntaxError, ValueError, RecursionError, MemoryError, OSError):
        return True
    return False


def check_root(root: Path, jobs: int) -> Tally:
    """Check every file of one root; compare ACO001 with Python's parser."""
    tally = Tally(str(root))
    paths = python_files(root)
    tally.files = len(paths)
    started = time.monotonic()
    try:
        findings = check_files(paths, Settings(root=str(root)), CheckOptions(jobs, use_cache=False))
    except Exception:  # the run itself crashed: that is the finding
        tally.crashes.append("check_files raised:\n" + traceback.format_exc())
        return tally
    tally.seconds = time.monotonic() - started
    ours = {f.path for f in findings if f.code == "ACO001"}
    tally.crashes += [f"{f.path}: {f.message}" for f in findings if f.code == "ACO002"]
    refused = {path for path in paths if python_refuses(path)}
    tally.python_refuses, tally.aco001 = len(refused), len(ours)
    tally.mismatches = [f"ACO001 but parses: {p}" for p in sorted(ours - refused)]
    tally.mismatches += [f"no ACO001 yet refused: {p}" for p in sorted(refused - ours)]
    return tally


def report(tallies: list[Tally]) -> str:
    """A table per root and the lines worth reading."""
    rows = ["| root | files | ast.parse refuses | ACO001 | mismatches | crashes | seconds |"]
    rows.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for t in tallies:
        rows.append(
            f"| {t.root} | {t.files} | {t.python_refuses} | {t.aco001} | {len(t.mismatches)}"
            f" | {len(t.crashes)} | {t.seconds:.1f} |"
        )
    total: Counter[str] = Counter()
    for t in tallies:
        total.update(files=t.files, mismatches=len(t.mismatches), crashes=len(t.crashes))
    rows.append(f"| total | {total['files']} | | | {total['mismatches']} | {total['crashes']} | |")
    details = [line for t in tallies for line in (*t.mismatches, *t.crashes)]
    return "\n".join(rows + [""] + details) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Check each root given; exit 1 when any mismatch or crash was seen."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("roots", nargs="+", type=Path)
    parser.add_argument("--jobs", type=int, default=0)
    args = parser.parse_args(argv)
    tallies = [check_root(root.resolve(), args.jobs) for root in args.roots]
    sys.stdout.write(report(tallies))
    return int(any(t.mismatches or t.crashes for t in tallies))


if __name__ == "__main__":
    sys.exit(main())
