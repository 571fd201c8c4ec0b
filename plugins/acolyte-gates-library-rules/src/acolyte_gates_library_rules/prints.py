"""ACL101 print-in-library: no print() outside scripts.

A module is a script when it is a `__main__.py`, when one of its folders is named as a script
folder (`scripts/` or `bin/` by default, option `script-folders`), or when it has an
`if __name__ == "__main__":` block at its top level. Every other module is library code.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from acolyte_gates_library_rules.names import PLUGIN_NAME

from acolyte_gates.api import Context, Hit, Rule, RuleDocs, SourceFile


def _is_main_guard(node: ast.stmt) -> bool:
    """`if __name__ == "__main__":`, either way round."""
    if not isinstance(node, ast.If) or not isinstance(node.test, ast.Compare):
        return False
    test = node.test
    if len(test.ops) != 1 or not isinstance(test.ops[0], ast.Eq):
        return False
    sides = [test.left, test.comparators[0]]
    names = [s.id for s in sides if isinstance(s, ast.Name)]
    texts = [s.value for s in sides if isinstance(s, ast.Constant)]
    return names == ["__name__"] and texts == ["__main__"]


def is_script(source: SourceFile, ctx: Context) -> bool:
    """Whether the module is a script, where print() is how it talks to its user."""
    parts = ctx.relpath.split("/")
    folders = ctx.options(PLUGIN_NAME).texts("script-folders")
    if parts[-1] == "__main__.py" or any(part in folders for part in parts[:-1]):
        return True
    return any(_is_main_guard(node) for node in source.tree.body)


def _binds_print(tree: ast.Module) -> bool:
    """Whether the module defines or imports a name `print` of its own."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id == "print" and isinstance(node.ctx, ast.Store):
            return True
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and node.name == "print":
            return True
        if isinstance(node, ast.alias) and (node.asname or node.name) == "print":
            return True
    return False


def check(source: SourceFile, ctx: Context) -> Iterator[Hit]:
    """A hit at each call of the built-in print() in a library module."""
    if is_script(source, ctx) or _binds_print(source.tree):
        return
    for node in ast.walk(source.tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "print"
        ):
            yield Hit(
                node.lineno,
                node.col_offset + 1,
                "print() in library code; log with logging, or return the text to the caller",
            )


PRINT_IN_LIBRARY = Rule(
    code="ACL101",
    name="print-in-library",
    summary="A library module (not a script) calls print().",
    docs=RuleDocs(
        what=(
            "Reports each call of the built-in `print()` in a module that is not a script. A "
            "module is a script when it is named `__main__.py`, when one of its folders is a "
            "script folder (`scripts/` or `bin/`), or when it has an "
            '`if __name__ == "__main__":` block at its top level.'
        ),
        why=(
            "A library does not own its caller's standard output: a print() cannot be "
            "silenced, redirected or filtered by level, it interleaves with the caller's own "
            "output and it breaks programs that write data to stdout. Logging can be "
            "configured by the application; a returned value can be shown by it."
        ),
        example='def connect(url: str) -> None:\n    print("connecting to", url)\n',
        use_instead=(
            "import logging\n\nlog = logging.getLogger(__name__)\n\n\n"
            'def connect(url: str) -> None:\n    log.info("connecting to %s", url)\n'
        ),
        options=(
            "`script-folders` in `[tool.acolyte-gates.plugins.library-rules]`: folder "
            'names whose files are scripts (default `["scripts", "bin"]`).'
        ),
        known_problems=(
            "A command-line module started through a console-script entry point has no "
            '`__main__` block; name it in `per-file-ignores` (`"mypkg/cli.py" = '
            '["ACL101"]`). Calls through another name (`builtins.print`, `p = print`) '
            "are not seen; a module that defines its own `print` is left alone."
        ),
    ),
    check=check,
)
