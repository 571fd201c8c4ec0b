"""`hook run --fix` writing fixes back: per file, atomically, and only over what it started from.

Before the gates run, the exported index version of each staged file is fingerprinted and its
index entry noted. Afterwards a fixed file replaces the work-tree file only while that file is
still byte-identical to the exported version (an edit saved meanwhile is kept, and nothing is
staged for it), and the index gets the blob of exactly the bytes that were checked, never what
the work tree holds by then. A journal in the git folder names the files being written, so
that a run killed halfway has its temporary files removed by the next run.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from acolyte_gates.atomic import digest, replace_if_unchanged, strays
from acolyte_gates.hooks.git import git_out, split_z
from acolyte_gates.hooks.staged import Snapshot

JOURNAL = "acolyte-gates-writeback"
_SYMLINK_MODE = "120000"


@dataclass(frozen=True)
class Before:
    """Each staged file as the hook found it: its exported bytes' fingerprint, its index entry."""

    digests: Mapping[str, bytes]
    entries: Mapping[str, str]


@dataclass(frozen=True)
class WriteBack:
    """Files fixed and re-staged, and fixed files left alone because they changed meanwhile."""

    fixed: tuple[str, ...] = ()
    left: tuple[str, ...] = field(default=())


def index_entries(top: str, paths: Sequence[str]) -> dict[str, str]:
    """`mode sha` of each path's stage-0 index entry (paths in conflict have none)."""
    if not paths:
        return {}
    args = ["--literal-pathspecs", "ls-files", "--stage", "-z", "--", *paths]
    entries = {}
    for record in split_z(git_out(args, top)):
        info, _, path = record.partition("\t")
        mode, sha, stage = info.split()
        if stage == "0":
            entries[path] = f"{mode} {sha}"
    return entries


def record(top: str, snapshot: Snapshot) -> Before:
    """Fingerprint the staged files as exported, before any gate rewrites them."""
    digests = {path: digest(Path(snapshot.root, path).read_bytes()) for path in snapshot.staged}
    return Before(digests, index_entries(top, snapshot.staged))


def _journal(top: str) -> Path:
    """The journal's path, in the git folder (per worktree), never in the work tree."""
    relative = os.fsdecode(git_out(["rev-parse", "--git-path", JOURNAL], top)).strip()
    return Path(top, relative)


def clean_strays(top: str) -> list[str]:
    """Remove temporary files a killed write-back left; the paths whose leftovers went."""
    journal = _journal(top)
    try:
        listed = split_z(journal.read_bytes())
    except OSError:
        return []
    cleaned = []
    for path in listed:
        for stray in strays(Path(top, path)):
            stray.unlink()
            cleaned.append(path)
    journal.unlink()
    return sorted(set(cleaned))


def _blob(top: str, path: str, data: bytes) -> str:
    """Store `data` as the blob git would make of it at `path` (clean filters applied)."""
    args = ["hash-object", "-w", "--stdin", f"--path={path}"]
    return os.fsdecode(git_out(args, top, stdin=data)).strip()


def _changed(snapshot: Snapshot, before: Before) -> dict[str, bytes]:
    """The fixed bytes of every staged regular file a gate rewrote."""
    changed = {}
    for path in snapshot.staged:
        mode = before.entries.get(path, "").split(" ")[0]
        fixed = Path(snapshot.root, path).read_bytes()
        if mode and mode != _SYMLINK_MODE and digest(fixed) != before.digests[path]:
            changed[path] = fixed
    return changed


def _restage(top: str, blobs: Mapping[str, str], before: Before) -> None:
    """Point the index at the checked blobs (the index's mode kept)."""
    lines = [f"{before.entries[path].split(' ')[0]} {blob}\t{path}" for path, blob in blobs.items()]
    if lines:
        listing = b"".join(os.fsencode(line) + b"\0" for line in lines)
        git_out(["update-index", "-z", "--index-info"], top, stdin=listing)


def _replace_all(top: str, changed: Mapping[str, bytes], before: Before) -> list[str]:
    """Write each fixed file over its untouched work-tree file; the paths written."""
    journal = _journal(top)
    journal.write_bytes(b"".join(os.fsencode(path) + b"\0" for path in changed))
    try:
        return [
            path
            for path, data in changed.items()
            if replace_if_unchanged(Path(top, path), data, before.digests[path])
        ]
    finally:
        journal.unlink()


def write_back(top: str, snapshot: Snapshot, before: Before) -> WriteBack:
    """Copy fixed files into the work tree where untouched since the start, and stage them.

    A file whose work-tree bytes or index entry changed while the gates ran is left as it is.
    """
    changed = _changed(snapshot, before)
    if not changed:
        return WriteBack()
    now = index_entries(top, list(changed))
    untouched = {
        path: data for path, data in changed.items() if now.get(path) == before.entries[path]
    }
    blobs = {path: _blob(top, path, data) for path, data in untouched.items()}
    written = _replace_all(top, untouched, before)
    _restage(top, {path: blobs[path] for path in written}, before)
    left = tuple(path for path in changed if path not in written)
    return WriteBack(tuple(written), left)
