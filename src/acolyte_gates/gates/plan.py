"""A run request made a plan: the settings, the gates selected, the files, each gate's context."""

from __future__ import annotations

import dataclasses
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from acolyte_gates.config.convert import closest
from acolyte_gates.config.levels import Level
from acolyte_gates.config.loader import load_settings
from acolyte_gates.config.settings import RunSettings, Settings
from acolyte_gates.discovery import discover, warnings
from acolyte_gates.errors import AcolyteError, ConfigError, UsageError
from acolyte_gates.gates.base import Gate, GateContext
from acolyte_gates.gates.choice import choose
from acolyte_gates.gates.project import project_tools
from acolyte_gates.paths import relative_to_root
from acolyte_gates.registry import current


@dataclass(frozen=True)
class RunRequest:
    """What a run was asked for; None and () mean 'as configured' (see RUNNER_CONTRACT)."""

    root: str
    paths: tuple[str, ...] = ()
    gates: tuple[str, ...] | None = None
    skip: tuple[str, ...] = ()
    fix: bool = False
    jobs: int = 0
    allow_missing: bool = False
    level: Level | None = None
    settings: Settings | None = None
    # Folders to look tools up in, instead of $ACOLYTE_GATES_TOOL_PATH or our bin folder + PATH.
    tool_path: tuple[str, ...] | None = None


@dataclass(frozen=True)
class RunPlan:
    """A checked request: the gates to run and the context they share."""

    gates: tuple[Gate, ...]
    context: GateContext
    jobs: int
    tool_path: tuple[str, ...] | None

    def context_for(self, gate: Gate, scratch: str) -> GateContext:
        """The shared context with this gate's name, extra arguments and private scratch folder."""
        extra = dict(self.context.settings.run.args).get(gate.name, ())
        return dataclasses.replace(
            self.context, gate=gate.name, extra_args=tuple(extra), scratch=scratch
        )

    def timeout_for(self, gate: Gate) -> float:
        """The gate's timeout in seconds: its own from `timeouts`, else `timeout`."""
        run = self.context.settings.run
        return dict(run.timeouts).get(gate.name, run.timeout)


def _check_names(names: tuple[str, ...], where: str, error: type[AcolyteError]) -> None:
    """Refuse any name that is not a gate (ours or a plugin's), suggesting the closest one."""
    gate_names = tuple(current().gates_by_name)
    for name in names:
        if name not in gate_names:
            known = ", ".join(gate_names)
            raise error(
                f"{where}: no gate named {name!r}{closest(name, gate_names)} (gates: {known})"
            )


def _check_settings(run: RunSettings, where: str) -> None:
    """Every gate named in [tool.acolyte-gates.run] exists; the aco gate takes no tool arguments."""
    _check_names(run.gates, f"{where} gates", ConfigError)
    _check_names(run.skip, f"{where} skip", ConfigError)
    _check_names(tuple(name for name, _ in run.timeouts), f"{where} timeouts", ConfigError)
    _check_names(tuple(name for name, _ in run.args), f"{where} args", ConfigError)
    if any(name == "aco" for name, _ in run.args):
        raise ConfigError(
            f"{where} args: the aco gate runs in-process; configure it in [tool.acolyte-gates]"
        )


def select(request: RunRequest, run: RunSettings) -> tuple[Gate, ...]:
    """The gates to run, in report order: those asked for (else configured, else all) minus skips.

    The configured `skip` applies only when the request does not name its gates itself.
    """
    _check_names(request.gates or (), "--only", UsageError)
    _check_names(request.skip, "--skip", UsageError)
    gates = current().gates
    if request.gates is not None:
        wanted, skip = request.gates, request.skip
    else:
        wanted, skip = run.gates or tuple(g.name for g in gates), (*run.skip, *request.skip)
    return tuple(gate for gate in gates if gate.name in wanted and gate.name not in skip)


def _settings(request: RunRequest) -> Settings:
    """The request's settings (loaded from its root when not given), at the requested level."""
    settings = request.settings or load_settings(Path(request.root))
    where = f"{settings.config_path or 'pyproject.toml'}: [tool.acolyte-gates.run]"
    _check_settings(settings.run, where)
    return dataclasses.replace(settings, level=request.level) if request.level else settings


def make_plan(request: RunRequest) -> RunPlan:
    """Check a request and gather what its gates need; raises UsageError or ConfigError."""
    root = os.path.abspath(request.root)
    if not os.path.isdir(root):
        raise UsageError(f"{request.root}: no such folder")
    settings = _settings(request)
    paths = request.paths or settings.run.paths or (".",)
    found = discover([os.path.join(root, path) for path in paths], settings)
    sys.stderr.write(warnings(found, paths))
    files = tuple(relative_to_root(path, root) for path in found.files)
    project = project_tools(root)
    context = GateContext(root, files, paths, settings, project, scratch="", fix=request.fix)
    jobs = request.jobs if request.jobs > 0 else (os.cpu_count() or 1)
    gates = choose(select(request, settings.run), settings.run, project)
    return RunPlan(gates, context, jobs, request.tool_path)
