"""`acolyte-gates run`: run the gates on the project around the current folder; 1 if one fails."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from acolyte_gates.config.levels import Level
from acolyte_gates.config.loader import load_settings
from acolyte_gates.config.settings import Settings
from acolyte_gates.entrypoints import report_plugin_failures
from acolyte_gates.errors import UsageError
from acolyte_gates.gates.runner import GateResult, RunReport, RunRequest, run_gates

Progress = Callable[[GateResult], None]


@dataclass(frozen=True)
class RunCliRequest:
    """Everything `run` was asked for on the command line."""

    paths: tuple[str, ...] = ()
    only: str | None = None
    skip: str | None = None
    level: str | None = None
    fix: bool = False
    jobs: int = 0
    allow_missing: bool = False
    output_format: str = "text"
    config: str | None = None


def split_names(value: str | None) -> tuple[str, ...] | None:
    """A comma-separated list of gate names, as --only and --skip take them."""
    if value is None:
        return None
    return tuple(name.strip() for name in value.split(",") if name.strip())


def _root_relative(paths: tuple[str, ...], root: str) -> tuple[str, ...]:
    """Command-line paths (relative to the current folder) made relative to the project root."""
    relative = []
    for path in paths:
        rel = os.path.relpath(os.path.abspath(path), root)
        if rel == os.pardir or rel.startswith(os.pardir + os.sep):
            raise UsageError(f"{path}: outside the project at {root}")
        relative.append(Path(rel).as_posix())
    return tuple(relative)


def build_request(cli: RunCliRequest, settings: Settings) -> RunRequest:
    """The runner's request: the project root from the settings, paths relative to it."""
    return RunRequest(
        root=settings.root,
        paths=_root_relative(cli.paths, settings.root),
        gates=split_names(cli.only),
        skip=split_names(cli.skip) or (),
        fix=cli.fix,
        jobs=cli.jobs,
        allow_missing=cli.allow_missing,
        level=Level(cli.level) if cli.level else None,
        settings=settings,
    )


def wants_live_progress(output_format: str) -> bool:
    """Rich progress only for text output to a terminal, and never under CI."""
    return output_format == "text" and sys.stderr.isatty() and not os.environ.get("CI")


def _with_live_progress(request: RunRequest) -> RunReport:
    """Run with a spinner on stderr and a line per finished gate (rich, imported only here)."""
    try:
        from rich.console import Console
    except ImportError:
        return run_gates(request)
    console = Console(stderr=True)
    with console.status("running the gates...") as status:

        def progress(result: GateResult) -> None:
            console.print(
                f"{result.name} ({result.tool}): {result.status.value},"
                f" {len(result.findings)} findings ({result.seconds:.1f} s)",
                markup=False,
            )
            status.update(f"running the gates... ({result.name} done)")

        return run_gates(request, progress)


def run_command(cli: RunCliRequest) -> int:
    """Run the gates and print the report; 0 when every selected gate passed, else 1."""
    report_plugin_failures(sys.stderr.write)
    settings = load_settings(Path.cwd(), Path(cli.config) if cli.config else None)
    request = build_request(cli, settings)
    report = (
        _with_live_progress(request)
        if wants_live_progress(cli.output_format)
        else run_gates(request)
    )
    if cli.output_format == "json":
        from acolyte_gates.reports.run_json import render
    else:
        from acolyte_gates.reports.run_text import render
    sys.stdout.write(render(report))
    return 0 if report.passed else 1
