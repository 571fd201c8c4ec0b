"""Rule codes named in settings: each must be a real rule's code or a prefix of one."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable

from acolyte_gates.errors import ConfigError


def _known() -> frozenset[str]:
    """The registry's codes, plugins' included; loaded only when a setting names codes."""
    from acolyte_gates.registry import known_codes

    return frozenset(known_codes())


_CONFUSABLE = str.maketrans("OoIil", "00111")  # letters typed for digits: ACO1O3, AC0501


def distance(first: str, second: str) -> int:
    """Levenshtein distance: the fewest insertions, deletions and substitutions between two words."""
    previous = list(range(len(second) + 1))
    for i, char in enumerate(first, 1):
        current = [i]
        for j, other in enumerate(second, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other))
            )
        previous = current
    return previous[-1]


def closest(code: str, known: Iterable[str]) -> str | None:
    """The one code or code prefix nearest to a mistyped one, or None when none is near.

    Closeness forgives letters typed for look-alike digits (O for 0, I or l for 1) first.
    """
    candidates = {real[:size] for real in known for size in range(4, len(real) + 1)}
    typed = code.translate(_CONFUSABLE)
    scored = sorted(
        (distance(typed, real.translate(_CONFUSABLE)), distance(code, real), real)
        for real in candidates
    )
    best = scored[0] if scored else None
    unique = len(scored) < 2 or scored[1][:2] != scored[0][:2]
    return best[2] if best is not None and unique and best[0] <= max(1, len(code) // 3) else None


def _letters(code: str) -> str:
    """A code's letter prefix, which names the plugin that brings it: ACO, ACL..."""
    return code[: len(code) - len(code.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))]


def check_codes(codes: Iterable[str], where: str) -> None:
    """Refuse a code or prefix that names no rule, e.g. `unknown rule 'ACO1O3' in select (...)`.

    A code whose letters no installed rule has (`XYZ1`) may belong to a plugin this machine
    does not have: as flake8 and pytest leave an absent plugin's options, it is a warning on
    stderr, unless it is close to a real code (then it is a typo).
    """
    codes = tuple(codes)
    known = _known() if codes else frozenset()
    families = {_letters(real) for real in known}
    for code in codes:
        if any(real.startswith(code) for real in known):
            continue
        near = closest(code, known)
        if near is None and _letters(code) not in families:
            sys.stderr.write(
                f"acolyte-gates: warning: no installed rule has the code {code!r} ({where});"
                " is the plugin that brings it installed?\n"
            )
            continue
        hint = f"; did you mean {near}?" if near else "; `acolyte-gates rules` lists them"
        raise ConfigError(f"unknown rule {code!r} in {where}{hint}")


def shown_path(path: str) -> str:
    """A config file's path as the user will recognise it: relative when under the current folder."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return path
    return path if relative.startswith(os.pardir) else relative
