"""Which processes a command left behind: only its own descendants, never the machine's other processes.

The command runs under a small wrapper process that is a child subreaper (Linux's PR_SET_CHILD_SUBREAPER): a
process the command started and then orphaned (its parent ended, or was killed) is reparented to the wrapper
rather than to init, so the wrapper's own children, once the command has ended, are exactly what the command
left running. Another checkout's tests or a server running beside the test are never seen.
"""
from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

_WRAPPER = r"""
import ctypes, json, os, signal, subprocess, sys, time
import psutil

args, cwd, log, kill_on, grace = json.loads(sys.argv[1])
ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
with open(log, "wb") as out:
    command = subprocess.Popen(args, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
killed = False
if kill_on:
    deadline = time.monotonic() + 300
    while command.poll() is None and time.monotonic() < deadline:
        with open(log, "rb") as seen:
            if kill_on.encode() in seen.read():
                os.kill(command.pid, signal.SIGKILL)  # the command alone, not the processes it started
                killed = True
                break
        time.sleep(0.1)
returncode = command.wait()
me = psutil.Process()
deadline = time.monotonic() + grace
while True:
    try:
        while os.waitpid(-1, os.WNOHANG)[0]:  # orphans that ended since: reaped, so they are not listed
            pass
    except ChildProcessError:
        pass
    left = [p for p in me.children() if p.status() != psutil.STATUS_ZOMBIE]
    if not left or time.monotonic() > deadline:
        break
    time.sleep(0.1)
report = [dict(pid=p.pid, cmdline=" ".join(p.cmdline())) for p in left]
for p in left:
    p.kill()
print(json.dumps(dict(returncode=returncode, killed=killed, left=report)))
"""


@dataclass
class Outcome:
    returncode: int
    killed: bool  # whether `kill_on` was seen and the command killed
    output: str  # the command's stdout and stderr, interleaved
    left: list[dict]  # processes still running `grace` seconds after the command ended: pid, cmdline


def run_watched(args: list[str], env: dict, cwd: Path, log: Path, kill_on: str | None = None,
                grace: float = 0.0, timeout: float = 300) -> Outcome:
    """Run `args`; with `kill_on`, SIGKILL the command (alone) once its output holds that text. Then wait up to
    `grace` seconds for the processes it started to end, and report those that did not (they are killed)."""
    done = subprocess.run([sys.executable, "-c", _WRAPPER, json.dumps([args, str(cwd), str(log), kill_on, grace])],
                          env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout)
    return Outcome(report["returncode"], report["killed"], log.read_text(errors="replace"), report["left"])
