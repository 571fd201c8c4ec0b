"""Import statements for the new modules, with libcst: kept whole, cut down to the names a
module uses, or made (`from .orders_models import Order`)."""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst
from libcst.helpers import get_full_name_for_node

_WRAP_AT = 88


def alias_name(alias: cst.ImportAlias, from_import: bool) -> str:
    """The name an import alias binds: `as` name, else the name (`import a.b` binds `a`)."""
    if alias.asname is not None:
        return cst.ensure_type(alias.asname.name, cst.Name).value
    dotted = get_full_name_for_node(alias.name) or ""
    return dotted if from_import else dotted.split(".")[0]


def _cut(small: cst.BaseSmallStatement, wanted: set[str]) -> cst.BaseSmallStatement | None:
    """An import with only the aliases whose names are wanted; None when none is."""
    if not isinstance(small, (cst.Import, cst.ImportFrom)) or isinstance(
        small.names, cst.ImportStar
    ):
        return small
    from_import = isinstance(small, cst.ImportFrom)
    kept = [a for a in small.names if alias_name(a, from_import) in wanted]
    if not kept:
        return None
    if len(kept) == len(small.names):
        return small
    parenthesized = from_import and small.lpar is not None  # type: ignore[union-attr]
    if not parenthesized:
        kept[-1] = kept[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
    return small.with_changes(names=kept)


def cut_import(statement: cst.BaseStatement, wanted: set[str]) -> cst.BaseStatement | None:
    """An import line cut down to the wanted names, without the lines above it; None if unused.

    A compound import block (`try: import x ...`) is kept whole when any name it binds is used.
    """
    if isinstance(statement, cst.If):
        return _cut_block(statement, wanted)
    if not isinstance(statement, cst.SimpleStatementLine):
        return statement.with_changes(leading_lines=())
    body = [cut for small in statement.body if (cut := _cut(small, wanted)) is not None]
    if not body:
        return None
    body[-1] = body[-1].with_changes(semicolon=cst.MaybeSentinel.DEFAULT)
    return statement.with_changes(body=body, leading_lines=())


def _cut_block(statement: cst.If, wanted: set[str]) -> cst.BaseStatement | None:
    """`if TYPE_CHECKING:` imports cut down like plain ones (an `else` keeps the block whole)."""
    block = statement.body
    if statement.orelse is not None or not isinstance(block, cst.IndentedBlock):
        return statement.with_changes(leading_lines=())
    kept = [cut for line in block.body if (cut := cut_import(line, wanted)) is not None]
    if not kept:
        return None
    return statement.with_changes(body=block.with_changes(body=kept), leading_lines=())


def from_import(module: str, names: Sequence[str], comment: str = "") -> cst.SimpleStatementLine:
    """`from MODULE import a, b`, wrapped one name a line in brackets when it is long."""
    trailing = f"  # {comment}" if comment else ""
    line = f"from {module} import {', '.join(names)}"
    if len(line + trailing) > _WRAP_AT:
        inner = "".join(f"    {name},\n" for name in names)
        line = f"from {module} import ({trailing}\n{inner})"
        trailing = ""
    return cst.ensure_type(cst.parse_statement(line + trailing + "\n"), cst.SimpleStatementLine)
