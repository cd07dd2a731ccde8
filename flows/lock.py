"""One writer at a time: an advisory lock file beside the warehouse that names the run holding it.

DuckDB's own file lock only lasts while a connection is open, and a run opens the warehouse only at its
edges (discover, load); this lock covers the whole run. The kernel drops it when the holder dies, even on
kill -9, so a crashed run never leaves the warehouse locked. The lock file sits beside the warehouse's real path
(symlinks resolved): a symlink or another spelling of the same warehouse is the same writer.
"""
from __future__ import annotations

import fcntl
import json
import os
import socket
from datetime import UTC, datetime
from pathlib import Path


class WarehouseBusy(RuntimeError):
    pass


# Locks this process holds, by lock file: `news-etl run` takes the lock before it starts Prefect, and the flow
# (or the no-change path) it then runs takes it again. flock would refuse the second open of the same file.
_HELD: dict[str, WriterLock] = {}


class WriterLock:
    def __init__(self, warehouse: str | Path, run_id: str, wait: bool = False):
        self.path = lock_path(warehouse)
        self.run_id = run_id
        self.wait = wait
        self._fd: int | None = None
        self._key = str(self.path)

    def __enter__(self) -> WriterLock:
        outer = _HELD.get(self._key)
        if outer is not None:  # held by this process already: name this run in it, the outer lock releases it
            self._name_holder(outer._fd)
            return self
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if self.wait else fcntl.LOCK_NB))
        except BlockingIOError:
            holder = os.read(fd, 4096).decode("utf-8", "replace")
            os.close(fd)
            raise WarehouseBusy(_busy_message(self.path, holder)) from None
        except BaseException:
            os.close(fd)
            raise
        self._name_holder(fd)
        self._fd = fd
        _HELD[self._key] = self
        return self

    def __exit__(self, *exc) -> None:
        if self._fd is not None:
            del _HELD[self._key]
            os.ftruncate(self._fd, 0)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def _name_holder(self, fd: int) -> None:
        """Write this run into the lock file, for the message a refused run prints."""
        holder = {"run_id": self.run_id, "pid": os.getpid(), "host": socket.gethostname(),
                  "started_at": datetime.now(UTC).isoformat(timespec="seconds")}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(holder).encode(), 0)


def lock_path(warehouse: str | Path) -> Path:
    return Path(f"{os.path.realpath(warehouse)}.lock")


def _describe(holder: str) -> str:
    try:
        info = json.loads(holder)
        return f"run {info['run_id']} (pid {info['pid']} on {info['host']}, started {info['started_at']})"
    except (ValueError, KeyError):
        return "another run"


def _busy_message(path: Path, holder: str) -> str:
    who = _describe(holder)
    return (f"the warehouse is being written by {who}; lock file {path}. "
            "Wait for it to finish, or pass --wait to queue behind it.")

