"""A temporary git repository with the commands hook tests run in it, and the two sample modules."""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

from acolyte_gates.cli import main

SRC = Path(__file__).resolve().parents[2] / "src"

# Clean under every default hook gate: docstrings, hints, black's layout, four parameters.
CLEAN = (
    '"""A module."""\n\n\n'
    "def add(a: int, b: int) -> int:\n"
    '    """Add two numbers."""\n'
    "    return a + b\n"
)
# The same, but with five parameters: ACO104 (the limit is four).
BAD = (
    '"""A module."""\n\n\n'
    "def add(a: int, b: int, c: int, d: int, e: int) -> int:\n"
    '    """Add five numbers."""\n'
    "    return a + b + c + d + e\n"
)


@dataclass(frozen=True)
class Repo:
    """A temporary git repository and the commands a test runs in it."""

    path: Path

    def git(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        """Run git here; fail the test when a command that must work does not."""
        done = subprocess.run(
            ["git", *args], cwd=self.path, capture_output=True, text=True, timeout=60
        )
        if check and done.returncode != 0:
            raise AssertionError(f"git {' '.join(args)} failed:\n{done.stdout}{done.stderr}")
        return done

    def write(self, name: str, text: str) -> Path:
        """Write a file (folders made as needed) in the work tree."""
        target = self.path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        return target

    def stage(self, name: str, text: str) -> None:
        """Write a file and add it to the index."""
        self.write(name, text)
        self.git("add", "--", name)

    def commit(self, *args: str) -> subprocess.CompletedProcess[str]:
        """`git commit -m msg ARGS`; the hook decides whether it works, so it is not checked."""
        return self.git("commit", "-m", "a commit", *args, check=False)

    def aco(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run this checkout's `acolyte-gates ARGS` here, with the interpreter running the tests."""
        command = [sys.executable, "-m", "acolyte_gates", *args]
        return subprocess.run(command, cwd=self.path, capture_output=True, text=True, timeout=120)

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        """`acolyte-gates ARGS` run here in this process, so that coverage sees the code it runs."""
        out, err = io.StringIO(), io.StringIO()
        previous = os.getcwd()
        os.chdir(self.path)
        try:
            with redirect_stdout(out), redirect_stderr(err):
                code = main(list(args))
        finally:
            os.chdir(previous)
        return subprocess.CompletedProcess(list(args), code, out.getvalue(), err.getvalue())

    def state(self) -> str:
        """A hash of the index file and of every work-tree file: equal states are byte-identical."""
        digest = hashlib.sha256()
        for file in sorted(p for p in self.path.rglob("*") if p.is_file()):
            digest.update(str(file.relative_to(self.path)).encode() + b"\0" + file.read_bytes())
        return digest.hexdigest()
