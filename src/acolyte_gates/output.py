"""Where a report goes and how it looks there: stdout or --output-file, colour or not.

Every command writes its report through `write_report`, so a new format or destination
is added here once.
"""

from __future__ import annotations

import os
import sys
from typing import TextIO

from acolyte_gates.errors import UsageError


def wants_color(choice: str, output_file: str | None, stream: TextIO | None = None) -> bool:
    """Colour for `--color auto|always|never`: auto means a terminal, unless NO_COLOR is set.

    As https://no-color.org asks, a non-empty NO_COLOR turns auto colour off, and the
    command line (`always`) still wins over it. A file or a pipe never gets colour on auto.
    """
    if choice == "always":
        return True
    if choice == "never" or output_file is not None or os.environ.get("NO_COLOR"):
        return False
    stream = stream or sys.stdout
    return stream.isatty() and os.environ.get("TERM") != "dumb"


def write_report(text: str, output_file: str | None = None) -> None:
    """Write a report to stdout, or to `output_file` (replacing it) as flake8's --output-file does."""
    if output_file is None:
        sys.stdout.write(text)
        return
    try:
        with open(output_file, "w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as error:
        raise UsageError(
            f"{output_file}: cannot write the report ({error.strerror}); choose another --output-file"
        ) from error
