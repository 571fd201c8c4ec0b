"""Run the selected gates: file-writing fixers first, one by one, then the rest in parallel.

Gates are subprocesses (bar the in-process aco gate), so a thread pool suffices.
"""

from __future__ import annotations

import dataclasses
import os
import signal
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass

from acolyte_gates.gates.base import (
    Gate,
    GateContext,
    GateResult,
    GateStatus,
    InProcessGate,
    ToolGate,
    Verdict,
)
from acolyte_gates.gates.plan import RunPlan, RunRequest, make_plan
from acolyte_gates.gates.process import ToolCall, run_tool
from acolyte_gates.gates.registry import FIX_ORDER
from acolyte_gates.gates.supervisor import Supervisor, forwarding_signals
from acolyte_gates.registry import current

__all__ = ["GateResult", "GateStatus", "RunReport", "RunRequest", "run_gates"]

Progress = Callable[[GateResult], None]
# Variables that belong to an outer pytest or coverage run, never to the tools a gate starts.
_FOREIGN_PREFIXES = ("COV_CORE_", "PYTEST_XDIST_")
_FOREIGN_NAMES = ("PYTEST_ADDOPTS", "PYTEST_CURRENT_TEST", "PYTEST_PLUGINS")
# How often the main thread wakes while gates run in the pool (see _results).
_WAKE_SECONDS = 0.2
_FAILING = (GateStatus.FAILED, GateStatus.TIMEOUT, GateStatus.ERROR, GateStatus.INTERRUPTED)


@dataclass(frozen=True)
class RunReport:
    """Every gate's result, in report order (gates not selected are SKIPPED), and the signal
    (SIGINT, SIGTERM) that stopped the run, if one did."""

    gates: tuple[GateResult, ...]
    allow_missing: bool = False
    interrupted_by: int | None = None

    @property
    def passed(self) -> bool:
        """No gate failed, timed out or crashed, and none was missing unless that is allowed."""
        failing = _FAILING if self.allow_missing else (*_FAILING, GateStatus.MISSING)
        return self.interrupted_by is None and not any(g.status in failing for g in self.gates)


