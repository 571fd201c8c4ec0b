"""The fixes made inside lines, with libcst: `-> None` on functions, `Exception` on bare excepts.

Each fix is asked for by the line a rule reported it at; a node found on such a line is
changed and nothing else, so libcst writes every other byte back as it read it.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from acolyte_gates.refactor.deep import run_deep


@dataclass(frozen=True)
class LineFixes:
    """Where to fix: the `def` lines that get `-> None`, and the `except:` lines with the type
    each gets (`Exception`, or `BaseException` for a handler that re-raises)."""

    returns: frozenset[int] = frozenset()
    excepts: tuple[tuple[int, str], ...] = ()


class _Fixer(cst.CSTTransformer):
    """Adds `-> None` and `Exception` where the reported lines ask for them."""

    METADATA_DEPENDENCIES = (PositionProvider,)

    def __init__(self, wanted: LineFixes) -> None:
        super().__init__()
        self.wanted = wanted

    def _line(self, node: cst.CSTNode) -> int:
        return int(self.get_metadata(PositionProvider, node).start.line)

    def leave_FunctionDef(
        self, original_node: cst.FunctionDef, updated_node: cst.FunctionDef
    ) -> cst.FunctionDef:
        """`def f(...):` on a reported line becomes `def f(...) -> None:`."""
        if (
            updated_node.returns is not None
            or self._line(original_node.name) not in self.wanted.returns
        ):
            return updated_node
        return updated_node.with_changes(returns=cst.Annotation(cst.Name("None")))

    def leave_ExceptHandler(
        self, original_node: cst.ExceptHandler, updated_node: cst.ExceptHandler
    ) -> cst.ExceptHandler:
        """`except:` on a reported line becomes `except Exception:` (or `BaseException`)."""
        caught = dict(self.wanted.excepts).get(self._line(original_node))
        if updated_node.type is not None or caught is None:
            return updated_node
        return updated_node.with_changes(
            type=cst.Name(caught), whitespace_after_except=cst.SimpleWhitespace(" ")
        )


def apply_line_fixes(text: str, wanted: LineFixes, path: str) -> str:
    """The text with the fixes made; unchanged when nothing is wanted. Raises Refused when too deep."""
    if not wanted.returns and not wanted.excepts:
        return text

    def work() -> str:
        wrapper = MetadataWrapper(cst.parse_module(text))
        return wrapper.visit(_Fixer(wanted)).code

    return run_deep(work, path)
