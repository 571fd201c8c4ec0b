"""Time acolyte-gates check against flake8, pylint, ruff and a parse-only floor.

Example (quick):  python benchmarks/bench_peers.py --corpus small --runs 1
Example (full):   python benchmarks/bench_peers.py --json bench.json
Subset:           python benchmarks/bench_peers.py --only acolyte,floor

The corpus is built by shared/bench/make_corpus.sh (found beside the repository),
copied to a private temporary folder, and every tool runs there with its config
passed on the command line. When acolyte-gates cannot be installed or has no
check command yet, its rows say "not available" and the peers are still timed.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

import peers_env
import peers_report
import peers_timing
import peers_tools

GROUPS = ("acolyte", "flake8", "pylint", "ruff", "floor")
SMALL_FILE = (
    '"""One small module for timing start-up."""\n\n\n'
    "def double(x: int) -> int:\n"
    '    """Return twice x."""\n'
    "    return 2 * x\n"
)


@dataclass(frozen=True)
class Options:
    """Everything the command line decides, parsed once."""

    acolyte_src: Path
    corpus_root: Path
    corpus: str
    rebuild_corpus: bool
    venv: Path
    acolyte_venv: Path
    python: str
    runs: int
    only: tuple[str, ...]
    json: Path | None
    keep_tmp: bool


def parse_args(argv: list[str]) -> Options:
    """Parse the command line into Options."""
    tmp = Path(tempfile.gettempdir())
    venv = Path.home() / ".cache" / "acolyte-bench" / "venv"
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--acolyte-src", type=Path, default=peers_env.REPO_ROOT)
    p.add_argument("--corpus-root", type=Path, default=tmp / "aco-corpus")
    p.add_argument("--corpus", choices=("small", "stdlib"), default="stdlib")
    p.add_argument("--rebuild-corpus", action="store_true")
    p.add_argument("--venv", type=Path, default=venv, help="the peers' venv")
    p.add_argument("--acolyte-venv", type=Path, help="default: VENV-acolyte")
    p.add_argument("--python", default=sys.executable, help="interpreter for the venvs")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--only", default=",".join(GROUPS), help=f"subset of {','.join(GROUPS)}")
    p.add_argument("--json", type=Path, help="write the raw results here")
    p.add_argument("--keep-tmp", action="store_true", help="keep the corpus copy and configs")
    ns = p.parse_args(argv)
    only = tuple(g.strip() for g in ns.only.split(",") if g.strip())
    if unknown := set(only) - set(GROUPS):
        p.error(f"unknown --only group(s): {', '.join(sorted(unknown))}")
    acolyte_venv = ns.acolyte_venv or ns.venv.with_name(ns.venv.name + "-acolyte")
    return Options(ns.acolyte_src.resolve(), ns.corpus_root, ns.corpus, ns.rebuild_corpus,
                   ns.venv, acolyte_venv, ns.python, max(1, ns.runs), only, ns.json,
                   ns.keep_tmp)  # fmt: skip


def gather_cases(
    opts: Options, work: Path, install: peers_env.Install | None
) -> list[peers_tools.Case]:
    """Return the cases of the chosen groups; acolyte's only when it is installed."""
    peers_bin = peers_env.bin_dir(opts.venv)
    configs = peers_tools.write_configs(work / "configs")
    cases = [c for c in peers_tools.peer_cases(peers_bin, configs) if c.tool in opts.only]
    if install is not None and not install.problem:
        small = work / "tiny" / "one.py"
        small.parent.mkdir(parents=True, exist_ok=True)
        small.write_text(SMALL_FILE, encoding="utf-8")
        cases = peers_tools.acolyte_cases(install.bin_dir) + cases
        cases.append(peers_tools.startup_case(install.bin_dir, small))
    return cases


def prepare(opts: Options, work: Path) -> tuple[peers_env.Corpus, peers_env.Install | None]:
    """Build or reuse the corpus, copy it, install the peers and acolyte-gates."""
    peers_env.ensure_corpus(opts.corpus_root, opts.corpus, opts.rebuild_corpus, opts.python)
    corpus = peers_env.copy_corpus(opts.corpus_root, opts.corpus, work / "corpus")
    print(f"corpus {opts.corpus}: {len(corpus.files)} files, {corpus.lines} lines",
          file=sys.stderr)  # fmt: skip
    peers_env.ensure_peers(opts.venv, opts.python, peers_tools.PINS)
    if "acolyte" not in opts.only:
        return corpus, None
    install = peers_env.install_acolyte(opts.acolyte_venv, opts.python, opts.acolyte_src)
    if install.problem:
        print(f"acolyte-gates not available: {install.problem}", file=sys.stderr)
    return corpus, install


def _measure_rss(opts: Options, cases: list[peers_tools.Case], corpus: Path) -> dict[str, float]:
    """Measure acolyte's peak RSS at --jobs 2 when its cases are there; else {}."""
    cold_j2 = [c for c in cases if c.key == "acolyte cold j2"]
    if not cold_j2:
        return {}
    python = peers_env.bin_dir(opts.venv) / "python"
    return peers_timing.peak_rss(python, cold_j2[0], corpus)


def measure(opts: Options, work: Path) -> int:
    """Run the benchmark in work and print the table and the verdicts."""
    corpus, install = prepare(opts, work)
    cases = gather_cases(opts, work, install)
    results = peers_timing.run_rounds(cases, corpus, opts.runs)
    rss = _measure_rss(opts, cases, corpus.path)
    values = peers_report.medians(results, rss.get("peak_mb"))
    judged = peers_report.verdicts(values)
    print(peers_report.table(results, corpus.lines, _missing_rows(install)))
    print()
    print(peers_report.verdict_lines(judged))
    if opts.json:
        meta = {"options": asdict(opts), "corpus_lines": corpus.lines, "pins": peers_tools.PINS,
                "acolyte_problem": install and install.problem, "rss": rss,
                "verdicts": [asdict(v) for v in judged]}  # fmt: skip
        peers_report.write_json(opts.json, meta, results)
    return 0


def _missing_rows(install: peers_env.Install | None) -> list[str]:
    """Name acolyte's rows when it was wanted but could not be run."""
    if install is None or not install.problem:
        return []
    return ["acolyte cold j1", "acolyte cold j2", "acolyte warm", "acolyte warm+5",
            "acolyte start-up", "acolyte peak RSS"]  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    """Parse options, run in a temporary folder, and clean it up unless asked not to."""
    opts = parse_args(sys.argv[1:] if argv is None else argv)
    work = Path(tempfile.mkdtemp(prefix="acolyte-bench-"))
    try:
        return measure(opts, work)
    finally:
        if opts.keep_tmp:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
