"""One error family for user-facing failures; the CLI maps them to exit code 2.

Every exception class here and elsewhere in the package takes one message argument, so that
it pickles: an error raised in a worker process must cross back to the parent (a process
pool, flake8 -j) intact.
"""

from __future__ import annotations


class AcolyteError(Exception):
    """A problem the user can fix: bad configuration, bad arguments, a missing file."""


class ConfigError(AcolyteError):
    """The configuration has an unknown key, a wrong type or a bad value."""


class UsageError(AcolyteError):
    """The command line asks for something that cannot be done."""
