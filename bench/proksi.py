"""The room through nginx, as scripts/serve-forum runs it: bytes per fresh browser with and without it,
the crowd through one process and through nginx with two, and the static audience page for a crowd.

Used by ``python -m bench`` (sections 7 and 8). Without nginx the stage says why and is left out.
"""
from __future__ import annotations

import importlib.machinery
import importlib.util
import os
import subprocess
import time
import urllib.request
from pathlib import Path

from browser import harness

from bench import ramai, wsclient

ROOT = Path(__file__).resolve().parent.parent
LEMBAR = ROOT / "static" / "lembar"  # served by the dashboard at /app/static/lembar/ and by nginx from disk


def serve_forum():
    """scripts/serve-forum as a module (its config writer and nginx helpers)."""
    loader = importlib.machinery.SourceFileLoader("serve_forum", str(ROOT / "scripts" / "serve-forum"))
    spec = importlib.util.spec_from_loader("serve_forum", loader)
    mod = importlib.util.module_from_spec(spec)
    loader.exec_module(mod)
    return mod


def halaman_audiens(env: dict) -> tuple[str, str]:
    """URL path of an audience page and how it was made: the real ones (pilar.lembar.tulis_audiens on the
    bench database), else a stand-in of realistic size."""
    try:
        from pilar import lembar
        from pilar.simpanan import SIMPANAN
        os.environ.update(env)
        db = Path(env["PILAR_DB"])
        s = db.stat()
        SIMPANAN.ikuti(db, (str(db), s.st_ino, s.st_mtime_ns, s.st_size))
        paths = lembar.tulis_audiens(LEMBAR)
        besar = max(paths, key=lambda p: p.stat().st_size)
        return f"/app/static/lembar/{besar.name}", f"`static/lembar/{besar.name}` dari `pilar.lembar.tulis_audiens`"
    except Exception as e:  # the audience pages are another part's work: measure a stand-in meanwhile
        LEMBAR.mkdir(parents=True, exist_ok=True)
        f = LEMBAR / "_bench_pengganti.html"
        baris = "".join(f"<tr><td>Wilayah {i}</td><td>{i * 1234:,}</td><td>resmi</td></tr>\n" for i in range(2000))
        f.write_text(f"<!doctype html><html><body><table>{baris}</table></body></html>")
        return f"/app/static/lembar/{f.name}", f"pengganti {f.stat().st_size / 1024:.0f} KB ({type(e).__name__}: {e})"


class Nginx:
    """nginx with scripts/serve-forum's config in front of ``ports``, on a free local port."""

    def __init__(self, ports: list[int], work: Path):
        sf = serve_forum()
        self.bin = sf.nginx_bin()
        if self.bin is None:
            raise FileNotFoundError("nginx tidak terpasang (scripts/serve-forum memasangnya dari paket Debian)")
        self.prefix, port = work / "nginx", harness.free_port()
        conf = sf.tulis_konfigurasi(self.prefix, ports, f"127.0.0.1:{port}")
        cek = sf.uji_konfigurasi(self.bin, self.prefix, conf)
        if cek.returncode != 0:
            raise RuntimeError(f"nginx -t: {cek.stderr.strip()}")
        self.url = f"http://127.0.0.1:{port}"
        self.proc = subprocess.Popen([self.bin, "-p", str(self.prefix), "-c", str(conf)], stdout=subprocess.DEVNULL,
                                     stderr=open(self.prefix / "logs" / "nginx.log", "w"))
        end = time.monotonic() + 30
        while time.monotonic() < end:
            try:
                with urllib.request.urlopen(self.url + "/_stcore/health", timeout=2):
                    return
            except OSError:
                time.sleep(0.2)
        raise TimeoutError(f"nginx on {self.url} did not answer")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(10)


def tahap(env: dict, work: Path, page_view, app_args, n: int = 300, log=print) -> dict:
    """The proxy stage; ``page_view(browser, url)`` measures a fresh browser (bench.__main__)."""
    out = {"n": n}
    if serve_forum().nginx_bin() is None:
        log("proxy: left out: nginx is not installed (scripts/serve-forum installs it)")
        return {"skip": "nginx tidak terpasang (scripts/serve-forum memasangnya dari paket Debian)"}
    backends = [harness.Server(ROOT / "dashboard.py", env=env, args=list(app_args)) for _ in range(2)]
    proxy = None
    try:
        for b in backends:
            b.wait_healthy()
            wsclient.crowd(b.url, 1)  # every process warm, as scripts/serve-forum leaves them
        try:
            proxy = Nginx([b.port for b in backends], work)
        except (FileNotFoundError, RuntimeError, TimeoutError) as e:
            log(f"proxy: left out: {e}")
            return {"skip": str(e)}
        out["bytes"] = _bytes(page_view, {"tanpa nginx (1 proses)": backends[0].url, "lewat nginx": proxy.url})
        for k, v in out["bytes"].items():
            log(f"fresh browser {k}: HTTP {v['http_bytes'] / 1024:,.0f} KB, websocket {v['ws_bytes'] / 1024:,.1f} KB")
        rss_dua = lambda: sum(b.rss_bytes() for b in backends)  # noqa: E731
        out["crowd"] = ramai.crowds({"1 proses": (backends[0].url, backends[0].rss_bytes),
                                     "nginx + 2 proses": (proxy.url, rss_dua)}, (n,), cookie=ramai.COOKIE, log=log)
        path, out["lembar_asal"] = halaman_audiens(env)
        out["lembar"] = ramai.fetches({"dasbor (Streamlit, 1 proses)": backends[0].url + path,
                                       "nginx (dari disk)": proxy.url + path}, n, log=log)
        return out
    finally:
        if proxy:
            proxy.stop()
        for b in backends:
            b.stop()


def _bytes(page_view, urls: dict[str, str]) -> dict:
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        browser = harness.launch(pw)
        try:
            return {k: page_view(browser, url + "/") for k, url in urls.items()}
        finally:
            browser.close()
