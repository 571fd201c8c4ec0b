"""Run one ACO rule over a corpus and print a seeded random sample of its findings, in context.

For measuring a heuristic rule's false-positive rate by reading: `--code ACO402 --seed 7
--count 50` prints 50 findings, each with the lines around it, for a person to judge. It
also prints how many findings there are and the time the rule took, parse and tokenize
excluded (they are built before the clock starts).

    PYTHONPATH=src python benchmarks/sample_findings.py --code ACO402 --seed 7 --count 50
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from acolyte_gates.config.settings import Settings
from acolyte_gates.engine import check_file
from acolyte_gates.findings import Finding
from acolyte_gates.source import SourceFile

DEFAULT_CORPUS = str(
    Path(os.environ.get("CORPUS_ROOT", Path(tempfile.gettempdir()) / "aco-corpus")) / "stdlib"
)
"""Where /work/shared/bench/make_corpus.sh puts the standard-library corpus by default."""


@dataclass(frozen=True)
class Options:
    """What to run and how much of it to show."""

    code: str
    seed: int
    count: int
    corpus: Path
    context: int


@dataclass(frozen=True)
class Sampled:
    """A finding and the file lines shown around it."""

    finding: Finding
    lines: tuple[str, ...]


def parse_options(argv: list[str]) -> Options:
    """Command-line arguments to Options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--code", required=True, help="the rule code to run, e.g. ACO402")
    parser.add_argument("--seed", type=int, default=1, help="random seed of the sample")
    parser.add_argument("--count", type=int, default=50, help="findings to print")
    parser.add_argument("--corpus", default=DEFAULT_CORPUS, help="folder of .py files")
    parser.add_argument("--context", type=int, default=3, help="lines shown before and after")
    args = parser.parse_args(argv)
    return Options(args.code, args.seed, args.count, Path(args.corpus), args.context)


def _shown(source: SourceFile, finding: Finding, context: int) -> tuple[str, ...]:
    first = max(finding.line - context, 1)
    last = min(finding.line + context, len(source.lines))
    marks = {finding.line: ">"}
    return tuple(
        f"{marks.get(n, ' ')}{n:6} | {source.lines[n - 1]}" for n in range(first, last + 1)
    )


def run_rule(options: Options) -> tuple[list[Sampled], float, int]:
    """Every finding of the rule over the corpus with its context, the rule's time, and the file count."""
    settings = Settings(select=(options.code,))
    found: list[Sampled] = []
    spent = 0.0
    paths = sorted(options.corpus.rglob("*.py"))
    for path in paths:
        relpath = path.relative_to(options.corpus).as_posix()
        source = SourceFile.from_bytes(relpath, path.read_bytes())
        _ = (source.tree, source.comments, source.definitions, source.lines)
        start = time.perf_counter()
        findings = check_file(source, settings, relpath)
        spent += time.perf_counter() - start
        found.extend(Sampled(f, _shown(source, f, options.context)) for f in findings)
    return found, spent, len(paths)


def main(argv: list[str]) -> int:
    """Print the sample, then the totals; 0 always (this measures, it does not judge)."""
    options = parse_options(argv)
    found, spent, files = run_rule(options)
    picker = random.Random(options.seed)  # nosec B311 - a reproducible sample to read, not a secret
    sample = picker.sample(found, min(options.count, len(found)))
    for number, item in enumerate(
        sorted(sample, key=lambda s: (s.finding.path, s.finding.line)), 1
    ):
        finding = item.finding
        print(
            f"#{number} {finding.path}:{finding.line}:{finding.col}: {finding.code} {finding.message}"
        )
        print("\n".join(item.lines), end="\n\n")
    print(
        f"{options.code}: {len(found)} findings in {files} files; sample of {len(sample)}, seed {options.seed}"
    )
    print(f"rule time {spent:.2f} s (parse and tokenize excluded)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
