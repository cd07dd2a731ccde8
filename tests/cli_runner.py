"""Start `news-etl` the way users and schedulers do: a real subprocess, from the repository root."""
from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def cli(*args) -> list[str]:
    return [sys.executable, "-m", "news_etl.cli", *map(str, args)]


def run_args(source: Path, warehouse: Path, lake: Path, *extra) -> list[str]:
    return cli("run", "--source", source, "--warehouse", warehouse, "--lake", lake, *extra)


def run_cli(args: list[str], env: dict, timeout: float = 120, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout, **kw)


def start_cli(args: list[str], env: dict, log: Path) -> subprocess.Popen:
    """In its own session, so `kill_tree` reaches every process it started (Dask workers included)."""
    with open(log, "wb") as out:
        return subprocess.Popen(args, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)


def kill_tree(proc: subprocess.Popen) -> None:
    """kill -9 the run and everything it started: no chance to clean up, like an OOM kill or a power cut."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait(timeout=30)


def _drop_file_override():
    """preexec_fn for the run: drop CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH from its bounding set, so mode 000
    means "Permission denied" even to root (tests often run as root in containers). The test keeps its rights."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def can_deny(probe: Path) -> tuple[bool, object]:
    """Whether a mode-000 file is really unreadable to the run, and the preexec_fn that makes it so."""
    preexec = _drop_file_override if os.geteuid() == 0 else None
    try:
        done = subprocess.run(["cat", str(probe)], capture_output=True, preexec_fn=preexec)
    except (OSError, subprocess.SubprocessError):
        return False, None
    return done.returncode != 0, preexec
