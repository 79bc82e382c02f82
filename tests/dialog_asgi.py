"""A tiny ASGI client for the phone routes (no httpx here): one request in, status, headers and body out."""
from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit

from starlette.applications import Starlette

from pilar.dialog.ponsel import RUTE

APP = Starlette(routes=RUTE)


@dataclass
class Jawaban:
    status: int
    headers: dict
    teks: str


@dataclass
class Ponsel:
    """One phone: its address and its cookies, kept between requests."""
    alamat: str = "10.1.1.1"
    kue: dict = field(default_factory=dict)

    def minta(self, metode: str, url: str, data: dict | None = None, headers: dict | None = None) -> Jawaban:
        parts = urlsplit(url)
        body = urlencode(data).encode() if data is not None else b""
        h = {"host": "forum.test", **(headers or {})}
        if data is not None:
            h["content-type"] = "application/x-www-form-urlencoded"
        if self.kue:
            h["cookie"] = "; ".join(f"{k}={v}" for k, v in self.kue.items())
        scope = {"type": "http", "http_version": "1.1", "method": metode, "path": parts.path, "raw_path": parts.path.encode(),
                 "query_string": parts.query.encode(), "root_path": "", "scheme": "http",
                 "headers": [(k.lower().encode(), v.encode()) for k, v in h.items()],
                 "client": (self.alamat, 50000), "server": ("forum.test", 80)}
        keluar: list[dict] = []
        masuk = [{"type": "http.request", "body": body, "more_body": False}]

        async def receive():
            return masuk.pop(0) if masuk else {"type": "http.disconnect"}

        async def send(msg):
            keluar.append(msg)

        # a thread of its own: after the browser tests, Playwright's loop runs in this one
        import concurrent.futures
        with concurrent.futures.ThreadPoolExecutor(1) as ex:
            ex.submit(asyncio.run, APP(scope, receive, send)).result()
        awal = next(m for m in keluar if m["type"] == "http.response.start")
        headers_out: dict = {}
        for k, v in awal["headers"]:
            headers_out.setdefault(k.decode().lower(), []).append(v.decode())
        for c in headers_out.get("set-cookie", []):
            nama, nilai = c.split(";", 1)[0].split("=", 1)
            self.kue[nama] = nilai
        teks = b"".join(m.get("body", b"") for m in keluar if m["type"] == "http.response.body").decode()
        return Jawaban(awal["status"], {k: v[0] for k, v in headers_out.items()}, teks)

    def get(self, url: str, **kw) -> Jawaban:
        return self.minta("GET", url, **kw)

    def post(self, url: str, data: dict, **kw) -> Jawaban:
        return self.minta("POST", url, data, **kw)


def token(html: str) -> str:
    return re.search(r'name="token" value="([^"]+)"', html).group(1)


def kirim(hp: Ponsel, fid: int, teks: str, kab="6304", pihak="psm", jenis="pertanyaan", nama="") -> Jawaban:
    """Open the form as a phone does, fill it in, send it."""
    t = token(hp.get(f"/forum/{fid}?kab={kab}").teks)
    return hp.post(f"/forum/{fid}", {"token": t, "kab": kab, "pihak": pihak, "jenis": jenis, "teks": teks, "nama": nama})
