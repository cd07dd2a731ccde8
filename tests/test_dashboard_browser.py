"""The dashboard in a real browser: `news-etl dashboard` on a free port, Debian's Chromium driven by Selenium.

Every page is opened, its charts are waited for (Vega draws into a canvas or an svg), its expected text found,
the browser's console must hold no error and every resource must come from the dashboard itself (offline: no
CDN, no fonts or statistics from elsewhere). A screenshot per page goes to test-output/screenshots/. Chromium and
its driver are installed with apt when missing (CI runs as root on a new machine); the test is skipped, saying
why, only where apt is not there to install them."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from cli_runner import cli, run_cli
from dashboard_corpus import REPO, load, make_corpus

SCREENSHOTS = REPO / "test-output" / "screenshots"
CHROMIUM, DRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage", "--window-size=1400,1800")
WIDTH = 1400
# page: (texts it must show, whether it draws a chart)
PAGES = {
    "overview": (["Articles by category", "Last runs", "politics", "Entity mentions"], True),
    "entities": (["Top entities by type", "Michael Howard", "Aliases", "Mentioned in the same articles"], True),
    "quotes": (["Who is quoted most", "Quotes of Michael Howard"], True),
    "amounts": (["Money by currency", "Other quantities by unit", "GBP"], True),
    "health": (["Seconds per stage", "Every expectation of every run passed.", "No file is refused now."], True),
    "sql": (["10 rows", "Download CSV"], False),
}


def ensure_chromium() -> None:
    if os.path.exists(CHROMIUM) and os.path.exists(DRIVER):
        return
    if shutil.which("apt-get") is None or os.geteuid() != 0:
        pytest.skip("Chromium and chromium-driver are not installed, and apt-get is not available to install them "
                    "(no apt-get, or not root)")
    for step in (["apt-get", "update"], ["apt-get", "install", "-y", "chromium", "chromium-driver"]):
        done = subprocess.run(step, capture_output=True, text=True, timeout=900,
                              env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))
        assert done.returncode == 0, f"{' '.join(step)} failed: {done.stderr[-1000:]}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def loaded(tmp_path_factory, cli_env):
    work = tmp_path_factory.mktemp("dashboard-browser")
    source = make_corpus(work / "source")
    warehouse, lake = work / "news.duckdb", work / "lake"
    load(source, warehouse, lake, cli_env)
    return source, warehouse, lake


@pytest.fixture(scope="module")
def dashboard(loaded, tmp_path_factory, cli_env):
    """The URL of `news-etl dashboard` over the loaded warehouse; the server is stopped by its PID after."""
    port = free_port()
    log = tmp_path_factory.mktemp("dashboard-log") / "dashboard.log"
    with open(log, "wb") as out:
        server = subprocess.Popen(cli("dashboard", "--warehouse", loaded[1], "--port", port), cwd=REPO, env=cli_env,
                                  stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, server, log)
        yield url
    finally:
        os.kill(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.kill(server.pid, signal.SIGKILL)
            server.wait(timeout=20)


def wait_healthy(url: str, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert server.poll() is None, f"the dashboard exited: {log.read_text()[-2000:]}"
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.read() == b"ok":
                    return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"the dashboard did not answer within 60 s: {log.read_text()[-2000:]}")


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    ensure_chromium()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def wait_for_page(driver, texts: list[str], chart: bool) -> None:
    """Until the script has finished, every text is on the page and, for a page with charts, Vega has drawn."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    def ready(d) -> bool:
        body = d.find_element(By.TAG_NAME, "body").text
        running = d.find_elements(By.CSS_SELECTOR, '[data-testid="stStatusWidget"] [data-testid="stSpinner"], '
                                                   '[data-testid="stStatusWidgetRunningIcon"]')
        drawn = d.find_elements(By.CSS_SELECTOR, ".vega-embed canvas, .vega-embed svg.marks")
        return all(t in body for t in texts) and not running and (drawn or not chart)

    try:
        WebDriverWait(driver, 60, poll_frequency=0.3).until(ready)
    except Exception:
        missing = [t for t in texts if t not in driver.find_element(By.TAG_NAME, "body").text]
        raise AssertionError(f"page not ready: missing {missing}") from None
    time.sleep(1.0)  # let the charts' and tables' last frame paint before the screenshot


def screenshot_whole_page(driver, path: Path) -> None:
    """The window made as tall as the page's content (Streamlit scrolls its main area, not the document)."""
    height = driver.execute_script("const m = document.querySelector('[data-testid=\"stMain\"]');"
                                   "return m ? m.scrollHeight : document.body.scrollHeight")
    driver.set_window_size(WIDTH, max(height + 120, 900))
    time.sleep(0.5)
    assert driver.save_screenshot(str(path))
    driver.set_window_size(WIDTH, 1800)


def check_console_and_network(driver, url: str) -> None:
    errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == []
    fetched = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert [u for u in fetched if not u.startswith((url, "data:", "blob:"))] == []


def test_dashboard_every_page_in_chromium(dashboard, browser):
    from selenium.webdriver.common.by import By

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for page, (texts, chart) in PAGES.items():
        browser.get(f"{dashboard}/?page={page}")
        if page == "sql":  # run the example query in the box
            wait_for_page(browser, ["Run"], False)
            browser.find_element(By.XPATH, "//button[.//p[text()='Run']]").click()
        wait_for_page(browser, texts, chart)
        check_console_and_network(browser, dashboard)
        screenshot_whole_page(browser, SCREENSHOTS / f"{page}.png")


def test_dashboard_shows_a_run_committed_while_open_after_refresh(dashboard, browser, loaded, cli_env):
    source, warehouse, lake = loaded
    browser.get(f"{dashboard}/?page=overview")
    wait_for_page(browser, ["Articles by category"], True)
    assert metric(browser, "Articles") == "25"
    (source / "tech" / "open.txt").write_text("Shops open later in Leeds\n\nShops in Leeds will open until 10pm "
                                              "from March, the city council said on Monday.\n")
    done = run_cli([*cli("run", "--source", source, "--warehouse", warehouse, "--lake", lake, "--workers", "1")],
                   cli_env, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    browser.refresh()
    wait_for_page(browser, ["Articles by category"], True)
    assert metric(browser, "Articles") == "26"
    check_console_and_network(browser, dashboard)


def metric(driver, label: str) -> str:
    from selenium.webdriver.common.by import By

    for element in driver.find_elements(By.CSS_SELECTOR, '[data-testid="stMetric"]'):
        name = element.find_element(By.CSS_SELECTOR, '[data-testid="stMetricLabel"]').text
        if name == label:
            return element.find_element(By.CSS_SELECTOR, '[data-testid="stMetricValue"]').text
    raise AssertionError(f"no metric {label!r}")
