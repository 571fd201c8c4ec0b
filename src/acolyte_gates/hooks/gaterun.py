"""The hook's one call into the gate runner: run some gates in the snapshot folder on some files."""

from __future__ import annotations

from dataclasses import dataclass

from acolyte_gates.config.settings import Settings
from acolyte_gates.findings import Finding

_FINE = ("passed", "skipped")


@dataclass(frozen=True)
class GateOutcome:
    """One gate's result as the hook reports it: status word, findings, detail, the tool that ran."""

    name: str
    status: str
    findings: tuple[Finding, ...] = ()
    detail: str = ""
    tool: str = ""

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
    """Run the gates of `run` in its snapshot folder; fix (black, isort) when asked.

    A missing tool fails the hook (it fails closed); the runner reports gates it was not
    asked for as skipped, and those are left out.
    """
    from acolyte_gates.gates.runner import RunRequest, run_gates

    request = RunRequest(
        root=run.root, paths=run.paths, gates=run.gates, fix=run.fix, settings=run.settings
    )
    report = run_gates(request)
    return [
        GateOutcome(result.name, result.status.value, result.findings, result.detail, result.tool)
        for result in report.gates
        if result.name in run.gates
    ]
