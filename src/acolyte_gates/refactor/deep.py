"""libcst on deeply nested sources: its work runs on a thread with a big stack.

libcst recurses once per level of nesting, and a long implicit string concatenation is
nested as deep as it has parts (the standard library's pydoc_data/topics.py goes past
Python's default recursion limit when positions are resolved). Such work runs on a
thread with a 512 MiB stack and a raised recursion limit; what is deeper still is
refused with one sentence, never a traceback.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import TypeVar

from acolyte_gates.refactor.refusal import Refused

T = TypeVar("T")

STACK_BYTES = 512 * 1024 * 1024
RECURSION_LIMIT = 100_000
_LOCK = threading.Lock()


def _too_deep(path: str) -> Refused:
    return Refused(
        f"{path}: nested too deeply for libcst (a very long implicit string concatenation"
        " or expression); split that expression first, or leave this file out"
    )


def run_deep(work: Callable[[], T], path: str, limit: int = RECURSION_LIMIT) -> T:
    """`work()` on a big-stack thread with the recursion limit raised to `limit`.

    Raises Refused when even that is not deep enough; other errors pass through.
    """
    outcome: dict[str, object] = {}

    def target() -> None:
        try:
            outcome["value"] = work()
        except (RecursionError, MemoryError):
            outcome["deep"] = True
        except BaseException as error:  # handed to the caller's thread below
            outcome["error"] = error

    with _LOCK:
        previous_stack, previous_limit = threading.stack_size(STACK_BYTES), sys.getrecursionlimit()
        sys.setrecursionlimit(max(limit, previous_limit))
        try:
            thread = threading.Thread(target=target, name="acolyte-libcst")
            thread.start()
            thread.join()
        finally:
            threading.stack_size(previous_stack)
            sys.setrecursionlimit(previous_limit)
    if "deep" in outcome:
        raise _too_deep(path)
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]
