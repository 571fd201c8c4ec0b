"""JSON: one document, {"version": 1, "findings": [...]}, for tools that read our output."""

from __future__ import annotations

import json
from collections.abc import Sequence

from acolyte_gates.findings import Finding

VERSION = 1


def finding_dict(finding: Finding) -> dict[str, object]:
    """The documented fields of one finding."""
    return {
        "path": finding.path,
        "line": finding.line,
        "col": finding.col,
        "code": finding.code,
        "name": finding.name,
        "message": finding.message,
        "severity": finding.severity.value,
    }


def render(findings: Sequence[Finding]) -> str:
    """The whole report as an indented JSON document."""
    document = {"version": VERSION, "findings": [finding_dict(f) for f in findings]}
    return json.dumps(document, indent=2) + "\n"
