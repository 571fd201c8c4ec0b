"""Every file of a split as text: the new modules and the thin re-export left in the old one."""

from __future__ import annotations

from acolyte_gates.refactor.layout import Layout
from acolyte_gates.refactor.reexport import thin_module
from acolyte_gates.refactor.rewrite import group_module

_SHOWN = 3


def summary(names: list[str], stem: str) -> str:
    """A new module's docstring: what it holds, and where it came from."""
    shown = ", ".join(names[:_SHOWN]) + (" and more" if len(names) > _SHOWN else "")
    return f"{shown}: split out of {stem}.py."


def render_texts(layout: Layout, stem: str) -> tuple[tuple[str, ...], str]:
    """The text of each group's module, and of the old module after the split."""
    texts = tuple(
        group_module(layout, number, summary(layout.moved_names(number), stem)).code
        for number in range(len(layout.groups))
    )
    return texts, thin_module(layout).code
