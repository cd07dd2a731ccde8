"""Helpers for tests that need a real Prefect server and worker as subprocesses.

Everything runs with its own PREFECT_HOME (a temporary folder) and an environment stripped of the
caller's PREFECT_* settings, so a test never reads or writes the user's profiles or database.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

BIN = Path(sys.executable).parent
PREFECT = str(BIN / "prefect")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def isolated_env(prefect_home: Path, **extra: str) -> dict[str, str]:
    """The current environment without any PREFECT_* setting, plus a private PREFECT_HOME."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(
        PREFECT_HOME=str(prefect_home),
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        PREFECT_LOGGING_COLORS="false",
        # The CLI must never wait for an answer.
        PREFECT_CLI_PROMPT="false",
    )
    env.update(extra)
    return env


def tail(path: Path, chars: int = 4000) -> str:
    try:
        return path.read_text(errors="replace")[-chars:]
    except OSError:
        return ""


def spawn(args: list[str], env: dict[str, str], log: Path, cwd: Path | None = None) -> subprocess.Popen:
    """Start a long-lived process in its own process group, stdout and stderr into `log`."""
    with open(log, "ab") as out:  # the child keeps its own copy of the descriptor
        return subprocess.Popen(args, env=env, cwd=cwd, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True)


def wait_for_health(api_url: str, proc: subprocess.Popen, log: Path, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"prefect server exited with {proc.returncode}:\n{tail(log)}")
        try:
            if httpx.get(f"{api_url}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise TimeoutError(f"prefect server not healthy after {timeout:.0f} s:\n{tail(log)}")


def stop(proc: subprocess.Popen | None, signals: int = 1, grace: float = 10) -> None:
    """Send SIGTERM `signals` times (a Prefect worker ignores the first), then SIGKILL the whole group."""
    if proc is None or proc.poll() is not None:
        return
    for _ in range(signals):
        try:
            proc.send_signal(signal.SIGTERM)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=grace / signals)
            break
        except subprocess.TimeoutExpired:
            continue
    if proc.poll() is None:
        proc.kill()
        proc.wait(timeout=10)
    try:  # children the process left behind (flow-run subprocesses, uvicorn workers)
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


@contextmanager
def running(args: list[str], env: dict[str, str], log: Path, signals: int = 1,
            cwd: Path | None = None) -> Iterator[subprocess.Popen]:
    proc = spawn(args, env, log, cwd)
    try:
        yield proc
    finally:
        stop(proc, signals=signals)


@contextmanager
def prefect_server(home: Path, host: str = "127.0.0.1", attempts: int = 3) -> Iterator[tuple[str, dict]]:
    """A real `prefect server start` on a free port, with its database under `home`.

    Yields the API URL and an environment for CLI commands and workers that talk to it.
    The free port can be taken between the probe and the bind, so a failed start is retried.
    """
    home.mkdir(parents=True, exist_ok=True)
    log = home / "server.log"
    last: Exception | None = None
    for _ in range(attempts):
        port = free_port()
        api_url = f"http://{host}:{port}/api"
        env = isolated_env(home)
        server = spawn([PREFECT, "server", "start", "--host", host, "--port", str(port),
                        "--no-ui", "--no-scheduler", "--analytics-off"], env, log)
        try:
            wait_for_health(api_url, server, log)
        except (RuntimeError, TimeoutError) as exc:
            stop(server)
            last = exc
            continue
        try:
            yield api_url, isolated_env(home, PREFECT_API_URL=api_url)
        finally:
            stop(server)
        return
    raise RuntimeError(f"could not start a prefect server in {attempts} attempts") from last


def prefect_cli(args: list[str], env: dict[str, str], cwd: Path | None = None,
                timeout: float = 120) -> subprocess.CompletedProcess:
    """Run `prefect --no-prompt ARGS`; fail with its output when it does not succeed."""
    done = subprocess.run([PREFECT, "--no-prompt", *args], check=False, env=env, cwd=cwd,
                          capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
    if done.returncode != 0:
        raise AssertionError(f"prefect {' '.join(args)} failed ({done.returncode}):\n"
                             f"{done.stdout[-4000:]}\n{done.stderr[-4000:]}")
    return done
