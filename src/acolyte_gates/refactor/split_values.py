"""The values of a split: what was asked, and the plan with every file's text."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SplitRequest:
    """The module to split, the soft limit each new module stays under, and renames (old, new)."""

    path: str
    limit: int = 250
    renames: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class NewModule:
    """A file the split writes: its path, text, line count and the names it defines."""

    path: str
    text: str
    lines: int
    names: tuple[str, ...]
    shared: bool = False


@dataclass(frozen=True)
class SplitPlan:
    """Everything a split writes, what it read, the uses it cuts and notes for the user."""

    path: str
    original: bytes
    encoding: str
    lines: int
    modules: tuple[NewModule, ...]
    thin: NewModule
    cut: tuple[tuple[str, str, str, str], ...]
    """(module, definition, module, name): a use that now crosses from one module to another."""
    notes: tuple[str, ...] = ()


def line_count(text: str) -> int:
    """Physical lines, a last line without its newline counted."""
    return text.count("\n") + (0 if text.endswith("\n") or not text else 1)
