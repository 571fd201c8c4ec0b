"""Split a tool's file arguments into calls that fit the operating system's argument limit.

A command line (arguments and environment together) has a limit: ARG_MAX, 2 MiB on Linux by
default, 32,767 characters on Windows; some 15,000 long paths exceed it. The files after a
tool's last `--` are shared out over as many calls as needed, each with the same options; a
list that fits is one call, as before.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping

# What a command line may hold where the system cannot say (Windows' limit, less a margin).
_FALLBACK_LIMIT = 30_000
# Each argument and variable costs its bytes, its NUL and a pointer in the new process.
_POINTER = 8


def _cost(text: str) -> int:
    """What one argument or variable takes out of the limit."""
    return len(os.fsencode(text)) + 1 + _POINTER


def argument_budget(env: Mapping[str, str] | None = None) -> int:
    """Bytes the arguments of one call may take: half of what the environment leaves.

    Half, because the kernel counts more than the strings (alignment, the program's name)
    and another process's environment may be larger than ours by the time it starts.
    """
    try:
        limit = os.sysconf("SC_ARG_MAX")
    except (AttributeError, ValueError, OSError):
        limit = _FALLBACK_LIMIT
    if limit <= 0:
        limit = _FALLBACK_LIMIT
    variables = os.environ if env is None else env
    used = sum(_cost(f"{key}={value}") for key, value in variables.items())
    return max((limit - used) // 2, 4096)


def _groups(files: Iterable[str], room: int) -> list[list[str]]:
    """The files in order, in groups whose argument cost stays within `room` (at least one each)."""
    groups: list[list[str]] = [[]]
    size = 0
    for path in files:
        cost = _cost(path)
        if groups[-1] and size + cost > room:
            groups.append([])
            size = 0
        groups[-1].append(path)
        size += cost
    return groups


def batches(argv: tuple[str, ...], budget: int) -> list[tuple[str, ...]]:
    """`argv` as one call or several: the options up to the last `--`, then a share of the files."""
    if "--" not in argv:
        return [argv]
    cut = len(argv) - argv[::-1].index("--")
    head, files = argv[:cut], argv[cut:]
    if not files:
        return [argv]
    room = budget - sum(_cost(part) for part in head)
    return [(*head, *group) for group in _groups(files, room)]
