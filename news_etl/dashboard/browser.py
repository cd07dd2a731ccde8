"""The dashboard in Chromium (Debian's `chromium` and `chromium-driver`, driven by Selenium): start it, open a
page and wait until it is drawn. The browser test uses these, and so does the page load time measurement:

    .venv/bin/python -m news_etl.dashboard.browser --warehouse FILE

starts `news-etl dashboard` on a free port, opens every page twice (first: nothing cached yet; then again,
cached), prints the seconds from the request to the page drawn, and stops the server by its PID.
"""
from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

CHROMIUM, DRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
WIDTH = 1400
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", f"--window-size={WIDTH},1800")
# What the page looks like to a poll: its height, its charts and how many Vega has drawn, its tables drawn.
LAYOUT = """const main = document.querySelector('[data-testid="stMain"]');
return [main ? main.scrollHeight : document.body.scrollHeight,
        document.querySelectorAll('.vega-embed').length,
        document.querySelectorAll('.vega-embed canvas, .vega-embed svg.marks').length,
        document.querySelectorAll('[data-testid="stDataFrame"] canvas').length,
        window.innerHeight];"""
# The last text each page draws, whatever the warehouse holds (the SQL page waits for its button).
LAST_TEXT = {"overview": "Last runs", "entities": "Mentions in context", "quotes": "Who is quoted most",
             "amounts": "Other quantities by unit", "health": "Quarantine", "sql": "Run"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_dashboard(warehouse: Path, port: int, log: Path, env: dict | None = None) -> subprocess.Popen:
    """`news-etl dashboard` in its own session, answering health checks; AssertionError with its log if not."""
    with open(log, "wb") as out:
        server = subprocess.Popen([sys.executable, "-m", "news_etl.cli", "dashboard", "--warehouse", str(warehouse),
                                   "--port", str(port)], env=env, stdout=out, stderr=subprocess.STDOUT,
                                  start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"the dashboard exited: {log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as answer:
                if answer.read() == b"ok":
                    return server
        except OSError:
            time.sleep(0.1)
    stop(server)
    raise AssertionError(f"the dashboard did not answer within 60 s: {log.read_text()[-2000:]}")


def stop(server: subprocess.Popen) -> None:
    """SIGTERM by its PID, SIGKILL if it has not exited 20 s later."""
    os.kill(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.kill(server.pid, signal.SIGKILL)
        server.wait(timeout=20)


def chromium(profile: Path):
    """A headless Chromium with its console log kept."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.set_page_load_timeout(60)
    return driver


def wait_for_page(driver, texts: list[str], chart: bool) -> None:
    """Until the script has finished, every text is on the page, Vega has drawn every chart (at least one on a page
    with charts) and the layout has stopped changing."""
    from selenium.webdriver.common.by import By

    def ready(d, layout) -> bool:
        body = d.find_element(By.TAG_NAME, "body").text
        running = d.find_elements(By.CSS_SELECTOR, '[data-testid="stStatusWidget"] [data-testid="stSpinner"], '
                                                   '[data-testid="stStatusWidgetRunningIcon"]')
        charts, drawn = layout[1], layout[2]
        return all(t in body for t in texts) and not running and drawn >= charts and (drawn > 0 or not chart)

    try:
        wait_steady(driver, ready)
    except Exception:
        missing = [t for t in texts if t not in driver.find_element(By.TAG_NAME, "body").text]
        raise AssertionError(f"page not ready: missing {missing}, layout {driver.execute_script(LAYOUT)}") from None


def wait_steady(driver, ready=lambda d, layout: True, timeout: float = 60) -> None:
    """Poll (every 0.1 s) until `ready` holds and the layout is the same on two polls in a row."""
    from selenium.webdriver.support.ui import WebDriverWait

    previous = [None]

    def steady(d) -> bool:
        layout = d.execute_script(LAYOUT)
        same, previous[0] = layout == previous[0], layout
        return same and ready(d, layout)

    WebDriverWait(driver, timeout, poll_frequency=0.1).until(steady)


def screenshot_whole_page(driver, path: Path) -> None:
    """The window made as tall as the page's content (Streamlit scrolls its main area, not the document)."""
    height = driver.execute_script(LAYOUT)[0]
    driver.set_window_size(WIDTH, max(height + 120, 900))
    wait_steady(driver)
    assert driver.save_screenshot(str(path))
    driver.set_window_size(WIDTH, 1800)


def load_times(url: str, driver, screenshots: Path | None = None) -> list[tuple[str, float, float]]:
    """(page, seconds first, seconds cached): from the request until the page is drawn; a screenshot of each page
    into `screenshots` when given."""
    times = []
    for page, text in LAST_TEXT.items():
        seconds = []
        for _ in range(2):
            started = time.perf_counter()
            driver.get(f"{url}/?page={page}")
            wait_for_page(driver, [text], chart=page != "sql")
            seconds.append(time.perf_counter() - started)
        times.append((page, *seconds))
        if screenshots:
            screenshot_whole_page(driver, screenshots / f"{page}.png")
    return times


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m news_etl.dashboard.browser",
                                     description="Page load times of the dashboard in Chromium")
    parser.add_argument("--warehouse", type=Path, required=True)
    parser.add_argument("--screenshots", type=Path, help="save a screenshot of each page into this folder")
    args = parser.parse_args(argv)
    if args.screenshots:
        args.screenshots.mkdir(parents=True, exist_ok=True)
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="dashboard-load-") as work:
        server = start_dashboard(args.warehouse, port, Path(work) / "dashboard.log")
        try:
            driver = chromium(Path(work) / "profile")
            try:
                times = load_times(f"http://127.0.0.1:{port}", driver, args.screenshots)
            finally:
                driver.quit()
        finally:
            stop(server)
    print("page       first s  cached s")
    for page, first, cached in times:
        print(f"{page:<10} {first:7.2f}  {cached:8.2f}")


if __name__ == "__main__":
    main()
