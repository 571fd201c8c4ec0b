"""Our own gates, in the order reports list them; `acolyte_gates.registry` adds the plugins'."""

from __future__ import annotations

from acolyte_gates.gates import (
    aco_gate,
    bandit_gate,
    black_gate,
    coverage_gate,
    flake8_gate,
    isort_gate,
    mypy_gate,
    ruff_format_gate,
    ruff_imports_gate,
    ruff_lint_gate,
)
from acolyte_gates.gates.base import Gate

BUILTIN_GATES: tuple[Gate, ...] = (
    black_gate.GATE,
    isort_gate.GATE,
    mypy_gate.GATE,
    aco_gate.GATE,
    flake8_gate.GATE,
    bandit_gate.GATE,
    coverage_gate.GATE,
)
# The same gates run by another tool, chosen per gate at plan time (see gates/choice.py).
ALTERNATIVES: tuple[Gate, ...] = (
    ruff_format_gate.GATE,
    ruff_imports_gate.GATE,
    ruff_lint_gate.GATE,
)
# Under --fix, the ACO fixes come first (they may lengthen a line), then imports are sorted,
# then the formatter runs, so that it has the last word.
FIX_ORDER: tuple[str, ...] = ("aco", "imports", "format")
