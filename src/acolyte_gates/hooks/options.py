"""Gate names the hook accepts, and the comma-separated `--gates` list parsed against them."""

from __future__ import annotations

from acolyte_gates.config.convert import closest
from acolyte_gates.errors import UsageError

GATE_NAMES: tuple[str, ...] = ("format", "imports", "types", "aco", "lint", "security", "coverage")


def parse_gates(text: str, option: str = "--gates") -> tuple[str, ...]:
    """`format,aco` as a tuple of known gate names, in the order given, each once."""
    names = [name.strip() for name in text.split(",") if name.strip()]
    if not names:
        raise UsageError(f"{option} needs at least one gate name")
    return check_gates(tuple(dict.fromkeys(names)), option)


def check_gates(names: tuple[str, ...], where: str) -> tuple[str, ...]:
    """The names unchanged when every one is a gate; a UsageError naming the first stranger."""
    for name in names:
        if name not in GATE_NAMES:
            hint = closest(name, GATE_NAMES)
            raise UsageError(f"{where}: no gate '{name}'{hint} (gates: {', '.join(GATE_NAMES)})")
    return names
