"""`acolyte-gates check`: discover, check, report; exit 1 when an error is found."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from acolyte_gates.checker import CheckOptions, check_files
from acolyte_gates.config.loader import load_settings
from acolyte_gates.config.overrides import CliOverrides, apply_overrides
from acolyte_gates.config.settings import Settings
from acolyte_gates.discovery import discover
from acolyte_gates.entrypoints import report_plugin_failures
from acolyte_gates.findings import Finding
from acolyte_gates.reports import get_report

_GC_THRESHOLD = 100_000
"""Allocations between two young-generation collections during a check (default 700)."""


@dataclass(frozen=True)
class CheckRequest:
    """Everything `check` was asked for on the command line."""

    paths: tuple[str, ...] = (".",)
    output_format: str = "text"
    statistics: bool = False
    strict: bool = False
    exit_zero: bool = False
    config: str | None = None
    overrides: CliOverrides = field(default_factory=CliOverrides)
    options: CheckOptions = field(default_factory=CheckOptions)


def request_from_cli(paths: tuple[str, ...], options: dict[str, Any]) -> CheckRequest:
    """A request from click's parsed options (names as click gives them)."""
    overrides = CliOverrides(
        *(options.pop(k) for k in ("select", "ignore", "extend_select", "level"))
    )
    check_options = CheckOptions(jobs=options.pop("jobs"), use_cache=not options.pop("no_cache"))
    return CheckRequest(paths or (".",), overrides=overrides, options=check_options, **options)


def settings_for(paths: tuple[str, ...], config: str | None, overrides: CliOverrides) -> Settings:
    """The run's settings: the pyproject above the checked paths, then the command line."""
    start = Path(os.path.commonpath([os.path.abspath(p) for p in paths])) if paths else Path.cwd()
    settings = load_settings(start, Path(config) if config else None)
    return apply_overrides(settings, overrides)


def exit_code(findings: list[Finding], strict: bool) -> int:
    """1 when any finding fails the run (warnings only under --strict), else 0."""
    return int(any(f.is_error or strict for f in findings))


@contextmanager
def collecting_rarely() -> Iterator[None]:
    """Run the garbage collector rarely meanwhile: a check makes many objects and few cycles.

    At the default threshold it runs some hundreds of times on a warm run (the cache's lists
    and the findings), a fifth of that run's time, and frees next to nothing.
    """
    before = gc.get_threshold()
    gc.set_threshold(_GC_THRESHOLD, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def run_check(request: CheckRequest) -> int:
    """Check the requested paths and print the report; returns the exit code."""
    report_plugin_failures(sys.stderr.write)
    settings = settings_for(request.paths, request.config, request.overrides)
    files = discover(list(request.paths), settings)
    with collecting_rarely():
        findings = check_files(files, settings, request.options)
    sys.stdout.write(get_report(request.output_format)(findings))
    if request.statistics and request.output_format == "text":
        from acolyte_gates.reports.text import statistics

        sys.stdout.write(statistics(findings))
    return 0 if request.exit_zero else exit_code(findings, request.strict)
