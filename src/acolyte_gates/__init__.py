"""acolyte-gates: a written Python code standard, enforced as ACO rules, gates and a git hook."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from acolyte_gates.config.settings import Settings
    from acolyte_gates.findings import Finding

__version__ = "0.1.0"
__all__ = ["__version__", "check_paths", "check_source"]


def check_source(
    text: str, path: str = "<string>", settings: Settings | None = None
) -> list[Finding]:
    """Findings for one module's source text, as the checker reports them."""
    from acolyte_gates.config.settings import Settings
    from acolyte_gates.engine import check_file
    from acolyte_gates.paths import relative_to_root
    from acolyte_gates.source import SourceFile

    settings = settings or Settings()
    return check_file(SourceFile(path, text), settings, relative_to_root(path, settings.root))


def check_paths(paths: list[str], settings: Settings | None = None) -> list[Finding]:
    """Findings for files and folders on disk (folders walked, excludes and .gitignore honoured)."""
    from acolyte_gates.checker import CheckOptions, check_files
    from acolyte_gates.config.loader import load_settings
    from acolyte_gates.discovery import discover

    settings = settings or load_settings()
    files = list(discover(paths, settings).files)
    return check_files(files, settings, CheckOptions(use_cache=False))
