"""A gate run as one JSON document: {"version": 1, "passed": ..., "gates": [...]}."""

from __future__ import annotations

import json

from acolyte_gates.gates.base import GateResult
from acolyte_gates.gates.runner import RunReport
from acolyte_gates.reports.json import VERSION, finding_dict


def gate_dict(gate: GateResult) -> dict[str, object]:
    """One gate: its name, tool, status, seconds, detail and findings (as `check` reports them).

    `tool` is the executable that ran the gate ("acolyte-gates" for the in-process aco gate,
    "" for a gate that was not run).
    """
    return {
        "name": gate.name,
        "tool": gate.tool,
        "status": gate.status.value,
        "seconds": round(gate.seconds, 3),
        "detail": gate.detail,
        "findings": [finding_dict(finding) for finding in gate.findings],
    }


def render(report: RunReport) -> str:
    """The whole run as an indented JSON document."""
    document = {
        "version": VERSION,
        "passed": report.passed,
        "gates": [gate_dict(gate) for gate in report.gates],
    }
    return json.dumps(document, indent=2) + "\n"
