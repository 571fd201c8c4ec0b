"""What a plugin declares: its name, its rules and gates, and the options it reads.

A plugin's options live in `[tool.acolyte-gates.plugins.NAME]` and are checked like ours:
an unknown key or a value of the wrong type is a one-line configuration error.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

from acolyte_gates.config import convert as cv
from acolyte_gates.errors import ConfigError
from acolyte_gates.gates.base import Gate
from acolyte_gates.rules.base import Rule

OptionValue = int | float | bool | str | tuple[str, ...]


@dataclass(frozen=True)
class PluginOption:
    """One key of `[tool.acolyte-gates.plugins.NAME]`; its type is its default's type.

    `minimum` bounds integers; `choices` limits a string to a fixed set of words.
    """

    key: str
    default: OptionValue
    help: str
    minimum: float | None = None
    choices: tuple[str, ...] = ()

    def convert(self, value: object, where: str) -> OptionValue:
        """A TOML value checked against this option; a ConfigError names the key and the type."""
        return cast(OptionValue, _converter(self)(value, f"{where} {self.key}"))


def _converter(option: PluginOption) -> Callable[[object, str], object]:
    """The converter of our own schema that matches an option's type."""
    default = option.default
    if isinstance(default, bool):
        return cv.to_bool
    if isinstance(default, int):
        return cv.to_int(-(2**63) if option.minimum is None else int(option.minimum))
    if isinstance(default, float):
        return cv.to_number
    if isinstance(default, str):
        return cv.to_choice(option.choices) if option.choices else cv.to_str
    return cv.to_str_list


@dataclass(frozen=True)
class OptionValues:
    """A plugin's options for one run: the configured values over the declared defaults."""

    values: tuple[tuple[str, OptionValue], ...] = ()
    given: tuple[str, ...] = ()

    def get(self, key: str) -> OptionValue:
        """The value of a declared key; KeyError for a key the plugin never declared."""
        for name, value in self.values:
            if name == key:
                return value
        raise KeyError(f"no plugin option {key!r} was declared")

    def is_set(self, key: str) -> bool:
        """Whether the project's configuration gives this key (rather than the default)."""
        return key in self.given

    def integer(self, key: str) -> int:
        """An integer option's value."""
        value = self.get(key)
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"plugin option {key!r} is not an integer")
        return value

    def text(self, key: str) -> str:
        """A string option's value."""
        return str(self.get(key))

    def texts(self, key: str) -> tuple[str, ...]:
        """A list-of-strings option's value."""
        value = self.get(key)
        return value if isinstance(value, tuple) else (str(value),)


@dataclass(frozen=True)
class Plugin:
    """A plugin's declaration: the object its entry point names.

    `name` is the NAME of `[tool.acolyte-gates.plugins.NAME]`; rules and gates register
    under the entry point groups `acolyte_gates.rules` and `acolyte_gates.gates`.
    """

    name: str
    rules: tuple[Rule, ...] = ()
    gates: tuple[Gate, ...] = ()
    options: tuple[PluginOption, ...] = ()

    def option_values(self, given: tuple[tuple[str, object], ...]) -> OptionValues:
        """The options for a run: each given value (already checked) over its default."""
        configured = dict(given)
        values = tuple(
            (option.key, configured.get(option.key, option.default)) for option in self.options
        )
        return OptionValues(values, tuple(configured))  # type: ignore[arg-type]

    def check_table(self, table: object, where: str) -> tuple[tuple[str, object], ...]:
        """A `[tool.acolyte-gates.plugins.NAME]` table checked against the declared options."""
        if not isinstance(table, dict):
            raise ConfigError(f"{where} must be a table")
        declared = {option.key: option for option in self.options}
        cv.unknown_keys(table, declared, where)
        return tuple(sorted((key, declared[key].convert(v, where)) for key, v in table.items()))
