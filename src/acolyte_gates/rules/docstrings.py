"""Docstring rules: public modules, classes and functions say what they are for (and, higher up, how)."""

from __future__ import annotations

from collections.abc import Iterator

from acolyte_gates.config.levels import LEVEL_BARS
from acolyte_gates.defs import Definition
from acolyte_gates.rules import docstring_sections as ds
from acolyte_gates.rules.base import Context, Hit, Rule, RuleDocs, definition_hit, header_lines
from acolyte_gates.source import SourceFile

_EXEMPT_DECORATORS = ("overload", "override", "setter", "deleter")


def _private_too(ctx: Context) -> bool:
    return LEVEL_BARS[ctx.settings.level].private_docstrings


def _in_scope(definition: Definition, private: bool) -> bool:
    """Public definitions (or private ones too at hyperscale); never those nested in a function."""
    return not definition.in_function and (definition.public or private)


def _is_exempt(definition: Definition) -> bool:
    """Dunders other than `__init__`, overload stubs, overrides, property setters and deleters."""
    name = definition.name
    if name != "__init__" and name.startswith("__") and name.endswith("__") and len(name) > 4:
        return True
    return not ds.decorator_last_names(definition).isdisjoint(_EXEMPT_DECORATORS)


def _functions(source: SourceFile, private: bool) -> tuple[Definition, ...]:
    """The functions and methods that must carry a docstring, computed once per file and level."""
    return source.memo(
        f"docstring-functions:{private}",
        lambda src: tuple(
            d
            for d in src.definitions
            if not d.is_class and _in_scope(d, private) and not _is_exempt(d)
        ),
    )


def _missing(node: ds.DocumentedNode) -> str | None:
    """'has no docstring', 'has an empty docstring', or None when it has a real one."""
    expr = ds.docstring_expr(node)
    if expr is None:
        return "has no docstring"
    return None if ds.has_text(expr) else "has an empty docstring"


def _module_name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def _check_module(source: SourceFile, ctx: Context) -> Iterator[Hit]:
    name = _module_name(source.path)
    public = not name.startswith("_") or name.startswith("__init__.")
    if ctx.is_stub or not (public or _private_too(ctx)):
        return
    reason = _missing(source.tree)
    if reason is not None:
        yield Hit(1, 1, f"module '{name}' {reason}")


def _check_class(source: SourceFile, ctx: Context) -> Iterator[Hit]:
    if ctx.is_stub:
        return
    private = _private_too(ctx)
    for definition in source.definitions:
        if definition.is_class and _in_scope(definition, private):
            reason = _missing(definition.node)
            if reason is not None:
                yield definition_hit(source, definition, f"class '{definition.qualname}' {reason}")


def _check_function(source: SourceFile, ctx: Context) -> Iterator[Hit]:
    if ctx.is_stub:
        return
    for definition in _functions(source, _private_too(ctx)):
        reason = _missing(definition.node)
        if reason is not None and ds.class_docstring(definition) is None:
            yield definition_hit(
                source, definition, f"{definition.kind} '{definition.qualname}' {reason}"
            )


def _check_sections(source: SourceFile, ctx: Context) -> Iterator[Hit]:
    if ctx.is_stub:
        return
    style = ctx.settings.docstring_style
    for definition in _functions(source, _private_too(ctx)):
        expr = ds.documenting(definition)
        if expr is None:
            continue
        present = ds.sections(ds.docstring_text(expr), style)
        silencers = definition.decorator_lines + header_lines(source, definition)
        for section, reason in ds.missing_sections(ds.needs(definition, source.lines), present):
            title = ds.SECTION_NAMES[style][section]
            text = f"docstring of {definition.kind} '{definition.qualname}' has no '{title}' section ({reason})"
            yield Hit(expr.lineno, expr.col_offset + 1, text, silencers)


_LEVELS = """Off at level `mvp`; on from `production`. At `hyperscale` private names (a leading
underscore, or a member of a private class) need docstrings too. Stub files (`.pyi`) and,
through the default `per-file-ignores`, test files (`tests/**`, `test_*.py`, `*_test.py`,
`conftest.py`) are exempt."""
_PUBLIC = """A definition is public when its name has no leading underscore (dunders count as
public), every class around it is public, and it is not nested inside a function. Functions
and classes nested in a function are never checked, at any level: they are details of the
function around them, which its own docstring covers."""

