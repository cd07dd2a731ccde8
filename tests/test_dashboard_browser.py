"""The dashboard in a real browser: `news-etl dashboard` on a free port, Debian's Chromium driven by Selenium.

Every page is opened, its charts are waited for (Vega draws into a canvas or an svg), its expected text found,
the browser's console must hold no error and every resource must come from the dashboard itself (offline: no
CDN, no fonts or statistics from elsewhere). A screenshot per page goes to test-output/screenshots/. One server
and one browser serve every test of the module; nothing sleeps a fixed time (the tests poll). Chromium and
its driver are installed with apt when missing (CI runs as root on a new machine); the test is skipped, saying
why, only where apt is not there to install them."""
from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from cli_runner import cli, run_cli
from dashboard_corpus import REPO, copy_loaded, loaded_corpus

from news_etl.dashboard.browser import (
    CHROMIUM,
    DRIVER,
    chromium,
    free_port,
    screenshot_whole_page,
    start_dashboard,
    stop,
    wait_for_page,
)

SCREENSHOTS = REPO / "test-output" / "screenshots"
# page: (texts it must show, whether it draws a chart)
PAGES = {
    "overview": (["Articles by category", "Last runs", "politics", "Entity mentions"], True),
    "entities": (["Top entities by type", "Michael Howard", "Aliases", "Mentioned in the same articles"], True),
    "quotes": (["Who is quoted most", "Quotes of Michael Howard"], True),
    "amounts": (["Money by currency", "Money by entity", "Other quantities by unit", "GBP"], True),
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


@pytest.fixture(scope="module")
def loaded(tmp_path_factory, cli_env):
    """A copy of the session's loaded corpus: a test here runs the pipeline on it."""
    return copy_loaded(loaded_corpus(tmp_path_factory, cli_env), tmp_path_factory.mktemp("dashboard-browser"))


@pytest.fixture(scope="module")
def dashboard(loaded, tmp_path_factory, cli_env):
    """The URL of `news-etl dashboard` over the loaded warehouse; the server is stopped by its PID after."""
    port = free_port()
    server = start_dashboard(loaded[1], port, tmp_path_factory.mktemp("dashboard-log") / "dashboard.log", cli_env)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(server)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    ensure_chromium()
    driver = chromium(tmp_path_factory.mktemp("chromium-profile"))
    try:
        yield driver
    finally:
        driver.quit()


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
    assert metric(browser, "Articles") == "26"
    (source / "tech" / "open.txt").write_text("Shops open later in Leeds\n\nShops in Leeds will open until 10pm "
                                              "from March, the city council said on Monday.\n")
    done = run_cli([*cli("run", "--source", source, "--warehouse", warehouse, "--lake", lake, "--workers", "1")],
                   cli_env, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    browser.refresh()
    wait_for_page(browser, ["Articles by category"], True)
    assert metric(browser, "Articles") == "27"
    check_console_and_network(browser, dashboard)


def metric(driver, label: str) -> str:
    from selenium.webdriver.common.by import By

    for element in driver.find_elements(By.CSS_SELECTOR, '[data-testid="stMetric"]'):
        name = element.find_element(By.CSS_SELECTOR, '[data-testid="stMetricLabel"]').text
        if name == label:
            return element.find_element(By.CSS_SELECTOR, '[data-testid="stMetricValue"]').text
    raise AssertionError(f"no metric {label!r}")
