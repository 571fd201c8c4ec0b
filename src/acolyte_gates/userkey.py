"""The per-user key that signs cache files, kept outside every project.

A cache folder can arrive with a clone, an archive or a shared disk; only a file signed with
this user's key, which never leaves their cache directory ($XDG_CACHE_HOME/acolyte-gates, else
~/.cache/acolyte-gates), is trusted. The key is 32 random bytes in a file of mode 0600, in a
folder of mode 0700, created once; a key file that is a symlink, too short, not the user's own
or readable by others is not used (and then nothing is cached).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import stat
from functools import lru_cache
from pathlib import Path

KEY_BYTES = 32
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def key_folder() -> Path:
    """$XDG_CACHE_HOME/acolyte-gates (when absolute), else ~/.cache/acolyte-gates."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    root = Path(base) if os.path.isabs(base) else Path.home() / ".cache"
    return root / "acolyte-gates"


def _read_key(path: Path) -> bytes | None:
    """The key in `path` when the file is a regular one of ours that no one else can read."""
    try:
        handle = os.open(path, os.O_RDONLY | _NOFOLLOW)
    except OSError:
        return None
    with os.fdopen(handle, "rb") as stream:
        info = os.fstat(stream.fileno())
        owned = not hasattr(os, "geteuid") or info.st_uid == os.geteuid()
        private = info.st_mode & 0o077 == 0 or os.name != "posix"
        if not (stat.S_ISREG(info.st_mode) and owned and private):
            return None
        key = stream.read(KEY_BYTES + 1)
    return key if len(key) == KEY_BYTES else None


def _create_key(path: Path) -> None:
    """Write a new random key, never replacing one another process made meanwhile."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    temporary = path.with_name(f".key.{secrets.token_hex(8)}.tmp")
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(secrets.token_bytes(KEY_BYTES))
        _publish(temporary, path)
    finally:
        if os.path.lexists(temporary):
            os.unlink(temporary)


def _publish(temporary: Path, path: Path) -> None:
    """Give the new key its name unless a key got there first (then the first one stays)."""
    try:
        os.link(temporary, path)
    except FileExistsError:
        return
    except OSError:  # no hard links on this file system: a rename, last writer wins
        os.replace(temporary, path)


@lru_cache(maxsize=4)
def user_key(folder: Path) -> bytes | None:
    """This user's key from `folder`, made on first use; None when it cannot be made or trusted."""
    path = folder / "key"
    key = _read_key(path)
    if key is None and not os.path.lexists(path):
        try:
            _create_key(path)
        except OSError:
            return None
        key = _read_key(path)
    return key


def sign(key: bytes, name: str, payload: bytes) -> str:
    """A MAC binding a cache file's name (its settings fingerprint) and its content to the key."""
    mac = hashlib.blake2b(key=key, digest_size=32)
    mac.update(name.encode("utf-8") + b"\0")
    mac.update(payload)
    return mac.hexdigest()


def verify(key: bytes, name: str, payload: bytes, signature: str) -> bool:
    """Whether `signature` is this key's MAC of `name` and `payload` (in constant time)."""
    return hmac.compare_digest(sign(key, name, payload), signature)