def tool_env(extra: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """Our environment without an outer pytest's or coverage's variables, plus the gate's own."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(_FOREIGN_PREFIXES) and key not in _FOREIGN_NAMES
    }
    return tuple({**env, **extra}.items())


def _stopped(supervisor: Supervisor) -> Verdict:
    """The verdict of a gate the run's stop signal ended or kept from starting."""
    name = signal.Signals(supervisor.stopped_by or signal.SIGINT).name
    return Verdict(GateStatus.INTERRUPTED, (), f"stopped by {name} before it finished")


def _run_tool_gate(
    gate: ToolGate, ctx: GateContext, plan: RunPlan, supervisor: Supervisor
) -> Verdict:
    """Run a gate's tool; a missing tool, a failed start, a timeout are verdicts of their own."""
    timeout = plan.timeout_for(gate)
    env = tool_env(gate.env(ctx) if gate.env else {})
    result = run_tool(
        ToolCall((gate.tool, *gate.build(ctx)), ctx.root, timeout, env, plan.tool_path, supervisor)
    )
    if result.interrupted:
        return _stopped(supervisor)
    if result.missing:
        return Verdict(
            GateStatus.MISSING,
            (),
            f"{gate.tool} is not installed; install it with: {gate.install_hint}",
        )
    if result.start_error:
        detail = f"could not start {gate.tool} ({result.argv[0]}): {result.start_error}"
        return Verdict(GateStatus.ERROR, (), detail)
    if result.timed_out:
        detail = (
            f"{gate.tool} did not finish within {timeout:g} s,"
            " so it and its child processes were killed;"
            f" allow it longer with [tool.acolyte-gates.run] timeouts.{gate.name}"
        )
        return Verdict(GateStatus.TIMEOUT, (), detail)
    return gate.read(result, ctx)


def _verdict(gate: Gate, ctx: GateContext, plan: RunPlan, supervisor: Supervisor) -> Verdict:
    """What one gate says: nothing to check, stopped, in-process, or its tool's reading."""
    if gate.uses_files and not ctx.files:
        return Verdict(GateStatus.PASSED, (), "no Python files to check")
    if supervisor.stopped_by is not None:
        return _stopped(supervisor)
    if isinstance(gate, InProcessGate):
        return gate.run(ctx)
    return _run_tool_gate(gate, ctx, plan, supervisor)


def run_gate(gate: Gate, plan: RunPlan, scratch: str, supervisor: Supervisor) -> GateResult:
    """One gate's result, timed from start to end."""
    started = time.monotonic()
    folder = os.path.join(scratch, gate.name)
    os.makedirs(folder, exist_ok=True)
    verdict = _verdict(gate, plan.context_for(gate, folder), plan, supervisor)
    return GateResult(
        gate.name,
        verdict.status,
        time.monotonic() - started,
        verdict.findings,
        verdict.detail,
        gate.tool,
    )


def _fixers(plan: RunPlan) -> tuple[Gate, ...]:
    """The gates that write files under --fix, in the order they must run (plugins' last)."""
    if not plan.context.fix:
        return ()
    chosen = [gate for gate in plan.gates if gate.writes_when_fixing]
    ordered = sorted(chosen, key=lambda g: FIX_ORDER.index(g.name) if g.name in FIX_ORDER else 99)
    return tuple(ordered)


def _fix_step(
    gate: Gate, plan: RunPlan, scratch: str, supervisor: Supervisor
) -> tuple[str, ...] | None:
    """Run a gate's own fixing step, if it has one (its check runs later); the files fixed.

    After a stopping signal nothing more is fixed (the step is skipped, its check reports).
    """
    if not isinstance(gate, InProcessGate) or gate.fix is None:
        return None
    if supervisor.stopped_by is not None:
        return ()
    folder = os.path.join(scratch, gate.name + "-fix")
    os.makedirs(folder, exist_ok=True)
    return gate.fix(plan.context_for(gate, folder))


def _with_fixed(result: GateResult, fixed: tuple[str, ...]) -> GateResult:
    """A gate's result naming the files its fixing step changed."""
    if not fixed:
        return result
    detail = "fixed: " + ", ".join(fixed) + ("\n" + result.detail if result.detail else "")
    return dataclasses.replace(result, detail=detail)


def _results(plan: RunPlan, scratch: str, supervisor: Supervisor) -> Iterator[GateResult]:
    """Each gate's result as it finishes: fixers first and one by one, the others in parallel.

    A gate with a fixing step of its own (aco) fixes in its place among the fixers, and is
    checked afterwards with the others.
    """
    fixed: dict[str, tuple[str, ...]] = {}
    done: list[Gate] = []
    for gate in _fixers(plan):
        step = _fix_step(gate, plan, scratch, supervisor)
        if step is None:
            done.append(gate)
            yield run_gate(gate, plan, scratch, supervisor)
        else:
            fixed[gate.name] = step
    others = [gate for gate in plan.gates if gate not in done]
    if not others:
        return
    with ThreadPoolExecutor(max_workers=min(plan.jobs, len(others))) as pool:
        pending = {pool.submit(run_gate, gate, plan, scratch, supervisor) for gate in others}
        while pending:
            # Wake up now and then: a signal the kernel hands to a worker thread runs its
            # Python handler only when the main thread next runs, which a plain wait delays.
            done_now, pending = wait(pending, timeout=_WAKE_SECONDS, return_when=FIRST_COMPLETED)
            for future in done_now:
                result = future.result()
                yield _with_fixed(result, fixed.get(result.name, ()))


def run_gates(request: RunRequest, progress: Progress | None = None) -> RunReport:
    """Run every selected gate, even after one fails, and report them all in gate order.

    SIGINT or SIGTERM meanwhile (from the main thread's point of view) is passed on to the
    running tools; the gates that had finished keep their results, the others are reported
    interrupted, and the report names the signal.
    """
    plan = make_plan(request)
    finished: dict[str, GateResult] = {}
    supervisor = Supervisor()
    with (
        tempfile.TemporaryDirectory(prefix="acolyte-gates-") as scratch,
        forwarding_signals(supervisor),
    ):
        for result in _results(plan, scratch, supervisor):
            finished[result.name] = result
            if progress is not None:
                progress(result)
    ordered = (
        finished.get(name) or GateResult(name, GateStatus.SKIPPED, 0.0, ())
        for name in current().gates_by_name
    )
    return RunReport(tuple(ordered), request.allow_missing, supervisor.stopped_by)
