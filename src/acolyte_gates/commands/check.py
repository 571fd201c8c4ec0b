"""`acolyte-gates check`: discover, check, report; exit 1 when an error is found."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from acolyte_gates.checker import CheckOptions, check_files, read_source
from acolyte_gates.config.loader import load_settings
from acolyte_gates.config.overrides import CliOverrides, apply_overrides
from acolyte_gates.config.schema import LIMIT_HELP
from acolyte_gates.config.settings import Settings
from acolyte_gates.discovery import discover, warnings
from acolyte_gates.entrypoints import report_plugin_failures
from acolyte_gates.errors import UsageError
from acolyte_gates.findings import Finding
from acolyte_gates.output import wants_color, write_report
from acolyte_gates.paths import common_folder
from acolyte_gates.reports import get_report
from acolyte_gates.reports.styled import LinesOf, TextStyle, render_styled
from acolyte_gates.source import SourceFile

_GC_THRESHOLD = 100_000
"""Allocations between two young-generation collections during a check (default 700)."""

STDIN = "-"


@dataclass(frozen=True)
class OutputOptions:
    """How the report is written: format, destination, colour, source lines, totals."""

    output_format: str = "text"
    output_file: str | None = None
    show_source: bool = False
    color: str = "auto"
    quiet: int = 0
    count: bool = False
    statistics: bool = False


@dataclass(frozen=True)
class CheckRequest:
    """Everything `check` was asked for on the command line."""

    paths: tuple[str, ...] = (".",)
    strict: bool = False
    exit_zero: bool = False
    config: str | None = None
    stdin_filename: str | None = None
    overrides: CliOverrides = field(default_factory=CliOverrides)
    options: CheckOptions = field(default_factory=CheckOptions)
    output: OutputOptions = field(default_factory=OutputOptions)


def _take(options: dict[str, Any], names: Sequence[str]) -> dict[str, Any]:
    """Remove and return the named entries of click's parsed options."""
    return {name: options.pop(name) for name in names}


def request_from_cli(paths: tuple[str, ...], options: dict[str, Any]) -> CheckRequest:
    """A request from click's parsed options (names as click gives them)."""
    limits = _take(options, [key.replace("-", "_") for key, _ in LIMIT_HELP])
    overrides = CliOverrides(
        **_take(options, ("select", "ignore", "extend_select", "level", "extend_ignore")),
        **_take(options, ("per_file_ignores", "exclude", "extend_exclude")),
        limits=tuple(
            (key.replace("_", "-"), value) for key, value in limits.items() if value is not None
        ),
    )
    output = OutputOptions(
        **_take(options, ("output_format", "output_file", "show_source", "color", "quiet")),
        **_take(options, ("count", "statistics")),
    )
    check_options = CheckOptions(jobs=options.pop("jobs"), use_cache=not options.pop("no_cache"))
    return CheckRequest(
        paths or (".",), overrides=overrides, options=check_options, output=output, **options
    )


def settings_for(paths: Sequence[str], config: str | None, overrides: CliOverrides) -> Settings:
    """The run's settings: the pyproject above the checked paths, then the command line."""
    settings = load_settings(Path(common_folder(paths)), Path(config) if config else None)
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


def _lines_from_disk() -> LinesOf:
    """Each file's lines, read once, for --show-source."""
    read: dict[str, list[str]] = {}

    def lines_of(path: str) -> list[str]:
        if path not in read:
            read[path] = read_source(path).lines
        return read[path]

    return lines_of


@dataclass(frozen=True)
class Checked:
    """What a check found, and on how much: the findings, files checked, entries skipped."""

    findings: list[Finding]
    files: int
    skipped: int
    lines_of: LinesOf


def render(checked: Checked, output: OutputOptions) -> str:
    """The report: the format's text; in text, with the style, statistics and count asked for."""
    findings = checked.findings
    if output.output_format != "text":
        return get_report(output.output_format)(findings)
    from acolyte_gates.reports.text import statistics

    color = wants_color(output.color, output.output_file)
    style = TextStyle(color, output.show_source, output.quiet)
    text = render_styled(findings, style, checked.lines_of)
    if output.statistics:
        text += statistics(findings, checked.files, checked.skipped)
    if output.count:
        text += f"{len(findings)}\n"
    return text


def _check_stdin(request: CheckRequest) -> Checked:
    """Findings for the source on stdin, configured and named as `--stdin-filename` says."""
    from acolyte_gates.engine import check_file
    from acolyte_gates.paths import relative_to_root

    name = request.stdin_filename or "stdin"
    settings = settings_for((name,), request.config, request.overrides)
    source = SourceFile.from_bytes(name, sys.stdin.buffer.read())
    findings = check_file(source, settings, relative_to_root(name, settings.root))
    return Checked(findings, 1, 0, lambda path: source.lines)


def _check_paths(request: CheckRequest) -> Checked:
    """Findings for the files under the requested paths; what was skipped goes to stderr."""
    settings = settings_for(request.paths, request.config, request.overrides)
    found = discover(request.paths, settings)
    sys.stderr.write(warnings(found, request.paths))
    with collecting_rarely():
        findings = check_files(list(found.files), settings, request.options)
    return Checked(findings, len(found.files), len(found.skipped), _lines_from_disk())


def run_check(request: CheckRequest) -> int:
    """Check the requested paths (or stdin) and write the report; returns the exit code."""
    report_plugin_failures(sys.stderr.write)
    if STDIN in request.paths and len(request.paths) > 1:
        raise UsageError("'-' (stdin) cannot be mixed with other paths; check them in two runs")
    if request.stdin_filename and request.paths != (STDIN,):
        raise UsageError("--stdin-filename goes with the path '-' (read the source from stdin)")
    run = _check_stdin if request.paths == (STDIN,) else _check_paths
    checked = run(request)
    write_report(render(checked, request.output), request.output.output_file)
    return 0 if request.exit_zero else exit_code(checked.findings, request.strict)
