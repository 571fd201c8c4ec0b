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


def statistics(findings: Sequence[Finding]) -> str:
    """A count per code, most frequent first, as flake8's --statistics prints it."""
    counts = Counter(finding.code for finding in findings)
    names = {finding.code: finding.name for finding in findings}
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return "".join(f"{count:<5} {code} {names[code]}\n" for code, count in rows)
