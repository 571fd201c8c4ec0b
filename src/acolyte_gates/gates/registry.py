"""Every gate, in the order reports list them (and --fix runs the file-writing ones)."""

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

ALL_GATES: tuple[Gate, ...] = (
    black_gate.GATE,
    isort_gate.GATE,
    mypy_gate.GATE,
    aco_gate.GATE,
    flake8_gate.GATE,
    bandit_gate.GATE,
    coverage_gate.GATE,
)
GATES_BY_NAME: dict[str, Gate] = {gate.name: gate for gate in ALL_GATES}
GATE_NAMES: tuple[str, ...] = tuple(GATES_BY_NAME)
# The same gates run by another tool, chosen per gate at plan time (see gates/choice.py).
ALTERNATIVES: tuple[Gate, ...] = (
    ruff_format_gate.GATE,
    ruff_imports_gate.GATE,
    ruff_lint_gate.GATE,
)
# Under --fix, imports are sorted before black formats, so that black has the last word.
FIX_ORDER: tuple[str, ...] = ("imports", "format")
