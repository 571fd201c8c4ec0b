"""The lint gate: flake8 with the project's config, minus our rules' codes (the aco gate owns them).

Our rules are ACO and every installed plugin's (their flake8 extensions report them too).

Without a flake8 config, black-compatible settings (line length 88, E203 and W503 ignored)
keep the format and lint gates from disagreeing.
"""

from __future__ import annotations

from acolyte_gates.decision import families
from acolyte_gates.findings import Finding
from acolyte_gates.gates.base import (
    ExitCodes,
    GateContext,
    GateStatus,
    ToolGate,
    Verdict,
    judge,
    make_finding,
    with_files,
)
from acolyte_gates.gates.process import ToolResult
from acolyte_gates.registry import current

# One finding per line, tab-separated, so that no message text can be mistaken for a field.
_FORMAT = "%(path)s\t%(row)d\t%(col)d\t%(code)s\t%(text)s"
_FIELDS = 5
# 0: nothing found; 1: findings (flake8 also exits 1 when it crashes: then nothing parses).
_CODES = ExitCodes(clean=(0,), found=(1,))


def build(ctx: GateContext) -> list[str]:
    """`flake8 --format=... -- FILES`, black-compatible without a config.

    ACO findings are dropped when the output is read, not with `--extend-ignore` on the
    command line: that option would replace the project's own extend-ignore list.
    (flake8 runs an installed plugin whatever it ignores, so filtering costs nothing more.)
    """
    options = [] if ctx.project.flake8 else ["--max-line-length=88", "--extend-ignore=E203,W503"]
    return with_files(ctx, [f"--format={_FORMAT}", *options])


def parse(stdout: str, ctx: GateContext) -> tuple[Finding, ...] | None:
    """Every finding flake8 printed, or None when a line is not in our format."""
    ours = tuple(sorted(set(families(current().codes))))
    found = []
    for line in stdout.splitlines():
        fields = line.split("\t", _FIELDS - 1)
        if len(fields) != _FIELDS or not (fields[1].isdigit() and fields[2].isdigit()):
            return None
        path, row, col, code, text = fields
        if not code.startswith(ours):
            found.append(make_finding(ctx, (path, int(row), int(col)), code, text))
    return tuple(found)


def read(result: ToolResult, ctx: GateContext) -> Verdict:
    """flake8's findings; a run that found only our rules' codes (the aco gate's) passes."""
    findings = parse(result.stdout, ctx)
    if findings == () and result.returncode in _CODES.found and result.stdout.strip():
        return Verdict(GateStatus.PASSED)
    return judge(result, _CODES, findings)


GATE = ToolGate("lint", "flake8", build, read)
