"""The hook's one call into the gates: run some gates in the snapshot folder on some files.

Until the gate runner (acolyte_gates.gates.runner) exists, only the `aco` gate runs here,
through the checker; the other gates report themselves as skipped.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from acolyte_gates.checker import CheckOptions, check_files
from acolyte_gates.config.settings import Settings
from acolyte_gates.findings import Finding

_FINE = ("passed", "skipped")


@dataclass(frozen=True)
class GateOutcome:
    """One gate's result as the hook reports it: status (the runner's words), findings, a detail line."""

    name: str
    status: str
    findings: tuple[Finding, ...] = ()
    detail: str = ""

    @property
    def ok(self) -> bool:
        """Whether this gate lets the commit through."""
        return self.status in _FINE


@dataclass(frozen=True)
class SnapshotRun:
    """Gates to run with the snapshot folder as the project root, on files relative to it."""

    root: str
    paths: tuple[str, ...]
    gates: tuple[str, ...]
    settings: Settings
    fix: bool = False


def run_snapshot_gates(run: SnapshotRun) -> list[GateOutcome]:
    """Run the gates of `run` in its snapshot folder; fix (black, isort) when asked."""
    outcomes = []
    for gate in run.gates:
        if gate != "aco":
            outcomes.append(GateOutcome(gate, "skipped", detail="the gate runner is not part of this build"))
            continue
        paths = [os.path.join(run.root, path) for path in run.paths]
        found = check_files(paths, run.settings, CheckOptions(use_cache=False))
        outcomes.append(GateOutcome(gate, "failed" if any(f.is_error for f in found) else "passed", tuple(found)))
    return outcomes
