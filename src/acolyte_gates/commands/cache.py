"""`acolyte-gates cache clean`: delete the cache's own files from a project's cache folder."""

from __future__ import annotations

import sys
from pathlib import Path

from acolyte_gates.cachedir import CacheFolderError, clean
from acolyte_gates.config.loader import load_settings


def clean_cache(path: str) -> int:
    """Clean the cache of the project holding `path`; say what was removed and what was left."""
    settings = load_settings(Path(path))
    try:
        done = clean(settings.root)
    except OSError as error:
        raise CacheFolderError(
            f"cannot clean the cache: {error.strerror}: {error.filename}"
        ) from error
    sys.stdout.write(f"removed {done.removed} cache file(s) from {done.folder}\n")
    if done.left:
        sys.stdout.write(
            f"left the folder and {len(done.left)} file(s) acolyte-gates did not write:"
            f" {', '.join(done.left)}\n"
        )
    return 0
