"""One error family for user-facing failures; the CLI maps them to exit code 2."""

from __future__ import annotations


class AcolyteError(Exception):
    """A problem the user can fix: bad configuration, bad arguments, a missing file."""


class ConfigError(AcolyteError):
    """The configuration has an unknown key, a wrong type or a bad value."""


class UsageError(AcolyteError):
    """The command line asks for something that cannot be done."""


class RuleCrashed(Exception):
    """A rule raised on a file: a bug of ours, reported with the rule and the file named."""

    def __init__(self, code: str, path: str, error: BaseException) -> None:
        super().__init__(f"rule {code} crashed on {path}: {type(error).__name__}: {error}")
