"""Exception rules: bare handlers, broad handlers that swallow errors, and generic raises."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass

from acolyte_gates.rules.base import Context, Hit, Rule, RuleDocs
from acolyte_gates.source import SourceFile

_BROAD = frozenset({"Exception", "BaseException"})
_BLOCK_FIELDS = ("body", "orelse", "finalbody", "handlers", "cases")


@dataclass(frozen=True)
class _ExceptionNodes:
    """Every `except` handler and `raise` statement of a file, found in one walk."""

    handlers: tuple[ast.ExceptHandler, ...]
    raises: tuple[ast.Raise, ...]


def _statements(tree: ast.Module) -> Iterator[ast.AST]:
    """Every statement, handler and match case, nested ones included; expressions are skipped
    (no handler or raise lives in one), which makes this several times faster than ast.walk."""
    stack: list[ast.AST] = list(tree.body)
    while stack:
        node = stack.pop()
        yield node
        for field in _BLOCK_FIELDS:
            stack.extend(getattr(node, field, ()))


def _collect(source: SourceFile) -> _ExceptionNodes:
    if "except" not in source.text and "raise" not in source.text:
        return _ExceptionNodes((), ())
    handlers: list[ast.ExceptHandler] = []
    raises: list[ast.Raise] = []
    for node in _statements(source.tree):
        if isinstance(node, ast.ExceptHandler):
            handlers.append(node)
        elif isinstance(node, ast.Raise):
            raises.append(node)
    return _ExceptionNodes(tuple(handlers), tuple(raises))


def _nodes(source: SourceFile) -> _ExceptionNodes:
    return source.memo("exception-nodes", _collect)


def broad_name(node: ast.expr | None) -> str | None:
    """'Exception' or 'BaseException' when `node` names one (`builtins.` prefix allowed), else None."""
    if isinstance(node, ast.Name) and node.id in _BROAD:
        return node.id
    is_builtins = (
        isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "builtins"
    )
    if is_builtins and isinstance(node, ast.Attribute) and node.attr in _BROAD:
        return node.attr
    return None


def _caught_broad(handler: ast.ExceptHandler) -> str | None:
    caught = handler.type
    names = caught.elts if isinstance(caught, ast.Tuple) else [caught]
    return next((name for name in map(broad_name, names) if name), None)


def _swallows(statement: ast.stmt) -> bool:
    """Whether a statement only drops the error: pass, `...`, continue, return, return None."""
    if isinstance(statement, (ast.Pass, ast.Continue)):
        return True
    if isinstance(statement, ast.Expr):
        return isinstance(statement.value, ast.Constant) and statement.value.value is Ellipsis
    if isinstance(statement, ast.Return):
        value = statement.value
        return value is None or (isinstance(value, ast.Constant) and value.value is None)
    return False


def _body_words(handler: ast.ExceptHandler) -> str:
    words = {ast.Pass: "pass", ast.Continue: "continue", ast.Return: "return", ast.Expr: "..."}
    return ", ".join(dict.fromkeys(words[type(s)] for s in handler.body))


def _check_bare(source: SourceFile, ctx: Context) -> Iterator[Hit]:
    for handler in _nodes(source).handlers:
        if handler.type is None:
            yield Hit(
                handler.lineno, handler.col_offset + 1, "bare 'except:' catches every exception"
            )


def _check_swallowed(source: SourceFile, ctx: Context) -> Iterator[Hit]:
    for handler in _nodes(source).handlers:
        name = _caught_broad(handler) if handler.type is not None else None
        if name and all(_swallows(statement) for statement in handler.body):
            text = f"handler for '{name}' swallows the error (its body is only: {_body_words(handler)})"
            yield Hit(handler.lineno, handler.col_offset + 1, text)


def _check_generic_raise(source: SourceFile, ctx: Context) -> Iterator[Hit]:
    for node in _nodes(source).raises:
        raised = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
        name = broad_name(raised)
        if name:
            yield Hit(
                node.lineno,
                node.col_offset + 1,
                f"raises the generic '{name}'; raise a specific exception",
            )


BARE_EXCEPT = Rule(
    "ACO501",
    "bare-except",
    "A bare `except:` handler.",
    RuleDocs(
        what="Checks for `except:` handlers that name no exception type.",
        why="A bare `except:` also catches `KeyboardInterrupt`, `SystemExit` and `GeneratorExit`, "
        "so Ctrl-C and `sys.exit()` stop working inside it, and every bug in the `try` body "
        "is caught along with the error that was expected.",
        example="try:\n    value = int(text)\nexcept:\n    value = 0\n",
        use_instead="try:\n    value = int(text)\nexcept ValueError:\n    value = 0\n",
        known_problems="A bare `except:` that only swallows the error is reported here only, "
        "not also as ACO502: one finding per handler.",
        fix="Fixable by `acolyte-gates fix` (and `run --fix`, `hook run --fix`): `except:` "
        "becomes `except Exception:`. This changes behaviour on purpose, and it is what the "
        "rule asks for: the handler no longer catches `SystemExit`, `KeyboardInterrupt` and "
        "`GeneratorExit`, so Ctrl-C and `sys.exit()` work again inside the `try`. A handler "
        "whose body re-raises (a bare `raise` among its statements) only looks at the error "
        "on its way out and must go on seeing all of them: it becomes `except BaseException:`, "
        "which keeps its behaviour. Then name the exceptions you expect; ACO502 may report "
        "the handler next if it only swallows.",
    ),
    _check_bare,
)

SWALLOWED_EXCEPTION = Rule(
    "ACO502",
    "swallowed-exception",
    "A handler for `Exception` or `BaseException` that silently drops the error.",
    RuleDocs(
        what="Checks for handlers that catch `Exception` or `BaseException` (alone, in a tuple, "
        "as `builtins.Exception`, or with `except*`) whose body is made only of `pass`, `...`, "
        "`continue`, `return` and `return None`. Any other statement in the body (a logging "
        "call such as `logger.exception(...)`, a re-raise, an assignment, a call) means the "
        "error is handled, and the handler is not reported.",
        why="Catching everything and doing nothing hides bugs: the program goes on in a state "
        "nobody planned for, and the traceback that would have explained it is gone. Catch "
        "the exceptions you expect, or at least log the one you did not.",
        example="try:\n    send(report)\nexcept Exception:\n    pass\n",
        use_instead="try:\n    send(report)\nexcept Exception:\n    logger.exception('report not sent')\n",
        known_problems="A local name that shadows `Exception` is still taken for the built-in.",
    ),
    _check_swallowed,
)

GENERIC_RAISE = Rule(
    "ACO503",
    "generic-exception-raised",
    "`raise Exception(...)` or `raise BaseException(...)`.",
    RuleDocs(
        what="Checks for `raise` statements whose exception is `Exception` or `BaseException` "
        "(called or not, `builtins.` prefix included). A bare `raise` is fine.",
        why="A caller cannot catch a generic exception without also catching every other error. "
        "A built-in such as `ValueError`, or a class of your own, says what went wrong and "
        "lets callers handle exactly that.",
        example="def price(item):\n    raise Exception('no price for ' + item)\n",
        use_instead="def price(item):\n    raise LookupError('no price for ' + item)\n",
        known_problems="A local name that shadows `Exception` is still taken for the built-in.",
    ),
    _check_generic_raise,
)

RULES = (BARE_EXCEPT, SWALLOWED_EXCEPTION, GENERIC_RAISE)
