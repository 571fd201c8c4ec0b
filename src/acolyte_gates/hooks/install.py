"""Write and remove the pre-commit shim; a hook that is not ours is never overwritten."""

from __future__ import annotations

import enum
import os
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path

from acolyte_gates.atomic import write_atomic
from acolyte_gates.hooks.git import git_out, toplevel

MARKER = "# acolyte-gates-hook v1"
HOOK_NAME = "pre-commit"
LOCAL_NAME = "pre-commit.local"
_CHAIN_LINE = (
    'if [ -x "$here/pre-commit.local" ]; then "$here/pre-commit.local" "$@" || exit $?; fi'
)


class Existing(str, enum.Enum):
    """What to do with a pre-commit hook that is not ours: refuse, run it first, or move it."""

    REFUSE = "refuse"
    CHAIN = "chain"
    FORCE = "force"


@dataclass(frozen=True)
class InstallRequest:
    """Where to install, the hook's gates (None: the config's), and the interpreter it execs."""

    cwd: str = "."
    gates: tuple[str, ...] | None = None
    existing: Existing = Existing.REFUSE
    python: str = sys.executable


@dataclass(frozen=True)
class HookOutcome:
    """An exit code and the lines to tell the user."""

    code: int
    message: str


def hook_text(python: str, gates: tuple[str, ...] | None, chain: bool) -> str:
    """The shim: exec the installing interpreter, else the console script, else fail with advice."""
    args = " --gates " + shlex.quote(",".join(gates)) if gates else ""
    chained = ['here=$(dirname -- "$0")', _CHAIN_LINE] if chain else []
    lines = [
        "#!/bin/sh",
        "# The acolyte-gates pre-commit hook, written by `acolyte-gates hook install`;",
        "# `acolyte-gates hook uninstall` removes it. All logic lives in the package.",
        MARKER,
        *chained,
        f"python={shlex.quote(os.path.abspath(python))}",
        'if [ -x "$python" ]; then',
        f'    exec "$python" -m acolyte_gates hook run{args} "$@"',
        "fi",
        "if command -v acolyte-gates >/dev/null 2>&1; then",
        f'    exec acolyte-gates hook run{args} "$@"',
        "fi",
        'echo "acolyte-gates: cannot run the pre-commit hook: $python is gone"'
        ' "and acolyte-gates is not on PATH." >&2',
        'echo \'Install acolyte-gates and run "acolyte-gates hook install" again,'
        ' or skip once with "git commit --no-verify".\' >&2',
        "exit 1",
    ]
    return "\n".join(lines) + "\n"


def is_ours(text: str) -> bool:
    """Whether a hook file's text is one we wrote."""
    return MARKER in text.splitlines()


def hooks_dir(cwd: str) -> str:
    """The hooks folder git runs hooks from, honouring core.hooksPath and linked worktrees."""
    top = toplevel(cwd)
    relative = os.fsdecode(git_out(["rev-parse", "--git-path", "hooks"], top)).strip()
    return os.path.normpath(os.path.join(top, relative))


def _read(path: str) -> str | None:
    """A hook file's text, None when there is none, "" when it cannot be read (not ours then).

    A dangling symlink, a folder or an unreadable file under the hook's name is not our hook.
    """
    if not os.path.lexists(path):
        return None
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read()
    except OSError:
        return ""


def _write_executable(path: str, text: str) -> None:
    """Write the hook atomically and make it executable (rwxr-xr-x)."""
    write_atomic(Path(path), text.encode("utf-8"), mode=0o755)


def _move_foreign(hook: str, local: str, existing: Existing) -> HookOutcome | None:
    """Move a foreign hook to pre-commit.local, or say why not; None when it was moved."""
    if os.path.isdir(hook) and not os.path.islink(hook):
        return HookOutcome(1, f"{hook} is a folder, not a hook; move it away first")
    if existing is Existing.REFUSE:
        advice = f"--chain to keep it and run it first, or --force to move it to {local}"
        return HookOutcome(
            1, f"{hook} exists and is not acolyte-gates' hook; left it alone (use {advice})"
        )
    if os.path.lexists(local):
        return HookOutcome(
            1, f"{hook} is not ours, and {local} already exists; move one of them away first"
        )
    os.replace(hook, local)
    return None


def install_hook(request: InstallRequest) -> HookOutcome:
    """Install the shim into the repository around `request.cwd`; idempotent."""
    folder = hooks_dir(request.cwd)
    hook, local = os.path.join(folder, HOOK_NAME), os.path.join(folder, LOCAL_NAME)
    current = _read(hook)
    chain = request.existing is Existing.CHAIN
    notes = [f"installed the acolyte-gates pre-commit hook at {hook}"]
    if current is not None and not is_ours(current):
        refused = _move_foreign(hook, local, request.existing)
        if refused is not None:
            return refused
        fate = "it runs before ours" if chain else "it no longer runs"
        notes.append(f"moved the existing hook to {local}; {fate} (`hook uninstall` puts it back)")
    elif current is not None:
        chain = chain or _CHAIN_LINE in current
    os.makedirs(folder, exist_ok=True)
    _write_executable(hook, hook_text(request.python, request.gates, chain))
    return HookOutcome(0, "\n".join(notes))


def uninstall_hook(cwd: str) -> HookOutcome:
    """Remove our shim only, and put back the hook that install moved aside."""
    folder = hooks_dir(cwd)
    hook, local = os.path.join(folder, HOOK_NAME), os.path.join(folder, LOCAL_NAME)
    current = _read(hook)
    if current is None:
        return HookOutcome(0, f"no pre-commit hook at {hook}; nothing to remove")
    if not is_ours(current):
        return HookOutcome(1, f"{hook} is not acolyte-gates' hook; left it alone")
    os.remove(hook)
    notes = [f"removed the acolyte-gates pre-commit hook from {hook}"]
    if os.path.lexists(local):
        os.replace(local, hook)
        notes.append(f"restored the previous hook from {local}")
    return HookOutcome(0, "\n".join(notes))