MISSING_MODULE_DOCSTRING = Rule(
    "ACO301",
    "missing-module-docstring",
    "Public module has no docstring.",
    RuleDocs(
        what="Checks that a public module opens with a docstring, reported at line 1. A module is "
        "public unless its file name starts with `_`; a package's `__init__.py` is public. An "
        "empty file (or one with only comments) is reported too, as pydocstyle's D100/D104 do: "
        "a package without a word about what it holds is still undocumented. A docstring "
        "that is only whitespace counts as missing. `__main__.py` is exempt through the "
        "default `per-file-ignores`.",
        why="The module docstring is the first thing a reader, `help()` and the documentation "
        "show; one or two lines saying what the module is for spare every reader a tour of it.",
        example="import json\n\nLIMIT = 3\n",
        use_instead='"""Order limits, loaded once at start-up."""\n\nimport json\n\nLIMIT = 3\n',
        options=_LEVELS + " At `hyperscale` private modules (`_helpers.py`) need one too.",
    ),
    _check_module,
)

MISSING_CLASS_DOCSTRING = Rule(
    "ACO302",
    "missing-class-docstring",
    "Public class has no docstring.",
    RuleDocs(
        what="Checks that every public class has a docstring, reported at the `class` line. "
        "A docstring that is only whitespace counts as missing.\n\n" + _PUBLIC,
        why="A class is a name other code builds on; its docstring says what one instance "
        "stands for, which its attributes alone rarely tell.",
        example="class Order:\n    pass\n",
        use_instead='class Order:\n    """One customer\'s purchase, from basket to delivery."""\n',
        options=_LEVELS,
    ),
    _check_class,
)

MISSING_FUNCTION_DOCSTRING = Rule(
    "ACO303",
    "missing-function-docstring",
    "Public function or method has no docstring.",
    RuleDocs(
        what="Checks that every public function and method, async ones and property getters "
        "included, has a docstring, reported at the `def` line. Exempt: dunder methods other "
        "than `__init__` (the language documents them); `__init__` when its class has a "
        "docstring; `@overload` signatures (`typing.overload` or `overload`; the "
        "implementation carries the docstring); `@override` methods (the overridden one "
        "carries it); property setters and deleters (`@x.setter`, `@x.deleter`: Python "
        "shows the getter's docstring for the property). A method of a private class is "
        "private. A docstring that is only whitespace counts as missing.\n\n" + _PUBLIC,
        why="A docstring says what a function is for and why, which its name and types cannot; "
        "it is what `help()`, editors and generated docs show to every caller.",
        example="def total(prices: list[int]) -> int:\n    return sum(prices)\n",
        use_instead='def total(prices: list[int]) -> int:\n    """The basket\'s total, in cents."""\n'
        "    return sum(prices)\n",
        options=_LEVELS,
    ),
    _check_function,
)

_SECTIONS_EXAMPLE = '''def parse(text: str) -> int:
    """Read a count."""
    if not text:
        raise ValueError("empty")
    return int(text)
'''
_SECTIONS_USE_INSTEAD = '''def parse(text: str) -> int:
    """Read a count.

    Args:
        text: the digits to read.

    Returns:
        The count.

    Raises:
        ValueError: when text is empty.
    """
    if not text:
        raise ValueError("empty")
    return int(text)
'''

DOCSTRING_MISSING_SECTION = Rule(
    "ACO304",
    "docstring-missing-section",
    "Docstring lacks an Args, Returns, Yields or Raises section its function needs.",
    RuleDocs(
        what="Checks the docstrings ACO303 asks for (the same functions, at the same level "
        "of privacy) for the sections their functions need, one finding per missing section, "
        "reported at the docstring's first line: `Args:` when it takes parameters (a "
        "method's self/cls not counted); `Returns:` when its own body has a `return <value>` "
        "other than `return None` (not for property getters, documented as attributes); "
        "`Yields:` instead when it is a generator; `Raises:` when its own body has a "
        "`raise X` statement. A bare `raise` does not count: it passes on an exception the "
        "function caught rather than one it decides to raise. Returns and raises inside "
        "nested functions, classes and lambdas belong to them. The section's content is not "
        "checked. An `__init__` without a docstring of its own is read from its class's. "
        "Functions without a docstring are left to ACO303.",
        why="The summary line says what a function is for; the sections tell a caller what to "
        "pass, what comes back and which errors to expect, without reading the body.",
        example=_SECTIONS_EXAMPLE,
        use_instead=_SECTIONS_USE_INSTEAD,
        options='Off below level `enterprise`. `docstring-style`: `"google"` (default) reads '
        "`Args:`/`Arguments:`/`Parameters:`/`Keyword Args:`, `Returns:`, `Yields:` and "
        '`Raises:` header lines (text may follow the colon); `"numpy"` reads `Parameters`, '
        "`Returns`, `Yields` and `Raises` titles underlined with dashes. " + _LEVELS,
        known_problems="A function that raises only through the functions it calls needs no "
        "`Raises:` section here; one whose `raise` sits in unreachable code still does.",
        example_config=(("level", "enterprise"),),
    ),
    _check_sections,
)

RULES = (
    MISSING_MODULE_DOCSTRING,
    MISSING_CLASS_DOCSTRING,
    MISSING_FUNCTION_DOCSTRING,
    DOCSTRING_MISSING_SECTION,
)
