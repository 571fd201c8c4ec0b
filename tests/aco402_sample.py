"""The hand-labelled comment runs of outside projects (tests/data/aco402_sample): load and score.

Each case is one run of comment-only lines from a named file of a named commit, and a person's
label: does the run hold commented-out code. `heldout.jsonl` holds projects nobody tuned ACO402
on; `dev.jsonl` the projects its heuristics were tuned on. The README beside the data says how
the runs were drawn and labelled. Used by tests/rules/test_aco402_sample.py and by
benchmarks/score_aco402.py (which adds the peers).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from acolyte_gates.rules.commented_code import commented_out_code
from acolyte_gates.source import SourceFile

SAMPLE = Path(__file__).parent / "data" / "aco402_sample"
SETS = ("heldout", "dev")
"""The held-out set first: its figures are the ones the rule's docs quote."""


@dataclass(frozen=True)
class Case:
    """One labelled comment run."""

    repo: str
    commit: str
    path: str
    line: int
    in_brackets: bool
    closes_after: bool
    code: bool
    text: str

    def snippet(self) -> str:
        """The run as a file of its own; a run that sat inside brackets is put back in some,
        with the closing bracket right after it when the code after it started with one."""
        if self.in_brackets:
            return f"_ = [\n{self.text}\n{']' if self.closes_after else '0]'}\n"
        return self.text + "\n"


@dataclass(frozen=True)
class Score:
    """How a tool's flags compare with the labels."""

    true_pos: int
    false_pos: int
    false_neg: int

    @property
    def precision(self) -> float:
        """Share of flagged runs that are code (1.0 when nothing is flagged)."""
        flagged = self.true_pos + self.false_pos
        return self.true_pos / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        """Share of code runs that are flagged (1.0 when no run is code)."""
        code = self.true_pos + self.false_neg
        return self.true_pos / code if code else 1.0


def load(name: str) -> list[Case]:
    """The cases of one set (`heldout` or `dev`), in file order."""
    cases = []
    with open(SAMPLE / f"{name}.jsonl", encoding="utf-8") as lines:
        for line in lines:
            item = json.loads(line)
            cases.append(
                Case(
                    item["repo"],
                    item["commit"],
                    item["path"],
                    item["line"],
                    item["in_brackets"],
                    item["closes_after"],
                    item["code"],
                    item["text"],
                )
            )
    return cases


def score(cases: Sequence[Case], flagged: Sequence[bool]) -> Score:
    """True positives, false positives and false negatives of flags against the labels."""
    pairs = list(zip([case.code for case in cases], flagged, strict=True))
    return Score(
        sum(code and flag for code, flag in pairs),
        sum(flag and not code for code, flag in pairs),
        sum(code and not flag for code, flag in pairs),
    )


def aco402_flags(cases: Sequence[Case]) -> list[bool]:
    """Whether ACO402 reports anything in each case's run."""
    return [
        bool(commented_out_code(SourceFile(f"case{number}.py", case.snippet())))
        for number, case in enumerate(cases)
    ]
