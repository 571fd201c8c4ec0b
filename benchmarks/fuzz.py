"""Fuzz the checker: generated programs through `check_source` and both front ends as processes.

Four kinds of input, each seeded and repeatable (benchmarks/fuzz_inputs.py): hypothesmith's
grammar and node strategies, mutated standard-library files, and deeply nested valid code.
Each program is checked in-process (never an exception; ACO001 exactly when `ast.parse`
refuses the same input), then written to a folder and checked by `acolyte-gates check` and by
`flake8 --select ACO` as processes (never a traceback or an undocumented exit code, and the
same ACO findings from both, bar ACO001/E999 and the cross-file ACO601). ACO002 (a rule
crashed and said so) is counted apart from crashes that escaped.

Example:  python benchmarks/fuzz.py --count 10000 --seed 1
          python benchmarks/fuzz.py --kinds grammar,mutated --count 200
"""

from __future__ import annotations

import argparse
import ast
import io
import json
import subprocess
import sys
import tempfile
import tokenize
import traceback
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from acolyte_gates.config.settings import Settings
from acolyte_gates.engine import check_file
from acolyte_gates.source import SourceFile

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fuzz_inputs import GENERATORS  # noqa: E402  (a sibling script, not a package)

KINDS = ("grammar", "node", "mutated", "deep")
# Shares of --count per kind: hypothesmith's node strategy is slow and repeats itself.
SHARES = {"grammar": 0.6, "node": 0.05, "mutated": 0.2, "deep": 0.15}
# Findings the two front ends are not expected to share (flake8 says E999; ACO601 needs all files).
UNSHARED = ("ACO001", "ACO002", "ACO601")
BATCH = 2000


@dataclass
class Outcome:
    """What one kind of input did: counts, and a line per problem."""

    kind: str
    programs: int = 0
    crashes: list[str] = field(default_factory=list)
    mismatches: list[str] = field(default_factory=list)
    internal_errors: list[str] = field(default_factory=list)
    process_failures: list[str] = field(default_factory=list)
    parity: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)


def python_refuses(data: bytes) -> bool:
    """Whether Python's own parser rejects these bytes, or they are not text in their encoding.

    `ast.parse` (and `import`) let bytes that are not UTF-8 through inside a comment, though
    `python file.py` refuses such a file; ACO001 reports it, as its docs say, so the reference
    decodes strictly too.
    """
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        data.decode(encoding)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ast.parse(data)
    except (SyntaxError, ValueError, LookupError, RecursionError, MemoryError):
        return True
    return False


def check_in_process(name: str, data: bytes, outcome: Outcome) -> None:
    """One program through the engine as `check` reads a file: no exception, ACO001 as Python."""
    try:
        found = check_file(SourceFile.from_bytes(name, data), Settings(), name)
    except Exception:  # an escaped crash is what this looks for
        outcome.crashes.append(f"{name}: {traceback.format_exc().splitlines()[-1]}")
        return
    codes = {f.code for f in found}
    outcome.internal_errors += [f"{name}: {f.message}" for f in found if f.code == "ACO002"]
    if ("ACO001" in codes) != python_refuses(data):
        outcome.mismatches.append(f"{name}: ACO001 {'given' if 'ACO001' in codes else 'missing'}")


def check_text_api(name: str, data: bytes, outcome: Outcome) -> None:
    """The program as text through the public check_source: it must never raise."""
    from acolyte_gates import check_source

    try:
        check_source(data.decode("utf-8", "surrogateescape"), name)
    except Exception:
        outcome.crashes.append(f"{name} (check_source): {traceback.format_exc().splitlines()[-1]}")


