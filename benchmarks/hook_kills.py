"""Kill the pre-commit hook with SIGKILL at seeded random moments; count what was lost.

A small repository is made once: clean modules and modules black and isort would change, all
staged. Each trial copies it, starts `acolyte-gates hook run --gates format,imports,aco`
(with `--fix` in every other trial), and sends SIGKILL to the hook process after a delay drawn
from [0, 1.1 x its unkilled run time] (half the trials from the last half, where the fix is
written back). Then, per staged file:

- without --fix: the work tree and the index entry must be exactly as before;
- with --fix: the work-tree bytes and the index entry must each be the original or the fixed
  version (what an unkilled run leaves), never anything else, and no file may be missing;
- no other file may change, except temporary `.NAME.*.acolyte-tmp` files beside a staged file,
  which the next hook run must remove.

"Data lost" counts files that break those rules. Also counted: temporary files left (before
the next run cleaned them), a git index.lock left behind, snapshot folders left in the
temporary directory (a killed process cleans nothing, and its tools run on to their end).

Example:  python benchmarks/hook_kills.py --trials 120 --seed 1
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

CLEAN = '"""A module."""\n\n\ndef add(a: int, b: int) -> int:\n    """Add."""\n    return a + b\n'
UNFORMATTED = CLEAN.replace("return a + b", "return a  +  b")
UNSORTED = '"""A module."""\n\nimport sys\nimport os\n\nNAMES = (os.sep, sys.platform)\n'
FILES = {
    "pkg/__init__.py": '"""The package."""\n',
    "pkg/clean.py": CLEAN,
    "pkg/spaced_one.py": UNFORMATTED,
    "pkg/spaced_two.py": UNFORMATTED.replace("add", "plus"),
    "pkg/imports_one.py": UNSORTED,
    "pkg/imports_two.py": UNSORTED.replace("NAMES", "PARTS"),
    "pkg/both.py": UNSORTED + "\n\n" + UNFORMATTED.split('"""A module."""\n', 1)[1],
}
GATES = "format,imports,aco"


@dataclass(frozen=True)
class State:
    """Every work-tree file's bytes (the .git folder aside) and the index entries."""

    files: dict[str, bytes]
    index: dict[str, str]


def git(repo: Path, *args: str) -> str:
    """Run git in the repository; its output."""
    done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True)
    return done.stdout


def state(repo: Path) -> State:
    """What the repository holds now."""
    files = {
        str(path.relative_to(repo)): path.read_bytes()
        for path in sorted(repo.rglob("*"))
        if path.is_file() and ".git" not in path.relative_to(repo).parts
    }
    index = {}
    for line in git(repo, "ls-files", "--stage").splitlines():
        info, name = line.split("\t", 1)
        index[name] = info
    return State(files, index)


def make_template(folder: Path) -> Path:
    """The repository every trial copies: one commit, then the Python files staged."""
    repo = folder / "template"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    for key, value in (("user.name", "Bench"), ("user.email", "b@example.invalid")):
        git(repo, "config", key, value)
    (repo / "README.md").write_text("a project\n", encoding="utf-8")
    git(repo, "add", "README.md")
    git(repo, "commit", "-q", "-m", "start")
    for name, text in FILES.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    return repo


def hook_command(fix: bool) -> list[str]:
    """The hook as git would start it."""
    return [
        sys.executable,
        "-m",
        "acolyte_gates",
        "hook",
        "run",
        "--gates",
        GATES,
        *(["--fix"] if fix else []),
    ]


def unkilled(template: Path, folder: Path, fix: bool) -> tuple[State, float]:
    """What a run that is left alone leaves, and how long it takes."""
    repo = folder / f"reference-{fix}"
    shutil.copytree(template, repo, symlinks=True)
    started = time.monotonic()
    subprocess.run(hook_command(fix), cwd=repo, capture_output=True, check=False)
    return state(repo), time.monotonic() - started


def snapshot_folders() -> set[str]:
    """The hook's snapshot folders in the temporary directory now."""
    return {name for name in os.listdir(tempfile.gettempdir()) if name.startswith("acolyte-hook-")}


