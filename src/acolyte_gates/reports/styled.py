"""flake8-style text for people: colour on a terminal, the source line with a caret, -q and -qq."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from acolyte_gates.findings import Finding
from acolyte_gates.reports.text import format_finding

LinesOf = Callable[[str], Sequence[str]]

_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"
_CYAN = "\x1b[36m"
_RED = "\x1b[31m"
_YELLOW = "\x1b[33m"


@dataclass(frozen=True)
class TextStyle:
    """How text findings are shown: coloured, with their source line, and how quietly."""

    color: bool = False
    show_source: bool = False
    quiet: int = 0


def _colored(finding: Finding) -> str:
    """One finding as flake8 colours it: bold path, cyan colons, the code in red (yellow: warning)."""
    colon = f"{_CYAN}:{_RESET}"
    tone = _RED if finding.is_error else _YELLOW
    return (
        f"{_BOLD}{finding.path}{_RESET}{colon}{finding.line}{colon}{finding.col}{colon}"
        f" {_BOLD}{tone}{finding.code}{_RESET} {finding.message}"
    )


def source_lines(finding: Finding, lines: Sequence[str]) -> str:
    """The finding's line and a caret under its column; tabs kept so the caret lines up."""
    if not 1 <= finding.line <= len(lines):
        return ""
    line = lines[finding.line - 1]
    indent = "".join(char if char.isspace() else " " for char in line[: finding.col - 1])
    return f"{line}\n{indent}^\n"


def render_styled(findings: Sequence[Finding], style: TextStyle, lines_of: LinesOf) -> str:
    """Every finding in the given order, as the style asks (-q: each file's name once)."""
    if style.quiet >= 2:
        return ""
    if style.quiet == 1:
        names = dict.fromkeys(finding.path for finding in findings)
        return "".join(f"{_BOLD}{name}{_RESET}\n" if style.color else f"{name}\n" for name in names)
    parts = []
    for finding in findings:
        parts.append((_colored(finding) if style.color else format_finding(finding)) + "\n")
        if style.show_source:
            parts.append(source_lines(finding, lines_of(finding.path)))
    return "".join(parts)
