"""Start a Streamlit app on a free local port and drive it with Debian's Chromium.

Shared by the browser tests and by bench/. Never downloads a browser.
"""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
TIMEOUT_MS = 30_000  # first render of a plotly page in a fresh browser takes seconds


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """``streamlit run <script>`` on 127.0.0.1:<free port>, from the repo root (its .streamlit/config.toml)."""

    def __init__(self, script: Path, env: dict | None = None, log: Path | None = None, args: list[str] = ()):
        self.script, self.port = Path(script), free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        cmd = [sys.executable, "-m", "streamlit", "run", str(self.script),
               "--server.port", str(self.port), "--server.address", "127.0.0.1",
               "--server.headless", "true", "--browser.gatherUsageStats", "false", *args]
        out = open(log, "w") if log else subprocess.DEVNULL
        self.proc = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, **(env or {})},
                                     stdout=out, stderr=subprocess.STDOUT)

    def wait_healthy(self, timeout: float = 60) -> "Server":
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited with {self.proc.returncode}; log: {self.log}")
            try:
                with urllib.request.urlopen(self.url + "/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        return self
            except OSError:
                time.sleep(0.1)
        raise TimeoutError(f"{self.url} not healthy after {timeout} s; log: {self.log}")

    def rss_bytes(self) -> int:
        """Resident memory of the server process (the Python process streamlit runs in)."""
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
        return 0

    def stop(self) -> None:
        stop_process(self.proc)


def stop_process(proc: subprocess.Popen) -> None:
    """Terminate a server process; kill it if it has not stopped after 10 s."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def page_url_path(page_file: Path) -> str:
    """URL path Streamlit gives a file in pages/: '1_Peta.py' -> 'Peta'."""
    return re.sub(r"^[0-9]+[_ -]*", "", Path(page_file).stem)


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about", "chrome", "chrome-error"):
        return True
    return parts.hostname in LOCAL_HOSTS


class NetGuard:
    """Records every request of the contexts it is attached to; blocks and remembers non-local ones."""

    def __init__(self):
        self.requests: list[str] = []
        self.external: list[str] = []

    def attach(self, context) -> None:
        context.on("request", lambda r: self.requests.append(r.url))
        # WebSockets bypass routing: check their address on every page of the context.
        context.on("page", lambda p: p.on("websocket", lambda ws: self._check(ws.url)))
        context.route("**/*", self._route)

    def _check(self, url: str) -> None:
        if not is_local(url):
            self.external.append(url)

    def _route(self, route) -> None:
        url = route.request.url
        if is_local(url):
            route.continue_()
        else:
            self.external.append(url)
            route.abort("blockedbyclient")


# --- waits on what the user sees ------------------------------------------------------------

APP_IDLE = "[data-testid='stApp'][data-test-connection-state='CONNECTED'][data-test-script-state='notRunning']"


def wait_for_app(page, timeout: int = TIMEOUT_MS) -> None:
    """Connected and the script has finished (a fresh rerun request flips the state first)."""
    page.wait_for_selector(APP_IDLE, state="attached", timeout=timeout)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=timeout)


# JS: what each plotly chart on the page drew (size of its main svg, marks, canvases).
# Only charts on screen: the phone's one-column trend is sent too and hidden by CSS on a wide screen
# (and the other way round), and a hidden chart has no size to check.
_CHARTS_JS = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
    .filter(el => el.getClientRects().length > 0).map(el => {
  const svg = el.querySelector('svg.main-svg');
  const r = svg ? svg.getBoundingClientRect() : {width: 0, height: 0};
  const marks = [...el.querySelectorAll('g.trace path, g.trace rect, g.slice path')]
      .filter(p => (p.getAttribute('d') || 'x').length > 2).length;
  const canvases = [...el.querySelectorAll('canvas')].filter(c => c.width > 0 && c.height > 0).length;
  return {width: r.width, height: r.height, marks, canvases};
})"""


def charts(page) -> list[dict]:
    return page.evaluate(_CHARTS_JS)


def wait_for_charts(page, minimum: int = 1, timeout: int = TIMEOUT_MS) -> list[dict]:
    """Wait until at least ``minimum`` plotly charts exist and every one of them has drawn marks."""
    page.wait_for_function(
        "([js, n]) => { const c = eval(js)(); return c.length >= n && c.every(x => x.marks > 0 || x.canvases > 0); }",
        arg=[_CHARTS_JS, minimum], timeout=timeout)
    return charts(page)


def wait_for_first_chart(page, timeout: int = TIMEOUT_MS) -> bool:
    """Wait until one plotly chart has drawn marks (True), or the run ended with no chart (False)."""
    state = page.wait_for_function(
        """([js, idle]) => { const c = eval(js)();
             if (c.some(x => x.marks > 0 || x.canvases > 0)) return 'chart';
             if (c.length === 0 && document.querySelector(idle)
                 && !document.querySelector('[data-testid="stSkeleton"]')) return 'none'; }""",
        arg=[_CHARTS_JS, APP_IDLE], timeout=timeout)
    return state.json_value() == "chart"


# JS: bounding box of every choropleth polygon relative to its plot area.
_POLYGONS_JS = """() => [...document.querySelectorAll('g.choroplethlayer path')].map(p => {
  const plot = p.closest('svg.main-svg').getBoundingClientRect();
  const b = p.getBoundingClientRect();
  const d = p.__data__ || {};
  return {loc: String(d.loc ?? ''), w: b.width, h: b.height, x: b.x + b.width / 2, y: b.y + b.height / 2,
          fw: b.width / plot.width, fh: b.height / plot.height,
          l: (b.left - plot.left) / plot.width, t: (b.top - plot.top) / plot.height,
          r: (b.right - plot.left) / plot.width, b: (b.bottom - plot.top) / plot.height};
})"""


def polygons(page) -> list[dict]:
    """Drawn choropleth polygons: feature id, size in px and as a fraction of the plot, centre."""
    return page.evaluate(_POLYGONS_JS)


def click_polygon(page, loc: str) -> None:
    """Click the middle of the choropleth polygon with feature id ``loc`` (scrolled into view first)."""
    page.evaluate("""loc => [...document.querySelectorAll('g.choroplethlayer path')]
                     .find(p => String(p.__data__?.loc) === loc).scrollIntoView({block: 'center'})""", loc)
    p = next(p for p in polygons(page) if p["loc"] == loc)
    page.mouse.click(p["x"], p["y"])
