"""`hook run`: check the staged snapshot with the hook's gates and report with repository paths."""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from acolyte_gates.config.loader import load_settings
from acolyte_gates.config.settings import Settings
from acolyte_gates.discovery import kept_paths
from acolyte_gates.findings import Finding
from acolyte_gates.hooks.gaterun import GateOutcome, SnapshotRun, run_snapshot_gates
from acolyte_gates.hooks.git import toplevel
from acolyte_gates.hooks.importers import importers
from acolyte_gates.hooks.options import check_gates
from acolyte_gates.hooks.staged import (
    Snapshot,
    staged_python,
    staged_snapshot,
    to_repo_finding,
    unstaged,
    widen,
)
from acolyte_gates.hooks.writeback import WriteBack, clean_strays, record, write_back
from acolyte_gates.paths import relative_to_root
from acolyte_gates.reports.text import render

SKIP_HINT = (
    "Skip this check once with `git commit --no-verify`;"
    " run it by hand with `acolyte-gates hook run`."
)


@dataclass(frozen=True)
class HookRunRequest:
    """A hook run: where, which gates (minus `skip`), whether to fix (None: as configured), paths."""

    cwd: str = "."
    gates: tuple[str, ...] | None = None
    fix: bool | None = None
    paths: tuple[str, ...] = ()
    skip: tuple[str, ...] = ()


def snapshot_settings(root: str) -> Settings:
    """Settings from the snapshot's pyproject.toml (the index's version), never from above it."""
    pyproject = Path(root, "pyproject.toml")
    return load_settings(config=pyproject) if pyproject.is_file() else Settings(root=root)


def _checked(staged: Sequence[str], settings: Settings, named: Sequence[str]) -> tuple[str, ...]:
    """The staged files the project's excludes leave in, tested below the paths named (if any)."""
    return kept_paths(staged, settings, named)


def _named(request: HookRunRequest, top: str) -> tuple[str, ...]:
    """The paths named on `hook run`'s command line, relative to the repository's top."""
    return tuple(
        relative_to_root(os.path.realpath(os.path.join(request.cwd, path)), os.path.realpath(top))
        for path in request.paths
    )


def _refuse_fix(top: str, staged: Sequence[str]) -> str:
    """Why fixing is refused: partially staged files, whose fix would sweep unstaged edits in."""
    partial = unstaged(top, staged)
    if not partial:
        return ""
    names = ", ".join(partial)
    return (
        f"acolyte-gates: will not fix {names}: unstaged changes in the work tree"
        " would be mixed into the commit.\n"
        "Stage or stash those changes, or commit without fixing (no --fix; hook.fix = false).\n"
    )


def _types_outcome(outcome: GateOutcome, snapshot: Snapshot) -> GateOutcome:
    """mypy's findings kept to the staged files and the modules that import them."""
    sources = {
        path: Path(snapshot.root, path).read_text(encoding="utf-8", errors="replace")
        for path in snapshot.python
    }
    relevant = set(snapshot.staged) | importers(sources, snapshot.staged)
    kept = tuple(finding for finding in outcome.findings if finding.path in relevant)
    only_findings = outcome.status in ("passed", "failed")
    status = (
        ("failed" if any(f.is_error for f in kept) else "passed")
        if only_findings
        else outcome.status
    )
    return dataclasses.replace(outcome, findings=kept, status=status)


def _outcomes(
    snapshot: Snapshot, gates: tuple[str, ...], fix: bool, settings: Settings
) -> list[GateOutcome]:
    """Every gate on the staged files, except types, which runs on the whole snapshot."""
    ordinary = tuple(gate for gate in gates if gate != "types")
    outcomes = []
    if ordinary:
        outcomes += run_snapshot_gates(
            SnapshotRun(snapshot.root, snapshot.staged, ordinary, settings, fix)
        )
    if "types" in gates:
        # The whole snapshot, so that mypy checks what the project's config names.
        typed = run_snapshot_gates(SnapshotRun(snapshot.root, (".",), ("types",), settings))
        outcomes += [_types_outcome(outcome, snapshot) for outcome in typed]
    return [
        dataclasses.replace(
            o, findings=tuple(to_repo_finding(f, snapshot.root) for f in o.findings)
        )
        for o in outcomes
    ]


