"""Test helpers: run the engine on a snippet and get plain `line:col: CODE message` strings."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import textwrap
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

from acolyte_gates import check_source
from acolyte_gates.cli import main
from acolyte_gates.config.schema import apply_table
from acolyte_gates.config.settings import Settings


def settings(**config: Any) -> Settings:
    """Settings from [tool.acolyte-gates] keys, written with underscores: max_nesting=2."""
    table = {key.replace("_", "-"): value for key, value in config.items()}
    return apply_table(Settings(), table, "<test>")


def results(src: str, path: str = "snippet.py", **config: Any) -> list[str]:
    """Findings for a dedented snippet as `line:col: CODE message` strings."""
    found = check_source(textwrap.dedent(src), path=path, settings=settings(**config))
    return [f"{f.line}:{f.col}: {f.code} {f.message}" for f in found]


def codes(src: str, path: str = "snippet.py", **config: Any) -> list[str]:
    """Just the `line:col: CODE` of each finding, for tests about where and what, not wording."""
    return [
        item.split(" ", 2)[0] + " " + item.split(" ", 2)[1] for item in results(src, path, **config)
    ]


class Scoped:
    """`results` and `codes` limited to one rule family, so other families stay out of view."""

    def __init__(self, *prefixes: str) -> None:
        self.select = list(prefixes)

    def results(self, src: str, path: str = "snippet.py", **config: Any) -> list[str]:
        """Findings of this family only, as `line:col: CODE message` strings."""
        return results(src, path, **{"select": self.select, **config})

    def codes(self, src: str, path: str = "snippet.py", **config: Any) -> list[str]:
        """Just `line:col: CODE` of this family's findings."""
        return codes(src, path, **{"select": self.select, **config})


def run_cli(cwd: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    """`acolyte-gates ARGS` run in `cwd` in this process (fast; coverage sees it): code, out, err."""
    out, err = io.StringIO(), io.StringIO()
    previous, previous_stdin = os.getcwd(), sys.stdin
    os.chdir(cwd)
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin))
    try:
        with redirect_stdout(out), redirect_stderr(err):
            code = main(list(args))
    finally:
        os.chdir(previous)
        sys.stdin = previous_stdin
    return subprocess.CompletedProcess(list(args), code, out.getvalue(), err.getvalue())
