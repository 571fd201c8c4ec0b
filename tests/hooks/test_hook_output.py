"""What the hook prints is safe to print: odd file names reach a strict UTF-8 stream escaped."""

from __future__ import annotations

import os
import subprocess
import sys

from hooks.gitrepo import BAD, Repo
from test_text_escaping import strict_utf8_env


def test_the_hook_prints_a_staged_file_name_that_is_not_utf8(git_repo: Repo) -> None:
    (git_repo.path / os.fsdecode(b"bad\xe9.py")).write_text(BAD, encoding="utf-8")
    git_repo.git("add", "-A")
    done = subprocess.run(
        [sys.executable, "-m", "acolyte_gates", "hook", "run", "--gates", "aco"],
        cwd=git_repo.path,
        capture_output=True,
        env=strict_utf8_env(),
        timeout=60,
    )
    assert done.returncode == 1, done.stderr
    assert b"bad\\xe9.py:4:1: ACO104" in done.stdout
