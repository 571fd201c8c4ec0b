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
# Under --fix, the ACO fixes come first (they may lengthen a line), then imports are sorted,
# then black formats, so that black has the last word.
FIX_ORDER: tuple[str, ...] = ("aco", "imports", "format")
