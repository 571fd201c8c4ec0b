"""`acolyte-gates hook install | uninstall | run`: the git pre-commit hook's commands."""

from __future__ import annotations

import sys
from dataclasses import dataclass

from acolyte_gates.entrypoints import report_plugin_failures
from acolyte_gates.hooks.install import (
    Existing,
    HookOutcome,
    InstallRequest,
    install_hook,
    uninstall_hook,
)
from acolyte_gates.hooks.options import parse_gates
from acolyte_gates.hooks.run import HookRunRequest, run_hook


def _say(outcome: HookOutcome) -> int:
    """Print an install outcome (errors to stderr) and return its exit code."""
    stream = sys.stdout if outcome.code == 0 else sys.stderr
    stream.write(outcome.message + "\n")
    return outcome.code


def install(gates: str | None, chain: bool, force: bool) -> int:
    """Install the hook in the repository around the current folder."""
    existing = Existing.CHAIN if chain else Existing.FORCE if force else Existing.REFUSE
    return _say(
        install_hook(InstallRequest(gates=parse_gates(gates) if gates else None, existing=existing))
    )


def uninstall() -> int:
    """Remove our hook and put back what install moved aside."""
    return _say(uninstall_hook("."))


@dataclass(frozen=True)
class HookRunOptions:
    """`hook run`'s command line: comma-separated --gates and --skip, --fix/--no-fix, PATHS."""

    gates: str | None = None
    skip: str | None = None
    fix: bool | None = None
    paths: tuple[str, ...] = ()


def run(options: HookRunOptions) -> int:
    """Check the staged snapshot, as the installed hook does."""
    report_plugin_failures(sys.stderr.write)
    return run_hook(
        HookRunRequest(
            gates=parse_gates(options.gates) if options.gates else None,
            fix=options.fix,
            paths=options.paths,
            skip=parse_gates(options.skip, "--skip") if options.skip else (),
        )
    )
