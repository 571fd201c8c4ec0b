"""What the statements parsed out of a comment are: surely code, prose that parses, or nonsense.

Used by comment_parse.py on each unit it parses. Prose parses as Python more often than one
would think (`# note`, `# return value`, `# if so:`), so a unit counts as code only for
statements prose is rarely made of; and some text parses only as something no program means.
"""

from __future__ import annotations

import ast

LABEL, WEAK, STRONG, NONSENSE, ITEM = "label", "weak", "strong", "nonsense", "item"
"""Unit kinds: expressions only (words, formulas; no call); other statements prose may parse as
(`pass`, `return value`, `if so:`); surely code; parses but means nothing; container items that
parse only inside brackets (`'key': value,`)."""

_STRONG_STATEMENTS = (
    ast.Assign,
    ast.AugAssign,
    ast.Import,
    ast.ImportFrom,
    ast.Delete,
    ast.Assert,
    ast.FunctionDef,
    ast.AsyncFunctionDef,
    ast.ClassDef,
)
_CONDITIONS = (ast.If, ast.While)
_LOOPS = (ast.For, ast.AsyncFor)
_WITHS = (ast.With, ast.AsyncWith)
_COMPOUND = (
    *_CONDITIONS,
    *_LOOPS,
    *_WITHS,
    ast.Try,
    ast.FunctionDef,
    ast.AsyncFunctionDef,
    ast.ClassDef,
)
_DISPLAYS = (ast.List, ast.Tuple, ast.Set)
_STRING_OPERATORS = (ast.Add, ast.Mod, ast.Mult)
_MEMBERSHIP = (ast.Is, ast.IsNot, ast.In, ast.NotIn)

_PROSE_RETURNS = frozenset(
    "value values nothing something anything everything it this that them early here now"
    " immediately none".split()
)
"""Words prose returns (`# return value`, `# return early`); any other name is a variable.
A constant or dotted name returned stays prose-like (`# return "MyError"` in a description)."""


def is_simple(node: ast.expr | None) -> bool:
    """A name, constant or dotted name: prose parses as these, code rarely stops at them."""
    while isinstance(node, (ast.Attribute, ast.UnaryOp)):
        node = node.value if isinstance(node, ast.Attribute) else node.operand
    return isinstance(node, (ast.Name, ast.Constant))


def _is_macro(call: ast.Call) -> bool:
    """An ALL-CAPS name called: a C macro, as comments about C code write them (`STDMETHOD(name)`);
    not when it is passed what only Python passes (`EVT_CLOSE(self, lambda evt: ...)`)."""
    func = call.func
    if not (isinstance(func, ast.Name) and len(func.id) > 1 and func.id.isupper()):
        return False
    pythonic = any(isinstance(arg, ast.Lambda) or _is_self(arg) for arg in call.args)
    return not (pythonic or call.keywords)


def _is_self(node: ast.expr) -> bool:
    return isinstance(node, ast.Name) and node.id == "self"


def is_code_call(node: ast.expr) -> bool:
    """A call written as code writes it: `f(x)`, `obj.close()`; not `f (x)`, `MACRO(x)`, `f()`.

    Prose puts a space before an aside in parentheses (`# exception (limited in size)`) and
    names a function with empty parentheses (`# setUp()`), but a method called with nothing
    (`# cache.clear()`) stands alone only as code. `print (x)` is Python 2's print.
    """
    if isinstance(node, (ast.Await, ast.Yield, ast.YieldFrom)) and node.value is not None:
        node = node.value
    if not isinstance(node, ast.Call) or _is_macro(node):
        return False
    if not (node.args or node.keywords):
        return _is_method_call(node)
    return _is_print(node.func) or _is_tight_call(node)


def _is_print(func: ast.expr) -> bool:
    return isinstance(func, ast.Name) and func.id == "print"


def _is_tight_call(call: ast.Call) -> bool:
    """`f(x)`: the first argument right after the parenthesis (or the call spans lines)."""
    func = call.func
    first = min([arg.col_offset for arg in call.args] + [kw.col_offset for kw in call.keywords])
    return _gap(func, first) <= 1 or func.end_lineno != call.lineno


def _is_method_call(call: ast.Call) -> bool:
    """`obj.close()` written tight, on one line."""
    func = call.func
    tight = call.end_lineno == func.end_lineno and _gap(func, call.end_col_offset) <= 2
    return isinstance(func, ast.Attribute) and tight


def _gap(func: ast.expr, column: int | None) -> int:
    """Columns from the end of a called function to `column` (`f(x`: 1 to the `x`)."""
    return (column or 0) - (func.end_col_offset or 0)


def _is_code_header(statement: ast.stmt) -> bool:
    """An `if`, `while`, `for` or `with` header about more than a name (`# if x > 3:`)."""
    if isinstance(statement, _CONDITIONS):
        return not is_simple(statement.test)
    if isinstance(statement, _LOOPS):
        return not is_simple(statement.iter)
    if isinstance(statement, _WITHS):
        return any(not is_simple(item.context_expr) for item in statement.items)
    return False


