"""The literal list of acolyte-gates' own rules; `acolyte_gates.registry` adds the plugins'."""

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

BUILTIN_RULES: tuple[Rule, ...] = (
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
