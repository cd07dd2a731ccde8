"""Processes a run starts die with it, even when the run is killed with SIGKILL (the OOM killer, `kill -9`).

Without this, Prefect's temporary API outlived a killed `news-etl run` (reparented to init, ~250 MiB, still
listening) for good. Linux's PR_SET_PDEATHSIG has the kernel send a signal to a process when its parent
thread ends; elsewhere (no prctl) this is a no-op and an orphan is left as before.
"""
from __future__ import annotations

import ctypes
import os
import signal

_PR_SET_PDEATHSIG = 1


def die_with_parent(sig: int = signal.SIGTERM, parent_pid: int | None = None) -> None:
    """Ask the kernel to send `sig` to this process when its parent ends. Call it in the child: in a
    `preexec_fn` (then pass the parent's pid, read before the fork) or first thing in a forked child. A parent
    that died before the request took effect is caught too: the child then signals itself."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, int(sig), 0, 0, 0)
    except (OSError, AttributeError):  # not Linux
        return
    if parent_pid is not None and os.getppid() != parent_pid:
        os.kill(os.getpid(), sig)
