"""Report writers: each turns a list of findings into text for one output format."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from acolyte_gates.findings import Finding

Report = Callable[[Sequence[Finding]], str]


def get_report(name: str) -> Report:
    """The writer for a format name; imported on demand to keep start-up fast."""
    if name == "json":
        from acolyte_gates.reports import json

        return json.render
    from acolyte_gates.reports import text

    return text.render
