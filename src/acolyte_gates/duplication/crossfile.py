"""The cross-file pass of ACO601 for the standalone checker: windows in from every file, findings out.

Each worker returns the windows of the files it checked, with the lines where a `# noqa`
silences ACO601; the parent matches them once, after every file is done. A file on which
the rule does not run (select, ignore, per-file ignores, `# flake8: noqa`) takes no part:
it is neither reported nor reported against.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from acolyte_gates import noqa
from acolyte_gates.config.settings import Settings
from acolyte_gates.duplication import RULE_CODE, RULE_NAME
from acolyte_gates.duplication.matching import cross_file_copies, describe
from acolyte_gates.duplication.windows import FileWindows, compares_across_files, file_windows
from acolyte_gates.findings import Finding
from acolyte_gates.source import SourceFile


def collect_windows(source: SourceFile, settings: Settings, relpath: str) -> FileWindows | None:
    """A checked file's windows for the cross-file pass, or None when it takes no part in it."""
    if (
        not compares_across_files(settings)
        or source.failure is not None
        or noqa.skips_file(source.text)
    ):
        return None
    from acolyte_gates.decision import enabled_codes  # the worker's side: the parent never needs it

    if not enabled_codes(settings, relpath, (RULE_CODE,)):
        return None
    found = file_windows(source, settings.min_duplicate_lines)
    if not found.windows or not noqa.mentions_noqa(source.text):
        return found
    lines = (w[2] for w in found.windows)
    silenced = frozenset(line for line in lines if noqa.silences(source.noqa_text(line), RULE_CODE))
    return dataclasses.replace(found, silenced=silenced)


def cross_file_findings(files: Sequence[FileWindows]) -> list[Finding]:
    """ACO601 findings for blocks copied between files, noqa applied at each copy's first line."""
    silenced = {found.path: found.silenced for found in files}
    return [
        Finding(copy.path, copy.line, copy.col, RULE_CODE, describe(copy), RULE_NAME)
        for copy in cross_file_copies(files)
        if copy.line not in silenced[copy.path]
    ]