def _gate_notes(outcomes: Sequence[GateOutcome]) -> list[str]:
    """A line per gate whose findings do not tell the story: missing, timeout, error, skipped."""
    notes = []
    for outcome in outcomes:
        if outcome.status not in ("passed", "failed") or (
            outcome.status == "failed" and not outcome.findings
        ):
            detail = f": {outcome.detail}" if outcome.detail else ""
            notes.append(f"acolyte-gates: gate {outcome.name} {outcome.status}{detail}\n")
    return notes


def gates_line(outcomes: Sequence[GateOutcome]) -> str:
    """Which gates ran, with which tool, and how many findings each reported."""
    counts = ", ".join(
        (
            f"{outcome.name} ({outcome.tool}) {len(outcome.findings)}"
            if outcome.tool
            else f"{outcome.name} {len(outcome.findings)}"
        )
        for outcome in outcomes
    )
    return f"acolyte-gates: findings per gate: {counts}\n"


def _write_notes(done: WriteBack) -> list[str]:
    """A line per file fixed and re-staged, and per fixed file left alone because it changed."""
    lines = [f"acolyte-gates: fixed and re-staged {path}\n" for path in done.fixed]
    lines += [
        f"acolyte-gates: {path} changed in the work tree while the hook ran;"
        " left it and its staged version as they were (its fixes were not written);"
        " stage it again and commit\n"
        for path in done.left
    ]
    return lines


def report(outcomes: Sequence[GateOutcome], done: WriteBack = WriteBack()) -> str:
    """The findings, a line per file written or left, the gates that ran, those not passed."""
    findings: list[Finding] = sorted(f for outcome in outcomes for f in outcome.findings)
    lines = [render(findings)] if findings else []
    lines += _write_notes(done)
    lines += [gates_line(outcomes)] if outcomes else []
    lines += _gate_notes(outcomes)
    if not passed(outcomes, done):
        lines.append(SKIP_HINT + "\n")
    return "".join(lines)


def passed(outcomes: Sequence[GateOutcome], done: WriteBack) -> bool:
    """Every gate let the commit through, and every fix it made reached the index."""
    return all(outcome.ok for outcome in outcomes) and not done.left


def _hook_gates(request: HookRunRequest, settings: Settings) -> tuple[str, ...]:
    """The gates asked for (else configured), minus those to skip."""
    asked = check_gates(request.gates or settings.hook.gates, "hook gates")
    return tuple(gate for gate in asked if gate not in request.skip)


def _check_snapshot(top: str, snapshot: Snapshot, request: HookRunRequest) -> int:
    """Run the hook's gates on a snapshot, fix when asked, print the report; the exit code."""
    settings = snapshot_settings(snapshot.root)
    gates = _hook_gates(request, settings)
    fix = settings.hook.fix if request.fix is None else request.fix
    checked = _checked(snapshot.staged, settings, _named(request, top))
    snapshot = dataclasses.replace(snapshot, staged=checked, python=checked)
    refusal = _refuse_fix(top, checked) if fix else ""
    if refusal:
        sys.stdout.write(refusal + SKIP_HINT + "\n")
        return 1
    if not checked:
        return 0
    before = record(top, snapshot) if fix else None
    snapshot = widen(snapshot, top) if "types" in gates else snapshot
    outcomes = _outcomes(snapshot, gates, fix, settings)
    done = write_back(top, snapshot, before) if before is not None else WriteBack()
    sys.stdout.write(report(outcomes, done))
    return 0 if passed(outcomes, done) else 1


def run_hook(request: HookRunRequest) -> int:
    """Check the staged Python files as the index has them; 0 when every gate passes."""
    top = toplevel(request.cwd)
    for path in clean_strays(top):
        sys.stdout.write(
            f"acolyte-gates: removed temporary files an interrupted run left by {path}\n"
        )
    # Pathspecs are relative to where the user stands; git names the results from the top.
    staged = staged_python(request.cwd, request.paths)
    if not staged:
        return 0
    with staged_snapshot(top, staged) as snapshot:
        return _check_snapshot(top, snapshot, request)
