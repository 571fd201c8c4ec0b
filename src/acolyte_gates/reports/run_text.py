"""A gate run as plain text: each gate's findings and detail, then a summary table."""

from __future__ import annotations

from acolyte_gates.gates.base import GateResult, GateStatus
from acolyte_gates.gates.runner import RunReport
from acolyte_gates.reports.text import format_finding

_HEADERS = ("gate", "tool", "status", "findings", "seconds")
# Columns aligned right (the numbers); the others align left.
_RIGHT = (3, 4)


def _indented(text: str) -> str:
    return "".join(f"    {line}\n" for line in text.splitlines())


def gate_section(gate: GateResult) -> str:
    """A gate's findings, a line each, and its detail; empty for a quiet passed or skipped gate."""
    if gate.status is GateStatus.SKIPPED or (
        gate.status is GateStatus.PASSED and not gate.findings
    ):
        return ""
    lines = [f"== {gate_label(gate)}: {gate.status.value} ==\n"]
    lines += [format_finding(finding) + "\n" for finding in gate.findings]
    if gate.detail:
        lines.append(_indented(gate.detail))
    return "".join(lines)


def gate_label(gate: GateResult) -> str:
    """A gate's name with the tool that ran it: `lint (ruff)`; the name alone when none ran."""
    return f"{gate.name} ({gate.tool})" if gate.tool else gate.name


def summary_table(report: RunReport) -> str:
    """A row per gate: name, tool, status, number of findings and seconds taken."""
    rows = [_HEADERS] + [
        (
            gate.name,
            gate.tool or "-",
            gate.status.value,
            str(len(gate.findings)),
            f"{gate.seconds:.1f}",
        )
        for gate in report.gates
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(_HEADERS))]
    return "".join(
        "  ".join(
            cell.rjust(widths[i]) if i in _RIGHT else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ).rstrip()
        + "\n"
        for row in rows
    )


def verdict_line(report: RunReport) -> str:
    """The last line: passed, or which gates did not pass."""
    if report.passed:
        return "passed\n"
    bad = [g.name for g in report.gates if g.status not in (GateStatus.PASSED, GateStatus.SKIPPED)]
    return f"failed: {', '.join(bad)}\n"


def render(report: RunReport) -> str:
    """The whole run: findings grouped by gate, a blank line, the summary table, the verdict."""
    sections = "".join(gate_section(gate) for gate in report.gates)
    return sections + ("\n" if sections else "") + summary_table(report) + verdict_line(report)
