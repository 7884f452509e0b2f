"""The app served on a free loopback port in a thread, and Debian's headless Chromium driven by Selenium (never a
downloaded browser). Used by tests/test_web_browser.py and benchmarks/web.py."""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic", "--window-size=1400,1100",
)  # fmt: skip


def chromium_missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    for path in (CHROMIUM, CHROMEDRIVER):
        if not Path(path).exists():
            return f"{path} is not installed (apt-get install chromium chromium-driver)"
    return None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def served(app: object) -> Iterator[str]:
    """The app served by uvicorn on 127.0.0.1 in a thread; yields its base URL."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))  # type: ignore[arg-type]
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def chromium() -> Iterator[object]:
    """A Selenium driver of headless Chromium with a fresh profile in a temporary folder."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must not look for drivers on the network
    profile = tempfile.mkdtemp(prefix="newsgraph-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def wait_for(driver: object, script: str, timeout: float = 20.0) -> object:
    """Poll a JavaScript expression until it is truthy; return its value."""
    deadline = time.monotonic() + timeout
    while True:
        value = driver.execute_script(f"return {script};")  # type: ignore[attr-defined]
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"waited {timeout} s for: {script}")
        time.sleep(0.05)


def click_edge(driver: object, source: str, target: str) -> None:
    """A real mouse click at the rendered midpoint of the source -> target edge of the page's network."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    # a point of the edge where no other node or edge lies on top (the renderer's own hit test); else its midpoint
    point = driver.execute_script(  # type: ignore[attr-defined]
        "const cy = window.newsgraph.cy; const e = cy.edges().filter(e => e.data('source') === arguments[0] && "
        "e.data('target') === arguments[1]); if (!e.length) return null; const edge = e[0]; "
        "const a = edge.renderedSourceEndpoint(), m = edge.renderedMidpoint(), b = edge.renderedTargetEndpoint(); "
        "const at = (t) => t < 0.5 ? [a.x + (m.x - a.x) * 2 * t, a.y + (m.y - a.y) * 2 * t] "
        "                          : [m.x + (b.x - m.x) * (2 * t - 1), m.y + (b.y - m.y) * (2 * t - 1)]; "
        "const r = cy.renderer(); const zoom = cy.zoom(), pan = cy.pan(); "
        "for (const t of [0.5, 0.42, 0.58, 0.35, 0.65, 0.28, 0.72]) { const [x, y] = at(t); "
        "  const hit = r.findNearestElement ? r.findNearestElement((x - pan.x) / zoom, (y - pan.y) / zoom, true) : null; "
        "  if (!r.findNearestElement || (hit && hit.id() === edge.id())) return [x, y]; } "
        "return [m.x, m.y];", source, target)  # fmt: skip
    if point is None:
        raise AssertionError(f"no edge {source} -> {target} in the network")
    canvas = driver.find_element(By.ID, "network")  # type: ignore[attr-defined]
    size = canvas.size
    ActionChains(driver).move_to_element_with_offset(  # type: ignore[arg-type]
        canvas, int(point[0] - size["width"] / 2), int(point[1] - size["height"] / 2)
    ).click().perform()
