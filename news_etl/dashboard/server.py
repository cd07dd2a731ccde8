"""Start the dashboard: Streamlit's server in this process, offline and headless."""
from __future__ import annotations

import os
import socket
from pathlib import Path

from news_etl.dashboard import WAREHOUSE_ENV

APP = Path(__file__).with_name("app.py")


def options(host: str, port: int) -> dict:
    """Streamlit's settings, as its command-line flags name them: nothing leaves the machine (no usage
    statistics; its frontend, fonts and Vega are served from the installed package), no browser is opened,
    and the app's files are not watched."""
    return {
        "server_address": host,
        "server_port": port,
        "server_headless": True,
        "server_fileWatcherType": "none",
        "server_runOnSave": False,
        "browser_serverAddress": host,
        "browser_serverPort": port,
        "browser_gatherUsageStats": False,
        "global_developmentMode": False,
        "client_toolbarMode": "viewer",
        "theme_base": "light",
    }


class PortUnavailable(Exception):
    """The address cannot be listened on: the message is one line."""


def check_port(host: str, port: int) -> None:
    """Streamlit, on a port in use, logs a line and exits 1; say which and what to do instead."""
    try:
        with socket.create_server((host, port)):
            pass
    except OSError as err:
        why = (err.strerror or str(err)).split(" (while attempting")[0]  # create_server repeats the address
        raise PortUnavailable(f"cannot listen on {host}:{port} ({why}): choose another with --port, "
                              "or --host") from None


def serve(warehouse: Path, host: str, port: int) -> None:
    """Blocks until interrupted (Ctrl-C or SIGTERM)."""
    from streamlit.web import bootstrap

    check_port(host, port)
    os.environ[WAREHOUSE_ENV] = os.path.abspath(warehouse)
    flags = options(host, port)
    bootstrap.load_config_options(flags)
    print(f"news-etl dashboard: http://{host}:{port} over {warehouse} (Ctrl-C to stop)", flush=True)
    bootstrap.run(str(APP), False, [], flags)
