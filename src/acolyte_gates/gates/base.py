"""What a gate is: a tool, how to build its arguments, and how to read what it did."""

from __future__ import annotations

import enum
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from acolyte_gates.config.settings import Settings
from acolyte_gates.findings import Finding
from acolyte_gates.gates.mypy_config import MypyConfig
from acolyte_gates.gates.process import ToolResult
from acolyte_gates.paths import relative_to_root

if TYPE_CHECKING:
    from acolyte_gates.plugin_spec import OptionValues

INSTALL_HINT = 'pip install "acolyte-gates[gates]"'
# How much of an unreadable tool output a report repeats.
_RAW_LIMIT = 4000
# What CPython prints on stderr when a program dies of an uncaught exception.
_TRACEBACK = "Traceback (most recent call last):"


class GateStatus(str, enum.Enum):
    """How a gate ended: its tool found nothing, found problems, or could not say."""

    PASSED = "passed"
    FAILED = "failed"
    MISSING = "missing"
    TIMEOUT = "timeout"
    ERROR = "error"
    INTERRUPTED = "interrupted"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class GateResult:
    """One gate's outcome; findings carry origin=<gate name> and root-relative '/' paths."""

    name: str
    status: GateStatus
    seconds: float
    findings: tuple[Finding, ...]
    detail: str = ""
    tool: str = ""


@dataclass(frozen=True)
class Verdict:
    """A gate's reading of its tool's result, before the runner adds the name and the time."""

    status: GateStatus
    findings: tuple[Finding, ...] = ()
    detail: str = ""


@dataclass(frozen=True)
class ProjectTools:
    """Which tools the project configures itself (then its settings win over our defaults).

    `bandit` means a [tool.bandit] table in pyproject.toml, which bandit reads only when told
    (black, too, reads pyproject.toml only);
    `ruff_sorts_imports` that the ruff config selects its import-order rules (I);
    `coverage_selects` that coverage.py's config says what to measure (source or include).
    """

    mypy: MypyConfig | None = None
    isort: bool = False
    flake8: bool = False
    bandit: bool = False
    ruff: bool = False
    ruff_sorts_imports: bool = False
    black: bool = False
    coverage_selects: bool = False


@dataclass(frozen=True)
class GateContext:
    """Everything a gate needs: where, on which files, with which settings and extra arguments.

    `files` are the Python files found under `paths` (excludes and .gitignore applied),
    relative to `root`; `scratch` is a private temporary folder for the tools' reports.
    """

    root: str
    files: tuple[str, ...]
    paths: tuple[str, ...]
    settings: Settings
    project: ProjectTools
    scratch: str
    fix: bool = False
    gate: str = ""
    extra_args: tuple[str, ...] = ()

    def options(self, plugin: str) -> OptionValues:
        """A plugin's options: [tool.acolyte-gates.plugins.NAME] over the declared defaults."""
        from acolyte_gates.registry import option_values

        return option_values(plugin, self.settings.plugins)


@dataclass(frozen=True)
class ExitCodes:
    """What a tool's exit codes mean: nothing found, problems found; any other is a crash."""

    clean: tuple[int, ...] = (0,)
    found: tuple[int, ...] = (1,)


@dataclass(frozen=True)
class ToolGate:
    """A gate that runs a tool: its executable, its arguments and how to read what it did.

    `name` is what --only, --skip and the reports call it; `tool` the executable, looked up
    next to our Python, then on PATH; `build` its arguments; `read` its exit code and output
    made a verdict (see `FindingsReader`); `writes_when_fixing` whether it rewrites files
    under --fix (then it runs alone, before the others); `uses_files` whether it checks the
    run's Python files (a gate without files then passes without running); `env` extra
    environment variables; `install_hint` what a user runs when the tool is missing.
    """

    name: str
    tool: str
    build: Callable[[GateContext], list[str]]
    read: Callable[[ToolResult, GateContext], Verdict]
    writes_when_fixing: bool = False
    uses_files: bool = True
    env: Callable[[GateContext], dict[str, str]] | None = None
    install_hint: str = INSTALL_HINT


@dataclass(frozen=True)
class InProcessGate:
    """A gate that runs inside acolyte-gates itself (the ACO checker).

    `fix`, when given, is its own fixing step: under --fix it runs with the other fixers
    (in FIX_ORDER), before the gate's check, and returns the files it changed.
    """

    name: str
    run: Callable[[GateContext], Verdict]
    writes_when_fixing: bool = False
    uses_files: bool = True
    tool: str = "acolyte-gates"
    fix: Callable[[GateContext], tuple[str, ...]] | None = None


