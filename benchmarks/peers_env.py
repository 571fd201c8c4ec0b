"""Set up what the peer benchmark needs: the corpus copy and two virtual environments.

The peers and acolyte-gates live in separate venvs: acolyte-gates registers a
flake8 plugin, and flake8 runs every installed plugin whatever --select says, so
sharing a venv would make flake8 do acolyte's work too.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
STAMP = ".acolyte-bench-pins"


@dataclass(frozen=True)
class Corpus:
    """A private working copy of a corpus: its folder, files and physical lines."""

    path: Path
    files: tuple[str, ...]
    lines: int


@dataclass(frozen=True)
class Install:
    """The outcome of installing acolyte-gates: the venv's bin dir or why it failed."""

    bin_dir: Path
    problem: str


def find_make_corpus(repo_root: Path) -> Path:
    """Return shared/bench/make_corpus.sh from the nearest ancestor holding shared/."""
    for parent in repo_root.parents:
        candidate = parent / "shared" / "bench" / "make_corpus.sh"
        if candidate.is_file():
            return candidate
    raise SystemExit(f"shared/bench/make_corpus.sh not found above {repo_root}")


def ensure_corpus(root: Path, name: str, rebuild: bool, python: str) -> None:
    """Build the corpora under root unless the wanted manifest is already there."""
    if (root / f"{name}.files").is_file() and not rebuild:
        return
    script = find_make_corpus(REPO_ROOT)
    env = {**os.environ, "CORPUS_ROOT": str(root), "PYTHON": python}
    subprocess.run(["bash", str(script)], env=env, check=True)


def count_lines(data: bytes) -> int:
    """Count physical lines as make_corpus.sh does: newlines, plus an unended last line."""
    unended = 1 if data and not data.endswith(b"\n") else 0
    return data.count(b"\n") + unended


def copy_corpus(root: Path, name: str, dest: Path) -> Corpus:
    """Copy the manifest's files to dest so touching and caching stay private."""
    manifest = (root / f"{name}.files").read_text(encoding="utf-8").split()
    lines = 0
    for rel in manifest:
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(root / name / rel, target)
        lines += count_lines(target.read_bytes())
    return Corpus(dest, tuple(manifest), lines)


def bin_dir(venv: Path) -> Path:
    """Return the folder holding a venv's executables."""
    return venv / ("Scripts" if sys.platform == "win32" else "bin")


def _pip(venv: Path, args: list[str]) -> subprocess.CompletedProcess[str]:
    """Run the venv's pip quietly, keeping its output for error messages."""
    argv = [str(bin_dir(venv) / "python"), "-m", "pip", "install", "-q", *args]
    return subprocess.run(argv, capture_output=True, text=True, check=False)


def ensure_venv(venv: Path, python: str) -> None:
    """Create the venv with the given interpreter unless it exists already."""
    if not (bin_dir(venv) / "python").exists():
        venv.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([python, "-m", "venv", str(venv)], check=True)


def ensure_peers(venv: Path, python: str, pins: tuple[str, ...]) -> None:
    """Install the pinned peers once; a stamp file records which pins are in."""
    ensure_venv(venv, python)
    stamp = venv / STAMP
    wanted = "\n".join(pins)
    if stamp.is_file() and stamp.read_text(encoding="utf-8") == wanted:
        return
    result = _pip(venv, list(pins))
    if result.returncode != 0:
        raise SystemExit(f"installing the peers failed:\n{result.stderr[-2000:]}")
    stamp.write_text(wanted, encoding="utf-8")


def install_acolyte(venv: Path, python: str, src: Path) -> Install:
    """Install acolyte-gates from src and say whether its check command runs."""
    ensure_venv(venv, python)
    result = _pip(venv, [str(src)])
    if result.returncode != 0:
        return Install(bin_dir(venv), _last_line(result.stderr, "pip install failed"))
    exe = bin_dir(venv) / "acolyte-gates"
    if not exe.exists():
        return Install(bin_dir(venv), "no acolyte-gates executable")
    probe = subprocess.run(
        [str(exe), "check", "--help"], capture_output=True, text=True, check=False
    )
    if probe.returncode != 0:
        return Install(bin_dir(venv), _last_line(probe.stderr, "check --help failed"))
    return Install(bin_dir(venv), "")


def _last_line(text: str, fallback: str) -> str:
    """Return the last non-empty line of a tool's error output, or a fallback."""
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1].strip() if lines else fallback
