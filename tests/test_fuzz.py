"""A small budget of benchmarks/fuzz.py: generated programs never crash or split the front ends.

The benchmark runs >= 10,000 programs; the suite runs a few dozen, seeded, so a regression in
how odd input is read (line endings, encodings, NUL bytes, odd syntax) shows up here first.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

pytest.importorskip("hypothesmith")

BENCHMARK = Path(__file__).resolve().parents[1] / "benchmarks" / "fuzz.py"


def load_fuzz() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fuzz", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["fuzz"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("kind", "count", "processes"),
    [("grammar", 15, False), ("mutated", 25, True)],
)
def test_generated_programs_pass_through_every_front_end(
    kind: str, count: int, processes: bool
) -> None:
    outcome = load_fuzz().fuzz(kind, count, seed=13, processes=processes)
    assert outcome.programs >= min(count, 3)
    problems = outcome.crashes + outcome.mismatches + outcome.process_failures + outcome.parity
    assert problems == [] and outcome.internal_errors == []
