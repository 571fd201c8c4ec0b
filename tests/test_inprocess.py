"""Small runs are checked in-process: worker processes only from POOL_MIN_BYTES of source."""

from __future__ import annotations

from acolyte_gates.checker import POOL_MIN_BYTES, effective_jobs

KB = 1024


def test_one_file_is_checked_in_process_whatever_its_size() -> None:
    assert effective_jobs(0, [(10 * POOL_MIN_BYTES, "huge.py")]) == 1


def test_a_small_project_is_checked_in_process_even_when_jobs_are_asked() -> None:
    # flask's src/: 24 files, 364 KB (the old rule, 16 files, sent it to a pool)
    flask = [(364 * KB // 24, f"m{index}.py") for index in range(24)]
    assert effective_jobs(0, flask) == effective_jobs(4, flask) == 1


def test_a_large_run_uses_the_workers_asked_for() -> None:
    large = [(POOL_MIN_BYTES // 2, "a.py"), (POOL_MIN_BYTES // 2, "b.py")]
    assert effective_jobs(3, large) == 3