def _is_shell_assignment(statement: ast.Assign) -> bool:
    """`ID_FS_TYPE=ext4`: a command's output or an environment line, not Python."""
    target, value = statement.targets[0], statement.value
    return (
        len(statement.targets) == 1
        and isinstance(target, ast.Name)
        and target.id.isupper()
        and isinstance(value, ast.Name)
        and value.col_offset == (target.end_col_offset or 0) + 1
    )


def _is_strong_value(statement: ast.stmt) -> bool:
    """Return, raise, annotated assignment and expressions: strong by what they hold."""
    if isinstance(statement, ast.Return):
        value = statement.value
        if isinstance(value, ast.Name):
            return value.id.lower() not in _PROSE_RETURNS
        return not is_simple(value)
    if isinstance(statement, ast.Raise):
        return statement.exc is not None and not is_simple(statement.exc)
    if isinstance(statement, ast.AnnAssign):
        value = statement.value
        return value is not None and _gap(statement.annotation, value.col_offset) >= 3
    if not isinstance(statement, ast.Expr):
        return False
    value = statement.value
    items = value.elts if isinstance(value, ast.Tuple) else [value]
    return any(is_code_call(item) for item in items)


def is_strong(statement: ast.stmt) -> bool:
    """Whether a statement is one only code is made of (prose rarely parses as it)."""
    if isinstance(statement, ast.Assign):
        return not _is_shell_assignment(statement)
    if isinstance(statement, _STRONG_STATEMENTS):
        return True
    return _is_code_header(statement) or _is_strong_value(statement)


def _is_ellipsis(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Constant) and node.value is Ellipsis


def _elides(node: ast.AST) -> bool:
    """`[a, b, ...]`, `{'k': ...}`, `f(x, ...)`: an illustration that leaves things out."""
    if isinstance(node, _DISPLAYS):
        return any(_is_ellipsis(item) for item in node.elts)
    if isinstance(node, ast.Dict):
        return any(_is_ellipsis(item) for item in [*node.keys, *node.values])
    return isinstance(node, ast.Call) and any(_is_ellipsis(arg) for arg in node.args)


def _is_odd_call(node: ast.Call) -> bool:
    """`5. (x)` and `(a) (b)` calls."""
    func = node.func
    return isinstance(func, ast.Constant) or (
        isinstance(func, ast.Name) and func.col_offset > node.col_offset
    )


def _is_prose_comparison(node: ast.Compare) -> bool:
    """`x is used in y`: a chain of `is` and `in` is a sentence, not a test."""
    return len(node.ops) > 1 and any(isinstance(op, _MEMBERSHIP) for op in node.ops)


def is_nonsense(node: ast.AST) -> bool:
    """Parses, but no program means it: odd calls, `"a" / "b"` (prose, grammars), elisions,
    chains of `is` and `in`."""
    if isinstance(node, ast.Call) and _is_odd_call(node):
        return True
    if isinstance(node, ast.Compare) and _is_prose_comparison(node):
        return True
    if isinstance(node, ast.BinOp):
        return _is_string_formula(node)
    return _elides(node)


def _is_string_formula(node: ast.BinOp) -> bool:
    """`"a" / "b"`: strings joined by an operator strings have not (grammars, alternatives)."""
    if isinstance(node.op, _STRING_OPERATORS):
        return False
    sides = [side for side in (node.left, node.right) if isinstance(side, ast.Constant)]
    return len(sides) == 2 and any(isinstance(side.value, str) for side in sides)


def _slices(nodes: list[ast.AST]) -> set[int]:
    """Ids of subscript slices: `x[..., 0]` is numpy, not an elision."""
    return {id(node.slice) for node in nodes if isinstance(node, ast.Subscript)}


def _is_notation(nodes: list[ast.AST]) -> bool:
    """`x = 1; y`: statements joined by `;` where one is a bare value, as notes write them."""
    simple = [n for n in nodes if isinstance(n, ast.stmt) and not isinstance(n, _COMPOUND)]
    lines: dict[int, list[ast.stmt]] = {}
    for statement in simple:
        lines.setdefault(statement.lineno, []).append(statement)
    return any(
        len(shared) > 1 and any(_is_bare_value(s) for s in shared) for shared in lines.values()
    )


def _is_bare_value(statement: ast.stmt) -> bool:
    return isinstance(statement, ast.Expr) and not is_code_call(statement.value)


def _is_nonsense_tree(tree: ast.Module, nodes: list[ast.AST]) -> bool:
    """A lone `...` line (an excerpt leaves things out), notation, or any nonsense node."""
    if any(isinstance(s, ast.Expr) and _is_ellipsis(s.value) for s in tree.body):
        return True
    if _is_notation(nodes):
        return True
    slices = _slices(nodes)
    return any(id(node) not in slices and is_nonsense(node) for node in nodes)


def kind(tree: ast.Module) -> str:
    """The kind of a parsed unit: NONSENSE over STRONG over WEAK over LABEL."""
    nodes = list(ast.walk(tree))
    if _is_nonsense_tree(tree, nodes):
        return NONSENSE
    if any(isinstance(node, ast.stmt) and is_strong(node) for node in nodes):
        return STRONG
    labels = all(isinstance(statement, ast.Expr) for statement in tree.body)
    return LABEL if labels else WEAK
