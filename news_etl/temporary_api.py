"""Prefect's temporary API for one `news-etl run`, started before the pipeline is imported.

With no API configured, Prefect starts a temporary server itself at the first flow call: its
`SubprocessASGIServer` runs uvicorn on Prefect's app in a subprocess. Getting there costs this process an
import of Prefect's server module (~1.2 s) before the subprocess even starts, then ~2.8 s of waiting. Here the
same subprocess (same command, same environment) starts first thing, before this process imports even Prefect
(0.6 s), and boots while this process imports the pipeline. The server is stopped when the process exits, after
Prefect has flushed its events to it.
"""
from __future__ import annotations

import atexit
import importlib.util
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from functools import partial

from flows.lifeline import die_with_parent

# `python -m uvicorn ...`, with Prefect's server imported first with the garbage collector off, then frozen: its
# full collections were ~0.5 s of the ~2.1 s import, on the path to the first flow run (measured).
_UVICORN_AFTER_IMPORTS = ("import gc, sys; gc.disable(); import prefect.server.api.server; gc.freeze(); "
                          "gc.enable(); from uvicorn.main import main; sys.argv[0] = 'uvicorn'; main()")
STARTUP_TIMEOUT_S = 120.0  # the first start on a new machine migrates the server's database
ADDRESS_IN_USE = 3  # uvicorn's exit code when another process took the port first


class ApiUnreachable(RuntimeError):
    """A configured PREFECT_API_URL does not answer: the run cannot record its flow run there."""


class TemporaryApi:
    def __init__(self) -> None:
        self.process = self._spawn()
        atexit.register(self.stop)  # registered before Prefect's own exit hooks, so it runs after them

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    @contextmanager
    def in_use(self):
        """Wait until the server answers, then point Prefect in this process (and the workers it starts) at it.
        An API configured in a Prefect profile (known only now that Prefect is imported) wins: the server stops."""
        from prefect.settings import PREFECT_API_URL, PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

        if PREFECT_API_URL.value():
            self.stop()
            require_configured_api()
            yield self
            return
        self._wait_until_healthy()
        # No flow-run heartbeats: they let a lasting server mark a run that died as crashed, and this server
        # dies with the run. Their thread sleeps in 1 s steps and is joined at the end: up to 1 s per run.
        with temporary_settings(updates={PREFECT_API_URL: self.url, PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
            yield self

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def _spawn(self) -> subprocess.Popen:
        self.port = _free_port()
        site_packages = os.path.dirname(importlib.util.find_spec("prefect").submodule_search_locations[0])
        return subprocess.Popen(
            [sys.executable, "-c", _UVICORN_AFTER_IMPORTS, "--app-dir", site_packages, "--factory",
             "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(self.port),
             "--log-level", "error", "--lifespan", "on"],
            # What Prefect's own temporary server gets: no UI, marked ephemeral. Nothing has changed Prefect's
            # settings in this process yet, so the server reads the same ones (environment, profile) itself.
            env={**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1",
                 "PREFECT__SERVER_FINAL": "1"},
            # Ends with this process even when it is killed with SIGKILL and `stop` never runs: SIGTERM, so that
            # uvicorn still closes its database cleanly.
            preexec_fn=partial(die_with_parent, signal.SIGTERM, os.getpid()))

    def _wait_until_healthy(self) -> None:
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() == ADDRESS_IN_USE:
                self.process = self._spawn()
            elif self.process.poll() is not None:
                raise RuntimeError(f"the temporary Prefect API exited with code {self.process.returncode}")
            try:
                with urllib.request.urlopen(f"{self.url}/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"the temporary Prefect API did not answer within {STARTUP_TIMEOUT_S:.0f} s")


def start() -> TemporaryApi | None:
    """A temporary API, starting, unless PREFECT_API_URL is in the environment (then None). Checked without
    importing Prefect; `in_use` also defers to an API set in a Prefect profile."""
    return None if os.environ.get("PREFECT_API_URL") else TemporaryApi()


def require_configured_api(timeout: float = 5.0) -> None:
    """Raise ApiUnreachable, with how to go back to the temporary API, when the API Prefect is configured with
    (PREFECT_API_URL, from the environment or the active profile) does not answer. Without this, a run spent
    ~20 s retrying and died with ~116 lines ending in `Failed to reach API`. Any HTTP answer will do (an API
    that wants a key says so itself); only no answer at all is refused."""
    from prefect.settings import PREFECT_API_URL, PREFECT_PROFILES_PATH

    url = PREFECT_API_URL.value()
    try:
        urllib.request.urlopen(f"{url.rstrip('/')}/health", timeout=timeout).close()
        return
    except urllib.error.HTTPError:
        return
    except (urllib.error.URLError, OSError, ValueError) as err:
        reason = getattr(err, "reason", err)
    if os.environ.get("PREFECT_API_URL"):
        where, undo = "the environment variable PREFECT_API_URL", "`unset PREFECT_API_URL`"
    else:
        where = f"PREFECT_API_URL in your Prefect profile ({PREFECT_PROFILES_PATH.value()})"
        undo = "`prefect config unset PREFECT_API_URL`"
    raise ApiUnreachable(f"the Prefect API at {url} does not answer ({reason}); it is set by {where}: start that "
                         f"server, or run {undo} to use a temporary API of this run's own")


def prepare() -> None:
    """Start a temporary API once and stop it, unless an API is configured. The first start on a machine creates
    and migrates Prefect's database and registers its block types (~6 s more than later starts, measured): the
    benchmark pays that one-time cost here, before its timed runs."""
    api = start()
    if api:
        api._wait_until_healthy()
        api.stop()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
