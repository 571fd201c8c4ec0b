"""Gate names the hook accepts, and the comma-separated `--gates` list parsed against them."""

from __future__ import annotations

from acolyte_gates.config.convert import closest
from acolyte_gates.errors import UsageError


def parse_gates(text: str, option: str = "--gates") -> tuple[str, ...]:
    """`format,aco` as a tuple of known gate names, in the order given, each once."""
    names = [name.strip() for name in text.split(",") if name.strip()]
    if not names:
        raise UsageError(f"{option} needs at least one gate name")
    return check_gates(tuple(dict.fromkeys(names)), option)


def check_gates(names: tuple[str, ...], where: str) -> tuple[str, ...]:
    """The names unchanged when every one is a gate (ours or a plugin's); else a UsageError."""
    from acolyte_gates.registry import current

    gate_names = tuple(current().gates_by_name)
    for name in names:
        if name not in gate_names:
            hint = closest(name, gate_names)
            raise UsageError(f"{where}: no gate '{name}'{hint} (gates: {', '.join(gate_names)})")
    return names
