"""flake8-style text: one `path:line:col: CODE message` line per finding."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from acolyte_gates.findings import Finding


def format_finding(finding: Finding) -> str:
    """One finding as editors and CI logs expect it."""
    return f"{finding.path}:{finding.line}:{finding.col}: {finding.code} {finding.message}"


def render(findings: Sequence[Finding]) -> str:
    """Every finding on its own line, in the order given."""
    return "".join(format_finding(finding) + "\n" for finding in findings)


def statistics(findings: Sequence[Finding], checked: int, skipped: int = 0) -> str:
    """A count per code, most frequent first, as flake8's --statistics prints it, then a total.

    Warnings (which fail a run only under --strict) are marked `(warning)`; the total says
    how many of the `checked` files had findings, and how many entries were `skipped`.
    """
    counts = Counter(finding.code for finding in findings)
    names = {f.code: f.name + ("" if f.is_error else " (warning)") for f in findings}
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    warnings = sum(not f.is_error for f in findings)
    files = len({f.path for f in findings})
    total = (
        f"{len(findings):<5} in total: {_count(len(findings) - warnings, 'error')},"
        f" {_count(warnings, 'warning')} in {files} of {_count(checked, 'file')} checked"
        + (f" ({_count(skipped, 'entry', 'entries')} skipped)" if skipped else "")
        + "\n"
    )
    return "".join(f"{count:<5} {code} {names[code]}\n" for code, count in rows) + total


def _count(number: int, noun: str, plural: str = "") -> str:
    """'1 error', '2 errors'."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"
