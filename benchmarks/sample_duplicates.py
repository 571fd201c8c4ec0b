"""Print a seeded random sample of ACO601 findings (cross-file ones too) with both copies.

Usage: python benchmarks/sample_duplicates.py PATH [--select ACO601] [--count 50] [--seed 601]
For an ACO601 finding, both copies are printed side by side in turn.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import re
import sys

from acolyte_gates import check_paths
from acolyte_gates.config.settings import Settings
from acolyte_gates.findings import Finding

_OTHER = re.compile(r"lines (\d+)-(\d+) duplicate (?:lines |(.+):)(\d+)-(\d+)")


def _lines(path: str, first: int, last: int) -> str:
    with open(path, encoding="utf-8", errors="replace") as handle:
        text = handle.read().splitlines()
    return "\n".join(f"{n:5} | {text[n - 1]}" for n in range(first, min(last, len(text)) + 1))


def show(finding: Finding) -> str:
    """The finding, its own lines and, for a duplicate, the other copy's lines."""
    head = f"{finding.path}:{finding.line}:{finding.col}: {finding.code} {finding.message}"
    match = _OTHER.search(finding.message)
    if match is None:
        return head + "\n" + _lines(finding.path, finding.line, finding.line + 5)
    first, last, other, other_first, other_last = match.groups()
    mine = _lines(finding.path, int(first), int(last))
    theirs = _lines(other or finding.path, int(other_first), int(other_last))
    return f"{head}\n{mine}\n  ---- other copy: {other or 'same file'}\n{theirs}"


def main() -> int:
    """Check the path, sample the findings, print them numbered."""
    parser = argparse.ArgumentParser()
    parser.add_argument("path")
    parser.add_argument("--select", default="ACO601")
    parser.add_argument("--count", type=int, default=50)
    parser.add_argument("--seed", type=int, default=601)
    args = parser.parse_args()
    settings = dataclasses.replace(Settings(), select=tuple(args.select.split(",")))
    findings = check_paths([args.path], settings)
    sampler = random.Random(args.seed)  # nosec B311 - a reproducible sample, not a secret
    chosen = sampler.sample(findings, min(args.count, len(findings)))
    print(f"{len(findings)} findings; {len(chosen)} sampled with seed {args.seed}\n")
    for number, finding in enumerate(sorted(chosen), 1):
        print(f"#{number} {show(finding)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
