"""The room through nginx, as scripts/serve-forum runs it: bytes per fresh browser with and without it,
the crowd through one process and through nginx with two, and the static audience page for a crowd.

Used by ``python -m bench`` (sections 7 and 8). Without nginx the stage says why and is left out.
"""
from __future__ import annotations

import importlib.machinery
import importlib.util
import os
import shutil
import subprocess
from pathlib import Path

from browser import harness

from bench import ramai, wsclient

ROOT = Path(__file__).resolve().parent.parent


def serve_forum():
    """scripts/serve-forum as a module (its config writer and nginx helpers)."""
    loader = importlib.machinery.SourceFileLoader("serve_forum", str(ROOT / "scripts" / "serve-forum"))
    spec = importlib.util.spec_from_loader("serve_forum", loader)
    mod = importlib.util.module_from_spec(spec)
    loader.exec_module(mod)
    return mod


def halaman_audiens(env: dict) -> tuple[str, str]:
    """URL path of the largest audience page written for the bench database, and where it came from.
    Written as the dashboard writes them (with their version stamp), so a dashboard serving another
    database rewrites them on its next visit."""
    from pilar import lembar
    from pilar.lembar.cli import ikuti_basis_data
    os.environ.update(env)
    ikuti_basis_data()
    d = lembar.pastikan_audiens(lembar.DIREKTORI_AUDIENS)
    disajikan = serve_forum().direktori_audiens()  # root: nginx's workers read their own copy
    if disajikan != d:
        for f in d.glob("*.html"):
            shutil.copy2(f, disajikan / f.name)
    besar = max(d.glob("*.html"), key=lambda p: p.stat().st_size)
    return f"/app/static/lembar/{besar.name}", f"`static/lembar/{besar.name}` dari `pilar.lembar.tulis_audiens`"


class Nginx:
    """nginx with scripts/serve-forum's config in front of ``ports``, on a free local port."""

    def __init__(self, ports: list[int], work: Path):
        sf = serve_forum()
        self.bin = sf.nginx_bin()
        self.prefix, port = work / "nginx", harness.free_port()
        conf = sf.tulis_konfigurasi(self.prefix, ports, f"127.0.0.1:{port}")
        cek = sf.uji_konfigurasi(self.bin, self.prefix, conf)
        if cek.returncode != 0:
            raise RuntimeError(f"nginx -t: {cek.stderr.strip()}")
        self.url = f"http://127.0.0.1:{port}"
        with open(self.prefix / "logs" / "nginx.log", "w") as err:
            self.proc = subprocess.Popen([self.bin, "-p", str(self.prefix), "-c", str(conf)],
                                         stdout=subprocess.DEVNULL, stderr=err)
        try:
            sf.tunggu_sehat(self.url, self.proc, timeout=30, nama="nginx")
        except sf.Gagal as e:
            self.stop()
            raise RuntimeError(str(e)) from None

    def stop(self) -> None:
        harness.stop_process(self.proc)


def tahap(env: dict, work: Path, page_view, app_args, n: int = 300, log=print) -> dict:
    """The proxy stage; ``page_view(browser, url)`` measures a fresh browser (bench.__main__)."""
    out = {"n": n}
    if serve_forum().nginx_bin() is None:
        log("proxy: left out: nginx is not installed (scripts/serve-forum installs it)")
        return {"skip": "nginx tidak terpasang (scripts/serve-forum memasangnya dari paket Debian)"}
    backends = [harness.Server(ROOT / "server.py", env=env, args=list(app_args)) for _ in range(2)]
    proxy = None
    try:
        for b in backends:
            b.wait_healthy()
            wsclient.crowd(b.url, 1)  # every process warm, as scripts/serve-forum leaves them
        try:
            proxy = Nginx([b.port for b in backends], work)
        except RuntimeError as e:
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
