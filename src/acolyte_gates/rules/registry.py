"""The one list of every ACO rule; codes and names are public API."""

from __future__ import annotations

from acolyte_gates.rules import annotations as annotation_rules
from acolyte_gates.rules import (
    comments,
    complexity,
    docstrings,
    duplication,
    exceptions,
    length,
    parameters,
    parse_error,
)
from acolyte_gates.rules.base import Rule

ALL_RULES: tuple[Rule, ...] = (
    *parse_error.RULES,
    *length.RULES,
    *parameters.RULES,
    *complexity.RULES,
    *annotation_rules.RULES,
    *docstrings.RULES,
    *comments.RULES,
    *exceptions.RULES,
    *duplication.RULES,
)

RULES_BY_CODE: dict[str, Rule] = {rule.code: rule for rule in ALL_RULES}


def known_codes() -> frozenset[str]:
    """Every code a setting may name (select, ignore, per-file ignores): the one source of them."""
    return frozenset(RULES_BY_CODE)
