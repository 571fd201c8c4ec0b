"""flake8-style text: one `path:line:col: CODE message` line per finding."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from acolyte_gates.findings import Finding

# Control characters (ANSI escapes start with one), lone surrogates (the bytes of a file name
# that is not UTF-8) and the invisible marks that reorder text (bidirectional controls).
_UNPRINTABLE = re.compile(
    r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
_KEEP_LAYOUT = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def _escape(match: re.Match[str]) -> str:
    """`\\x1b` for a control character, the raw byte `\\xe9` for a byte a file name held."""
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, kept by surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, layout: bool = False) -> str:
    """Text safe to print to a terminal or log: no escapes, no bytes a strict UTF-8 stream refuses.

    With `layout`, newlines and tabs stay (a tool's output); otherwise they are escaped too.
    """
    return (_KEEP_LAYOUT if layout else _UNPRINTABLE).sub(_escape, text)


def format_finding(finding: Finding) -> str:
    """One finding as editors and CI logs expect it, file name and message made printable."""
    where = printable(finding.path)
    return f"{where}:{finding.line}:{finding.col}: {finding.code} {printable(finding.message)}"


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
