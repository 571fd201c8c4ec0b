"""`acolyte-gates split MODULE.py`: plan a module's split into cohesive modules; --apply writes it."""

from __future__ import annotations

import os
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from acolyte_gates.config.loader import load_settings
from acolyte_gates.engine import file_limits
from acolyte_gates.errors import UsageError
from acolyte_gates.paths import relative_to_root
from acolyte_gates.refactor.atomic import FileWrite, write_files
from acolyte_gates.refactor.refusal import Refused
from acolyte_gates.refactor.split_plan import plan_split
from acolyte_gates.refactor.split_values import SplitPlan, SplitRequest, line_count

_NAMES_SHOWN = 6


@dataclass(frozen=True)
class SplitCliRequest:
    """Everything `split` was asked for on the command line."""

    path: str
    apply: bool = False
    names: tuple[str, ...] = ()
    config: str | None = None


def parse_renames(names: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """`--name OLD=NEW` options as (old, new) pairs."""
    pairs = []
    for item in names:
        old, equals, new = item.partition("=")
        if not equals or not old.strip() or not new.strip():
            raise UsageError(
                f"--name {item}: write it as PROPOSED=NEW, e.g. --name orders_models=models"
            )
        pairs.append((old.strip(), new.strip().removesuffix(".py")))
    return tuple(pairs)


def _soft_limit(path: str, config: str | None) -> int:
    settings = load_settings(Path(path).parent, Path(config) if config else None)
    relpath = relative_to_root(os.path.abspath(path), settings.root)
    return file_limits(settings, relpath).warn_module_lines


def _cut_lines(plan: SplitPlan) -> Iterator[str]:
    """One line per pair of modules: how many uses cross, and the names used."""
    pairs: dict[tuple[str, str], list[str]] = {}
    for user_module, _, used_module, name in plan.cut:
        pairs.setdefault((user_module, used_module), []).append(name)
    for (user_module, used_module), names in pairs.items():
        unique = list(dict.fromkeys(names))
        shown = ", ".join(unique[:_NAMES_SHOWN]) + (", ..." if len(unique) > _NAMES_SHOWN else "")
        yield f"  {user_module} -> {used_module} ({len(names)}): {shown}\n"


def describe(plan: SplitPlan, limit: int) -> Iterator[str]:
    """The plan as the user reads it: the modules, their definitions and sizes, the cut uses."""
    yield f"split {plan.path} ({plan.lines} lines; soft limit {limit}) into {len(plan.modules)} modules:\n\n"
    for module in plan.modules:
        shared = "  (shared: used by several of the others)" if module.shared else ""
        yield f"  {module.path}  {module.lines} lines{shared}\n"
        yield textwrap.indent(textwrap.fill(", ".join(module.names), 88), "      ") + "\n"
    yield f"  {plan.thin.path}  {plan.thin.lines} lines: re-exports every moved name\n"
    if plan.cut:
        yield f"\ncut edges: {len(plan.cut)} uses now cross modules\n"
        yield from _cut_lines(plan)
    yield "".join(f"\nnote: {note}" for note in plan.notes) + ("\n" if plan.notes else "")


def _write(plan: SplitPlan) -> str:
    mode = os.stat(plan.path).st_mode & 0o7777
    writes = [
        FileWrite(module.path, module.text.encode(plan.encoding), None, mode)
        for module in plan.modules
    ]
    writes.append(FileWrite(plan.path, plan.thin.text.encode(plan.encoding), plan.original))
    return write_files(writes)


def _check_path(path: str) -> None:
    if not path.endswith(".py") or not os.path.isfile(path):
        raise UsageError(
            f"{path}: not a Python file; name the module to split, e.g. shop/orders.py"
        )


def run_split(request: SplitCliRequest) -> int:
    """Print the plan (and write it with --apply); 0 when done or nothing to do, 1 if refused."""
    _check_path(request.path)
    limit = _soft_limit(request.path, request.config)
    lines = line_count(Path(request.path).read_text(encoding="utf-8", errors="replace"))
    if lines <= limit:
        sys.stdout.write(
            f"{request.path} has {lines} lines, within the soft limit of {limit}; nothing to split\n"
        )
        return 0
    try:
        plan = plan_split(SplitRequest(request.path, limit, parse_renames(request.names)))
    except Refused as refusal:
        sys.stderr.write(f"acolyte-gates: {refusal}\n")
        return 1
    sys.stdout.writelines(describe(plan, limit))
    if not request.apply:
        sys.stdout.write(
            "\ndry run: nothing written; run again with --apply to write these files\n"
        )
        return 0
    problem = _write(plan)
    if problem:
        sys.stderr.write(f"acolyte-gates: nothing written: {problem}\n")
        return 1
    sys.stdout.write(f"\nwrote {len(plan.modules)} new modules; {plan.path} now re-exports them\n")
    return 0
