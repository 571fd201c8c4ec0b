"""The tools one run has started, so that Ctrl-C or SIGTERM reaches every one of them.

Each tool runs in a session of its own (a timeout kills its whole group), so the signal the
terminal sends to our process group never reaches it: the run passes SIGINT and SIGTERM on to
each running tool's group, starts no tool after that, and kills what is still running a few
seconds later (at once on a second signal), so that no tool outlives the run.
"""

from __future__ import annotations

import os
import signal
import subprocess  # nosec B404 - only to name the type of the processes we started
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

# How long the tools get to stop on their own before their groups are killed.
GRACE_SECONDS = 5.0
FORWARDED = ("SIGINT", "SIGTERM")


def signal_group(process: subprocess.Popen[str], signum: int) -> None:
    """Send a signal to a tool and everything in its process group; a group gone is fine."""
    try:
        if hasattr(os, "killpg"):
            os.killpg(process.pid, signum)
        else:  # pragma: no cover - Windows has no process groups
            process.send_signal(signum)
    except (ProcessLookupError, PermissionError):
        return


class Supervisor:
    """The live tools of one run, and the signal that stopped it (None while none has)."""

    def __init__(self) -> None:
        self._live: set[subprocess.Popen[str]] = set()
        # Re-entrant: the signal handler runs in the main thread, which may hold it already.
        self._lock = threading.RLock()
        self.stopped_by: int | None = None

    def started(self, process: subprocess.Popen[str]) -> bool:
        """Take a new tool in; False (and its group killed) when the run is stopping."""
        with self._lock:
            if self.stopped_by is None:
                self._live.add(process)
                return True
        signal_group(process, signal.SIGKILL)
        return False

    def finished(self, process: subprocess.Popen[str]) -> None:
        """Let go of a tool that has ended."""
        with self._lock:
            self._live.discard(process)

    def _send(self, signum: int) -> None:
        with self._lock:
            live = list(self._live)
        for process in live:
            signal_group(process, signum)

    def interrupt(self, signum: int) -> None:
        """Pass a signal on to every live tool (SIGKILL on the second); kill them after a grace."""
        with self._lock:
            first, self.stopped_by = self.stopped_by is None, self.stopped_by or signum
        if not first:
            self._send(signal.SIGKILL)
            return
        self._send(signum)
        killer = threading.Timer(GRACE_SECONDS, self._send, args=(signal.SIGKILL,))
        killer.daemon = True
        killer.start()


@contextmanager
def forwarding_signals(supervisor: Supervisor) -> Iterator[None]:
    """Meanwhile, SIGINT and SIGTERM stop the run through `supervisor` instead of killing us.

    Signal handlers belong to the main thread: from any other thread this does nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handle(signum: int, _frame: FrameType | None) -> None:
        supervisor.interrupt(signum)

    wanted = [getattr(signal, name) for name in FORWARDED if hasattr(signal, name)]
    previous = {signum: signal.signal(signum, handle) for signum in wanted}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler if handler is not None else signal.SIG_DFL)