Gate = ToolGate | InProcessGate


def raw_output(result: ToolResult) -> str:
    """A tool's output as the user should see it when we cannot read it ourselves."""
    text = "\n".join(part.strip() for part in (result.stdout, result.stderr) if part.strip())
    if len(text) > _RAW_LIMIT:
        text = text[:_RAW_LIMIT] + "\n[... output cut ...]"
    return f"{os.path.basename(result.argv[0])} exited with code {result.returncode}:\n{text}"


def json_documents(stdout: str) -> list[Any]:
    """The JSON documents printed one after another (one per call, when files were batched).

    Raises ValueError (not JSON) or RecursionError (nested too deep to read): callers turn
    either into unreadable output.
    """
    decoder = json.JSONDecoder()
    text, found, index = stdout.strip(), [], 0
    while index < len(text):
        document, index = decoder.raw_decode(text, index)
        found.append(document)
        while index < len(text) and text[index].isspace():
            index += 1
    return found


def crashed(result: ToolResult) -> bool:
    """Whether a Python tool died of an uncaught exception: it failed with a traceback on stderr."""
    return result.returncode != 0 and _TRACEBACK in result.stderr


def judge(result: ToolResult, codes: ExitCodes, findings: tuple[Finding, ...] | None) -> Verdict:
    """The verdict of a tool that ran, from its exit code and the findings read from its output.

    Findings fail the gate whatever the code (mypy exits 2 on a syntax error yet reports it),
    unless the tool crashed (a Python traceback on stderr): then they may be only part of the
    story, and the gate is an error, with the raw output. `None` means the output could not be
    read: an error too, as is an exit code that promises findings when none could be read, and
    any code the tool does not document. Each finding is reported once, however many calls
    (batches of files) repeated it.
    """
    if crashed(result):
        return Verdict(GateStatus.ERROR, tuple(sorted(set(findings or ()))), raw_output(result))
    if findings:
        return Verdict(GateStatus.FAILED, tuple(sorted(set(findings))))
    if result.returncode in codes.clean and findings is not None:
        return Verdict(GateStatus.PASSED)
    if result.returncode in codes.clean or result.returncode in codes.found:
        return Verdict(
            GateStatus.ERROR, (), "could not read the tool's output; " + raw_output(result)
        )
    return Verdict(GateStatus.ERROR, (), raw_output(result))


Parse = Callable[[ToolResult, "GateContext"], "tuple[Finding, ...] | None"]


@dataclass(frozen=True)
class FindingsReader:
    """A gate's `read` made of its exit codes' meaning and a parser of its output.

    `parse` returns the located findings, or None when the output cannot be read; `judge`
    then decides: findings fail the gate, a clean code with nothing found passes, any code
    outside `codes` is a crash of the tool.
    """

    parse: Parse
    codes: ExitCodes = ExitCodes()

    def __call__(self, result: ToolResult, ctx: GateContext) -> Verdict:
        """The verdict on one run of the tool."""
        return judge(result, self.codes, self.parse(result, ctx))


def with_files(ctx: GateContext, options: list[str]) -> list[str]:
    """A tool's arguments: our options, the configured extra ones, then `--` and the files."""
    return [*options, *ctx.extra_args, "--", *ctx.files]


def fixed_verdict(verdict: Verdict, fixed: list[str]) -> Verdict:
    """A fixing run's verdict, naming the files the tool rewrote when it passed."""
    if verdict.status is not GateStatus.PASSED or not fixed:
        return verdict
    return Verdict(GateStatus.PASSED, (), "fixed: " + ", ".join(fixed))


def make_finding(ctx: GateContext, where: tuple[str, int, int], code: str, message: str) -> Finding:
    """A finding from a tool, its path made relative to the run's root with '/' separators.

    A multi-line message (mypy's hints) becomes one line: a report prints one line a finding.
    """
    path, line, col = where
    one_line = " ".join(message.split())
    return Finding(
        root_relative(ctx, path), max(line, 1), max(col, 1), code, one_line, origin=ctx.gate
    )


def root_relative(ctx: GateContext, path: str) -> str:
    """A path a tool printed (relative to its cwd, the root, or absolute) relative to the root."""
    return relative_to_root(os.path.join(ctx.root, path.strip()), ctx.root)