def run(args: Sequence[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """A front end as a process, its output decoded whatever it holds."""
    return subprocess.run(
        list(args), cwd=cwd, capture_output=True, text=True, errors="replace", timeout=3600
    )


def check_process(folder: Path, outcome: Outcome) -> dict[str, set[tuple[int, int, str]]]:
    """`acolyte-gates check` on a folder: 0, 1 or (ACO002 only) 2, no traceback; its findings."""
    done = run(
        [sys.executable, "-m", "acolyte_gates", "check", "--no-cache", "--format", "json", "."],
        folder,
    )
    if "Traceback" in done.stderr or done.returncode not in (0, 1, 2):
        outcome.process_failures.append(f"check exited {done.returncode}: {done.stderr[-2000:]}")
        return {}
    found: dict[str, set[tuple[int, int, str]]] = {}
    for item in json.loads(done.stdout)["findings"]:
        found.setdefault(item["path"], set()).add((item["line"], item["col"], item["code"]))
    if done.returncode == 2 and not any(
        code == "ACO002" for s in found.values() for _, _, code in s
    ):
        outcome.process_failures.append(f"check exited 2 without ACO002: {done.stderr[-500:]}")
    return found


def flake8_process(folder: Path, outcome: Outcome) -> dict[str, set[tuple[int, int, str]]] | None:
    """`flake8 --select ACO` on a folder; None when a plugin not ours stopped it."""
    form = "--format=%(path)s\t%(row)d\t%(col)d\t%(code)s"
    done = run([sys.executable, "-m", "flake8", "-j", "2", "--select", "ACO,E9", form, "."], folder)
    output = done.stdout + done.stderr
    if "failed during execution" in output and '"ACO"' not in output:
        outcome.foreign.append(output.strip().splitlines()[0])  # another plugin (pyflakes)
        return None
    if "Traceback" in output and "acolyte_gates" not in output:
        outcome.foreign.append(output.strip().splitlines()[-1])  # flake8's own, not through us
        return None
    if "Traceback" in output or done.returncode not in (0, 1):
        outcome.process_failures.append(f"flake8 exited {done.returncode}: {output[-2000:]}")
        return None
    found: dict[str, set[tuple[int, int, str]]] = {}
    for line in done.stdout.splitlines():
        path, row, col, code = line.split("\t")
        found.setdefault(path.removeprefix("./"), set()).add((int(row), int(col), code))
    return found


def compare(
    names: list[str],
    ours: dict[str, set[tuple[int, int, str]]],
    theirs: dict[str, set[tuple[int, int, str]]],
    outcome: Outcome,
) -> None:
    """The same ACO findings from both front ends on every file flake8 could parse."""
    for name in names:
        if any(code.startswith("E9") for _, _, code in theirs.get(name, ())):
            continue  # flake8 did not run the plugin on it
        mine = {f for f in ours.get(name, ()) if f[2] not in UNSHARED}
        flake8 = {
            f for f in theirs.get(name, ()) if f[2].startswith("ACO") and f[2] not in UNSHARED
        }
        if mine != flake8:
            outcome.parity.append(
                f"{name}: check only {sorted(mine - flake8)}, flake8 only {sorted(flake8 - mine)}"
            )


def through_front_ends(programs: list[bytes], kind: str, outcome: Outcome) -> None:
    """Write the programs to files in batches and check each batch with both front ends."""
    for start in range(0, len(programs), BATCH):
        with tempfile.TemporaryDirectory(prefix=f"fuzz-{kind}-") as folder:
            root = Path(folder)
            (root / ".git").mkdir()  # the project root: no pyproject.toml above is read
            names = []
            for number, data in enumerate(programs[start : start + BATCH], start):
                names.append(f"{kind}_{number:05}.py")
                (root / names[-1]).write_bytes(data)
            ours = check_process(root, outcome)
            theirs = flake8_process(root, outcome)
            if theirs is not None and ours:
                compare(names, ours, theirs, outcome)


def fuzz(kind: str, count: int, seed: int, processes: bool = True) -> Outcome:
    """Generate `count` programs of one kind and put each through every front end."""
    programs = GENERATORS[kind](count, seed)
    outcome = Outcome(kind, len(programs))
    for number, data in enumerate(programs):
        name = f"{kind}_{number:05}.py"
        check_in_process(name, data, outcome)
        check_text_api(name, data, outcome)
    if processes:
        through_front_ends(programs, kind, outcome)
    return outcome


def report(outcomes: list[Outcome]) -> str:
    """A table and the first lines of each kind of problem."""
    rows = [
        "| input | programs | escaped crashes | ACO001 vs ast.parse | ACO002 (rule crashed)"
        " | front-end failures | parity | pyflakes/others crashed |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for o in outcomes:
        rows.append(
            f"| {o.kind} | {o.programs} | {len(o.crashes)} | {len(o.mismatches)} | {len(o.internal_errors)}"
            f" | {len(o.process_failures)} | {len(o.parity)} | {len(o.foreign)} |"
        )
    rows.append(
        f"| total | {sum(o.programs for o in outcomes)} | {sum(len(o.crashes) for o in outcomes)} | | | | | |"
    )
    details = []
    for o in outcomes:
        for title, lines in (
            ("crash", o.crashes),
            ("mismatch", o.mismatches),
            ("ACO002", o.internal_errors),
            ("front end", o.process_failures),
            ("parity", o.parity),
            ("foreign", o.foreign),
        ):
            details += [f"{o.kind} {title}: {line}" for line in lines[:10]]
    return "\n".join(rows + [""] + details) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Fuzz each kind asked for; exit 1 when anything escaped or disagreed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--count", type=int, default=10_000, help="programs in all, shared out by kind"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--kinds", default=",".join(KINDS))
    args = parser.parse_args(argv)
    kinds = [kind for kind in args.kinds.split(",") if kind]
    share = sum(SHARES[kind] for kind in kinds)
    outcomes = [
        fuzz(kind, max(1, round(args.count * SHARES[kind] / share)), args.seed) for kind in kinds
    ]
    sys.stdout.write(report(outcomes))
    bad = [o for o in outcomes if o.crashes or o.mismatches or o.process_failures or o.parity]
    return int(bool(bad))


if __name__ == "__main__":
    sys.exit(main())
