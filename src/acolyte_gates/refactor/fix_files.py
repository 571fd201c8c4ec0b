"""`fix` on files: read the bytes, fix the text, write back atomically if the file is unchanged."""

from __future__ import annotations

import io
import os
import tokenize
from collections.abc import Sequence
from dataclasses import dataclass

from acolyte_gates.config.settings import Settings
from acolyte_gates.paths import relative_to_root
from acolyte_gates.refactor.atomic import FileWrite, read_for_rewrite, write_files
from acolyte_gates.refactor.fixes import FixRequest, FixResult, fix_text
from acolyte_gates.refactor.refusal import Refused
from acolyte_gates.refactor.returns import black_line_length


@dataclass(frozen=True)
class FileFix:
    """One file's fixes: what was read, what it becomes, and the fixes and notes."""

    path: str
    original: bytes
    data: bytes
    result: FixResult

    @property
    def changed(self) -> bool:
        """Whether fixing changes the file."""
        return self.data != self.original


def decode_exactly(data: bytes, path: str) -> tuple[str, str]:
    """The text and its encoding (PEP 263 cookie, BOM), when encoding it again gives the same bytes."""
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        text = data.decode(encoding)
    except (SyntaxError, LookupError, UnicodeDecodeError) as error:
        raise Refused(f"{path}: cannot decode the file ({error}); nothing was changed") from error
    if text.encode(encoding) != data:
        raise Refused(
            f"{path}: its bytes do not survive decoding as {encoding}; nothing was changed"
        )
    return text, encoding


def fix_file(path: str, settings: Settings, line_length: int) -> FileFix:
    """The fixes of the file at `path` (nothing written); raises Refused when it cannot be fixed."""
    original = read_for_rewrite(path)
    text, encoding = decode_exactly(original, path)
    relpath = relative_to_root(os.path.abspath(path), settings.root)
    result = fix_text(text, FixRequest(path, relpath, settings, line_length))
    data = result.text.encode(encoding) if result.fixed else original
    return FileFix(path, original, data, result)


def write_fix(fix: FileFix) -> str:
    """Write a fixed file in place, only if it still holds what was read; '' or why not."""
    if not fix.changed:
        return ""
    return write_files([FileWrite(fix.path, fix.data, fix.original)])


def fix_files_in_place(paths: Sequence[str], settings: Settings) -> list[str]:
    """Fix each file and write it back (only if unchanged meanwhile); the paths changed.

    Files that cannot be fixed are skipped: the check that follows reports what is wrong.
    """
    line_length = black_line_length(settings.root)
    changed = []
    for path in paths:
        try:
            fix = fix_file(path, settings, line_length)
        except Refused:
            continue
        if fix.changed and not write_fix(fix):
            changed.append(path)
    return changed