def judge(after: State, before: State, fixed: State, fix: bool) -> tuple[list[str], int]:
    """Files that break the rules (data lost), and temporary files left."""
    lost, temporaries = [], 0
    for name in sorted(set(before.files) | set(after.files)):
        base = os.path.basename(name)
        if base.startswith(".") and base.endswith(".acolyte-tmp"):
            temporaries += 1
            continue
        contents = {before.files.get(name)} | ({fixed.files.get(name)} if fix else set())
        if after.files.get(name) not in contents:
            lost.append(f"work tree {name}")
    for name in sorted(set(before.index) | set(after.index)):
        entries = {before.index.get(name)} | ({fixed.index.get(name)} if fix else set())
        if after.index.get(name) not in entries:
            lost.append(f"index {name}")
    return lost, temporaries


@dataclass(frozen=True)
class Trial:
    """One killed run: its repository, mode, the states before and after, a lock left."""

    repo: Path
    fix: bool
    before: State
    after: State
    lock: bool


def trial(template: Path, folder: Path, number: int, plan: tuple[bool, float]) -> Trial:
    """One killed run: copy the template, start the hook, kill it after the delay."""
    fix, delay = plan
    repo = folder / f"trial-{number}"
    shutil.copytree(template, repo, symlinks=True)
    before = state(repo)
    hook = subprocess.Popen(
        hook_command(fix), cwd=repo, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    time.sleep(delay)
    hook.send_signal(signal.SIGKILL)
    hook.wait()
    lock = (repo / ".git" / "index.lock").exists()
    if lock:
        (repo / ".git" / "index.lock").unlink()  # as a user would, after git's own advice
    return Trial(repo, fix, before, state(repo), lock)


def cleaned_by_next_run(repo: Path) -> bool:
    """Whether an ordinary hook run afterwards leaves no temporary file of ours."""
    subprocess.run(
        [sys.executable, "-m", "acolyte_gates", "hook", "run", "--gates", "aco"],
        cwd=repo,
        capture_output=True,
        check=False,
    )
    return not [p for p in repo.rglob("*.acolyte-tmp") if ".git" not in p.parts]


def run_trials(trials: int, rng: random.Random, folder: Path) -> tuple[Counter[str], list[str]]:
    """Every trial, judged; the tallies, the unkilled run times and a line per file lost."""
    tally: Counter[str] = Counter()
    lost_lines: list[str] = []
    template = make_template(folder)
    references = {fix: unkilled(template, folder, fix) for fix in (False, True)}
    lost_lines.append(
        f"unkilled run: {references[False][1]:.2f} s without --fix, {references[True][1]:.2f} s with"
    )
    for number in range(trials):
        fix = number % 2 == 1
        seconds = references[fix][1]
        low = 0.5 * seconds if rng.random() < 0.5 else 0.0
        done = trial(template, folder, number, (fix, rng.uniform(low, 1.1 * seconds)))
        lost, temporaries = judge(done.after, done.before, references[True][0], fix)
        mode = "fix" if fix else "no-fix"
        tally[f"{mode} trials"] += 1
        tally[f"{mode} files lost"] += len(lost)
        tally[f"{mode} temporaries left"] += temporaries
        tally[f"{mode} index.lock left"] += int(done.lock)
        tally[f"{mode} trials that changed the work tree"] += int(
            done.after.files != done.before.files
        )
        tally[f"{mode} temporaries not cleaned by the next run"] += int(
            not cleaned_by_next_run(done.repo)
        )
        lost_lines += [f"trial {number} ({mode}): {line}" for line in lost]
        shutil.rmtree(done.repo)
    return tally, lost_lines


def main(argv: list[str] | None = None) -> int:
    """Run the trials and print the tallies; exit 1 when anything was lost or left."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=120)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    snapshots_before = snapshot_folders()
    with tempfile.TemporaryDirectory(prefix="hook-kills-") as work:
        rng = random.Random(args.seed)  # nosec B311 - seeded delays, not security
        tally, lost_lines = run_trials(args.trials, rng, Path(work))
    tally["snapshot folders left in the temporary directory"] = len(
        snapshot_folders() - snapshots_before
    )
    sys.stdout.write("".join(f"{key}: {value}\n" for key, value in sorted(tally.items())))
    sys.stdout.write("".join(line + "\n" for line in lost_lines))
    bad = sum(value for key, value in tally.items() if "lost" in key or "not cleaned" in key)
    return int(bad > 0)


if __name__ == "__main__":
    sys.exit(main())
