"""The deadcode gate: vulture on the run's files, each report line made a located finding.

Vulture reads the project's [tool.vulture] itself (it runs in the project root); when that
table names `paths` (a package and a whitelist, say), vulture checks those instead of the
run's files. `min-confidence` in [tool.acolyte-gates.plugins.vulture] wins over
[tool.vulture] `min_confidence`.
"""

from __future__ import annotations

import re

from acolyte_gates_vulture.project import vulture_paths

from acolyte_gates.api import (
    ExitCodes,
    Finding,
    FindingsReader,
    GateContext,
    ToolGate,
    ToolResult,
    make_finding,
    with_files,
)

PLUGIN_NAME = "vulture"
# 0: nothing dead; 3: dead code found. 1 (a file vulture cannot read) and 2 (bad arguments)
# are errors, reported with vulture's own words.
CODES = ExitCodes(clean=(0,), found=(3,))
_LINE = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+): (?P<message>.+) "
    r"\((?P<confidence>\d+)% confidence(?:, \d+ lines?)?\)$"
)
# vulture's own codes, the ones its `# noqa: V103` comments use.
_KINDS = {
    "unused attribute": "V101",
    "unused class": "V102",
    "unused function": "V103",
    "unused import": "V104",
    "unused method": "V105",
    "unused property": "V106",
    "unused variable": "V107",
}
_UNREACHABLE = "V201"


def build(ctx: GateContext) -> list[str]:
    """`vulture [--min-confidence N] -- FILES`, or the [tool.vulture] paths instead of FILES."""
    options = ctx.options(PLUGIN_NAME)
    arguments = []
    if options.is_set("min-confidence"):
        arguments = ["--min-confidence", str(options.integer("min-confidence"))]
    configured = vulture_paths(ctx.root)
    if configured:
        return [*arguments, *ctx.extra_args, "--", *configured]
    return with_files(ctx, arguments)


def code_for(message: str) -> str:
    """vulture's code for a message: V101-V107 for unused names, V201 for unreachable code."""
    for prefix, code in _KINDS.items():
        if message.startswith(prefix):
            return code
    return _UNREACHABLE


def parse(result: ToolResult, ctx: GateContext) -> tuple[Finding, ...] | None:
    """A finding per line vulture printed, or None when a line is not in vulture's format."""
    found = []
    for line in result.stdout.splitlines():
        if not line.strip():
            continue
        match = _LINE.match(line.strip())
        if match is None:
            return None
        message = f"{match['message']} ({match['confidence']}% confidence)"
        where = (match["path"], int(match["line"]), 1)
        found.append(make_finding(ctx, where, code_for(match["message"]), message))
    return tuple(found)


DEADCODE = ToolGate(
    name="deadcode",
    tool="vulture",
    build=build,
    read=FindingsReader(parse, CODES),
    install_hint="pip install acolyte-gates-vulture",
)
