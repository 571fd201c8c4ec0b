"""Small plugins written by the tests: a rules plugin (XYZ), a gate plugin, and broken ones."""

from __future__ import annotations

from plugin_dists import Dist

RULES_MODULE = '''
"""Rules XYZ101 (a banned name, error) and XYZ102 (`global`, warning)."""
import ast
from collections.abc import Iterator

from acolyte_gates.api import (
    Context, Hit, Plugin, PluginOption, Rule, RuleDocs, Severity, SourceFile, flake8_extension,
)


def banned(source: SourceFile, ctx: Context) -> Iterator[Hit]:
    word = ctx.options("xyz").text("word")
    for node in ast.walk(source.tree):
        if isinstance(node, ast.Name) and node.id == word:
            yield Hit(node.lineno, node.col_offset + 1, f"the name {word} is banned")


def globals_used(source: SourceFile, ctx: Context) -> Iterator[Hit]:
    for node in ast.walk(source.tree):
        if isinstance(node, ast.Global):
            yield Hit(node.lineno, node.col_offset + 1, "a global statement")


DOCS = RuleDocs("Reports a name.", "Names matter.", "foo = 1\\n", "bar = 1\\n")
PLUGIN = Plugin(
    "xyz",
    rules=(
        Rule("XYZ101", "banned-name", "A banned name is used.", DOCS, banned),
        Rule("XYZ102", "global-used", "A global statement.", DOCS, globals_used, Severity.WARNING),
    ),
    options=(PluginOption("word", "foo", "The banned name."),),
)
Extension = flake8_extension("xyz")
'''

RULES = Dist(
    "xyz-rules",
    {
        "acolyte_gates.rules": {"xyz": "xyz_rules:PLUGIN"},
        "flake8.extension": {"XYZ": "xyz_rules:Extension"},
    },
    {"xyz_rules": RULES_MODULE},
)

# A gate whose tool is Python itself: it prints `FILE:1: looked at` per file and exits 4.
GATE_MODULE = '''
"""The `looker` gate."""
from acolyte_gates.api import ExitCodes, FindingsReader, ToolGate, make_finding, with_files

SCRIPT = (
    "import sys; files = sys.argv[sys.argv.index('--') + 1:];"
    " [print(f'{name}:1: looked at') for name in files]; sys.exit(4 if files else 0)"
)


def build(ctx):
    return ["-c", SCRIPT, *with_files(ctx, [])]


def parse(result, ctx):
    found = []
    for line in result.stdout.splitlines():
        path, number, message = line.split(":", 2)
        found.append(make_finding(ctx, (path, int(number), 1), "LOOK1", message.strip()))
    return tuple(found)


GATE = ToolGate("looker", "python", build, FindingsReader(parse, ExitCodes((0,), (4,))))
'''

GATE = Dist(
    "looker-gate",
    {"acolyte_gates.gates": {"looker": "looker_gate:GATE"}},
    {"looker_gate": GATE_MODULE},
)

BROKEN = Dist(
    "broken-plugin",
    {"acolyte_gates.rules": {"broken": "broken_plugin:PLUGIN"}},
    {"broken_plugin": 'raise RuntimeError("this plugin is broken on purpose")\n'},
)

CLASH_MODULE = """
from acolyte_gates.api import Hit, Rule, RuleDocs

RULE = Rule("ACO101", "my-module-length", "Mine.", RuleDocs("w", "y", "e"), lambda s, c: [])
"""

CLASH = Dist(
    "clashing-plugin",
    {"acolyte_gates.rules": {"clash": "clashing_plugin:RULE"}},
    {"clashing_plugin": CLASH_MODULE},
)
