"""Configuration: the standard's defaults, [tool.acolyte-gates] in pyproject.toml, and overrides."""

from acolyte_gates.config.levels import LEVEL_BARS, Level, LevelBars
from acolyte_gates.config.loader import find_config, load_settings
from acolyte_gates.config.settings import (
    Count,
    HookSettings,
    Limits,
    Override,
    RunSettings,
    Settings,
)

__all__ = [
    "LEVEL_BARS",
    "Count",
    "HookSettings",
    "Level",
    "LevelBars",
    "Limits",
    "Override",
    "RunSettings",
    "Settings",
    "find_config",
    "load_settings",
]
