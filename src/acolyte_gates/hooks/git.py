"""The one way this package runs git: an argument list, a timeout, the caller's environment."""

from __future__ import annotations

import os

# git runs from an argument list with a fixed executable, never through a shell.
import subprocess  # nosec B404
from collections.abc import Sequence
from dataclasses import dataclass

from acolyte_gates.errors import AcolyteError

GIT_TIMEOUT = 60.0


class GitError(AcolyteError):
    """git is missing, timed out, or refused a command the hook needs."""


@dataclass(frozen=True)
class GitResult:
    """What a git command gave back: its exit code and raw output bytes."""

    returncode: int
    stdout: bytes
    stderr: bytes

    @property
    def ok(self) -> bool:
        """Whether git exited 0."""
        return self.returncode == 0


def git_env() -> dict[str, str]:
    """The caller's environment, with GIT_INDEX_FILE made absolute so any cwd reads the same index.

    git hands a hook the index to check in GIT_INDEX_FILE (a temporary one for `commit -a`
    and `commit PATH`); it may be relative to the folder the hook started in.
    """
    env = dict(os.environ)
    index = env.get("GIT_INDEX_FILE")
    if index:
        env["GIT_INDEX_FILE"] = os.path.abspath(index)
    return env


def run_git(args: Sequence[str], cwd: str, stdin: bytes | None = None) -> GitResult:
    """Run `git ARGS` in `cwd`; a missing git or a timeout becomes a GitError."""
    try:
        done = subprocess.run(  # nosec B603 B607
            ["git", *args],
            cwd=cwd,
            input=stdin,
            capture_output=True,
            env=git_env(),
            timeout=GIT_TIMEOUT,
            check=False,
        )
    except FileNotFoundError as exc:
        raise GitError("git is not installed or not on PATH") from exc
    except subprocess.TimeoutExpired as exc:
        raise GitError(f"`git {' '.join(args)}` took longer than {GIT_TIMEOUT:.0f}s") from exc
    return GitResult(done.returncode, done.stdout, done.stderr)


def git_out(args: Sequence[str], cwd: str, stdin: bytes | None = None) -> bytes:
    """The stdout of a git command that must succeed; its stderr becomes the error otherwise."""
    result = run_git(args, cwd, stdin)
    if not result.ok:
        message = (
            result.stderr.decode("utf-8", "replace").strip() or f"exit code {result.returncode}"
        )
        raise GitError(f"`git {' '.join(args)}` failed: {message}")
    return result.stdout


def split_z(output: bytes) -> list[str]:
    """Paths from NUL-separated git output, decoded as the file system names them."""
    return [os.fsdecode(item) for item in output.split(b"\0") if item]


def toplevel(cwd: str) -> str:
    """The root of the work tree holding `cwd`; an error outside a repository or in a bare one."""
    result = run_git(["rev-parse", "--show-toplevel"], cwd)
    path = os.fsdecode(result.stdout).strip()
    if not result.ok or not path:
        raise GitError(f"{cwd}: not inside a git work tree")
    return path
