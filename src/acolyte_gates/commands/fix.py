"""`acolyte-gates fix`: make the safe fixes (ACO202, ACO402, ACO501); dry run unless --apply."""

from __future__ import annotations

import difflib
import sys
from collections.abc import Iterator
from dataclasses import dataclass

from acolyte_gates.commands.check import settings_for
from acolyte_gates.config.overrides import CliOverrides
from acolyte_gates.config.settings import Settings
from acolyte_gates.discovery import discover, warnings
from acolyte_gates.refactor.fix_files import FileFix, fix_file, write_fix
from acolyte_gates.refactor.refusal import Refused
from acolyte_gates.refactor.returns import black_line_length

WHAT = {
    "ACO202": "add `-> None`",
    "ACO402": "delete the commented-out code",
    "ACO501": "name the exception type in `except:`",
}


@dataclass(frozen=True)
class FixCliRequest:
    """Everything `fix` was asked for on the command line."""

    paths: tuple[str, ...] = (".",)
    apply: bool = False
    diff: bool = False
    config: str | None = None


def unified_diff(fix: FileFix) -> str:
    """The change as a unified diff, `a/` and `b/` before the path as git writes them."""
    before = fix.original.decode("utf-8", "replace").splitlines(keepends=True)
    after = fix.data.decode("utf-8", "replace").splitlines(keepends=True)
    lines = difflib.unified_diff(before, after, f"a/{fix.path}", f"b/{fix.path}")
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def _describe(fix: FileFix, verb: str) -> Iterator[str]:
    for made in fix.result.fixed:
        yield f"{fix.path}:{made.line}: {made.code} {verb}: {WHAT[made.code]}\n"
    for note in fix.result.notes:
        yield f"{fix.path}:{note}\n"


@dataclass(frozen=True)
class _Run:
    """What every file of one `fix` shares."""

    request: FixCliRequest
    settings: Settings
    line_length: int


def _fix_one(path: str, run: _Run) -> tuple[int, bool]:
    """Fix or show one file; the number of fixes and whether the file failed."""
    try:
        fix = fix_file(path, run.settings, run.line_length)
    except Refused as refusal:
        sys.stderr.write(f"acolyte-gates: {refusal}\n")
        return 0, True
    if run.request.diff and fix.changed:
        sys.stdout.write(unified_diff(fix))
    problem = write_fix(fix) if run.request.apply else ""
    if problem:
        sys.stderr.write(f"acolyte-gates: not fixed: {problem}\n")
        return 0, True
    sys.stdout.writelines(_describe(fix, "fixed" if run.request.apply else "would fix"))
    return len(fix.result.fixed), False


def _summary(fixes: int, applied: bool) -> str:
    if applied:
        return f"{fixes} fix(es) made\n"
    if not fixes:
        return "nothing to fix\n"
    return f"{fixes} fix(es) to make; run again with --apply to make them\n"


def run_fix(request: FixCliRequest) -> int:
    """Fix (or show the fixes of) the Python files under the paths.

    0: nothing to fix (dry run) or every fix written; 1: fixes to make (dry run), or a
    file that could not be fixed or written.
    """
    settings = settings_for(request.paths, request.config, CliOverrides())
    run = _Run(request, settings, black_line_length(settings.root))
    found = discover(list(request.paths), settings)
    sys.stderr.write(warnings(found, request.paths))
    fixes, failed = 0, False
    for path in found.files:
        count, broke = _fix_one(path, run)
        fixes, failed = fixes + count, failed or broke
    sys.stdout.write(_summary(fixes, request.apply))
    return 1 if failed or (fixes and not request.apply) else 0
