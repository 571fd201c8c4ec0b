"""The aco gate: the ACO checker, in-process, on the run's files; fails on any ACO error."""

from __future__ import annotations

import os

from acolyte_gates.checker import CheckOptions, check_files
from acolyte_gates.findings import INTERNAL_ERROR
from acolyte_gates.gates.base import (
    GateContext,
    GateStatus,
    InProcessGate,
    Verdict,
    root_relative,
)


def run(ctx: GateContext) -> Verdict:
    """ACO findings for the run's files, their paths made relative to the run's root.

    One worker: the other gates' tools use the other cores meanwhile, and a process pool
    forked from a thread of the runner could inherit another thread's held locks.
    """
    files = [os.path.join(ctx.root, path) for path in ctx.files]
    found = check_files(files, ctx.settings, CheckOptions(jobs=1))
    rebase = ctx.settings.root
    findings = tuple(
        f._replace(path=root_relative(ctx, os.path.join(rebase, f.path)), origin=ctx.gate)
        for f in found
    )
    crashed = sorted({f.path for f in findings if f.code == INTERNAL_ERROR})
    if crashed:
        detail = f"a rule crashed on {', '.join(crashed)} (ACO002); please report it"
        return Verdict(GateStatus.ERROR, findings, detail)
    status = GateStatus.FAILED if any(f.is_error for f in findings) else GateStatus.PASSED
    return Verdict(status, findings)


def fix(ctx: GateContext) -> tuple[str, ...]:
    """Make the safe ACO fixes (`acolyte-gates fix`) in the run's files; the files changed.

    A file that cannot be fixed is left as it is: the check that follows reports it.
    """
    from acolyte_gates.refactor.fix_files import fix_files_in_place

    files = [os.path.join(ctx.root, path) for path in ctx.files]
    return tuple(root_relative(ctx, path) for path in fix_files_in_place(files, ctx.settings))


GATE = InProcessGate("aco", run, writes_when_fixing=True, fix=fix)
