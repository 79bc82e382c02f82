"""Fetching over HTTP(S) with limits: size, a timeout per read, and one overall deadline.

The per-read timeout alone lets a server that trickles a byte every few seconds hold a download
for hours, so ``Tenggat`` also shuts every socket of the download when the overall deadline
passes; whatever read was waiting then returns at once and the caller gets the deadline message.
"""
from __future__ import annotations

import http.client
import json
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from .baca import batas_ukuran
from .dasar import (ATRIBUSI_GEOBOUNDARIES, GB_ID_DIPERIKSA, LISENSI_GEOBOUNDARIES, SARAN_OFFLINE, BatasError,
                    detik, satu_baris)

BATAS_WAKTU = 60.0             # overall deadline of one download (API and data), seconds
MAX_BYTES_API = 5 * 1024 * 1024


class Tenggat:
    """The overall deadline of one download. Use as a context manager (it stops its timer)."""

    def __init__(self, batas: float = BATAS_WAKTU):
        self.batas = batas
        self._akhir = time.monotonic() + batas
        self._habis = False
        self._socks: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(max(batas, 0.0), self._tutup_semua)
        self._timer.daemon = True
        self._timer.start()

    def __enter__(self) -> Tenggat:
        return self

    def __exit__(self, *exc) -> None:
        self._timer.cancel()
        with self._lock:
            for s in self._socks:
                s.close()
            self._socks.clear()

    @property
    def lewat(self) -> bool:
        return self._habis or time.monotonic() >= self._akhir

    def sisa(self) -> float:
        return max(0.0, self._akhir - time.monotonic())

    def sambung(self, address, timeout=None, source_address=None) -> socket.socket:
        """``socket.create_connection`` for http.client, remembering the socket for the deadline."""
        if isinstance(timeout, (int, float)):
            timeout = min(timeout, max(self.sisa(), 0.01))
        sock = socket.create_connection(address, timeout, source_address)
        with self._lock:
            # A duplicate: TLS detaches the original object, but shutting either ends the connection.
            self._socks.append(sock.dup())
            if self._habis:
                _shutdown(self._socks[-1])
        return sock

    def _tutup_semua(self) -> None:
        with self._lock:
            self._habis = True
            for s in self._socks:
                _shutdown(s)

    def galat(self, url: str) -> BatasError:
        return BatasError(
            f"Unduhan dari {url} belum selesai setelah {detik(self.batas)} detik (batas waktu keseluruhan), jadi "
            "dihentikan. Basis data tidak diubah. Koneksi atau servernya sangat lambat. " + SARAN_OFFLINE)


def _shutdown(s: socket.socket) -> None:
    try:
        s.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass  # already closed: nothing left to stop


def _opener(tenggat: Tenggat) -> urllib.request.OpenerDirector:
    """urllib (redirects, proxies, TLS) whose connections are made through ``tenggat.sambung``."""
    class Http(http.client.HTTPConnection):
        def __init__(self, *a, **k):
            super().__init__(*a, **k)
            self._create_connection = tenggat.sambung

    class Https(http.client.HTTPSConnection):
        def __init__(self, *a, **k):
            super().__init__(*a, **k)
            self._create_connection = tenggat.sambung

    class HttpHandler(urllib.request.HTTPHandler):
        def http_open(self, req):
            return self.do_open(Http, req)

    class HttpsHandler(urllib.request.HTTPSHandler):
        def https_open(self, req):
            return self.do_open(Https, req, context=self._context)

    return urllib.request.build_opener(HttpHandler, HttpsHandler)


def periksa_url(url: str) -> str:
    """The host of an http(s) URL, or a BatasError for a malformed one (e.g. 'http://[::1')."""
    try:
        parts = urllib.parse.urlsplit(url)
        host, _ = parts.hostname, parts.port  # .port raises for a bad port number
    except ValueError:
        host, parts = None, None
    if not host or parts.scheme.lower() not in ("http", "https"):
        raise BatasError(f"Alamat {url} tidak sah. Basis data tidak diubah. Tulis alamat lengkap, "
                         "misalnya https://contoh.id/batas.geojson.")
    return host


def _host_terjangkau(host: str, timeout: float, tenggat: Tenggat) -> None:
    """Resolve the host name with a deadline: getaddrinfo ignores socket timeouts."""
    hasil: dict = {}

    def resolve():
        try:
            hasil["ok"] = socket.getaddrinfo(host, None)
        except OSError as e:
            hasil["err"] = e

    t = threading.Thread(target=resolve, daemon=True)
    t.start()
    t.join(min(timeout, 5.0, tenggat.sisa()))
    if "ok" in hasil:
        return
    raise BatasError(
        f"Tidak dapat menghubungi {host}: nama server tidak bisa dicari (tidak ada internet atau DNS). "
        f"Basis data tidak diubah. {SARAN_OFFLINE}")


def _waktu_habis(url: str, timeout: float) -> BatasError:
    return BatasError(f"Server {url} tidak menjawab dalam {detik(timeout)} detik. Basis data tidak diubah. "
                      f"Koneksi mungkin lambat atau terputus. {SARAN_OFFLINE}")


def _galat_http(url: str, e: urllib.error.HTTPError) -> BatasError:
    if e.code == 404:
        sebab, saran = "404: berkasnya tidak ada di alamat itu", "Periksa alamatnya (mungkin sudah pindah), atau pasang dari berkas."
    elif e.code >= 500:
        sebab, saran = f"{e.code}: server sedang bermasalah", "Coba lagi nanti, atau pasang dari berkas yang diunduh di tempat lain."
    else:
        sebab, saran = f"{e.code} {e.reason}", "Periksa alamatnya, atau pasang dari berkas."
    return BatasError(f"Server {url} menjawab galat {sebab}. Basis data tidak diubah. {saran}")


def _buka(url: str, timeout: float, tenggat: Tenggat):
    _host_terjangkau(periksa_url(url), timeout, tenggat)
    req = urllib.request.Request(url, headers={"User-Agent": "pilar-kalsel/1 (+boundaries)"})
    try:
        return _opener(tenggat).open(req, timeout=timeout)
    except urllib.error.HTTPError as e:
        e.close()
        raise _galat_http(url, e) from None
    except Exception as e:
        sebab = e.reason if isinstance(e, urllib.error.URLError) and isinstance(e.reason, Exception) else e
        if tenggat.lewat:
            raise tenggat.galat(url) from None
        if isinstance(sebab, (TimeoutError, socket.timeout)):
            raise _waktu_habis(url, timeout) from None
        if isinstance(sebab, (OSError, ValueError, http.client.HTTPException)):
            raise BatasError(f"Tidak dapat menghubungi {url} ({satu_baris(sebab)}). Basis data tidak diubah. "
                             f"{SARAN_OFFLINE}") from None
        raise


def _potongan(resp, url: str, timeout: float, tenggat: Tenggat):
    """The body in pieces as they arrive (read1: a trickling server cannot make one read wait long)."""
    while True:
        try:
            chunk = resp.read1(1 << 16)
        except (OSError, ValueError, http.client.HTTPException) as e:
            if tenggat.lewat:
                raise tenggat.galat(url) from None
            if isinstance(e, (TimeoutError, socket.timeout)):
                raise _waktu_habis(url, timeout) from None
            raise BatasError(f"Unduhan dari {url} terputus ({satu_baris(e)}). Basis data tidak diubah. "
                             f"{SARAN_OFFLINE}") from None
        if tenggat.lewat:  # a socket shut at the deadline reads as the end: not a complete file
            raise tenggat.galat(url)
        if not chunk:
            return
        yield chunk


def ambil(url: str, *, timeout: float, max_bytes: int, tenggat: Tenggat, dest: Path | None = None) -> bytes | None:
    """GET ``url`` into ``dest`` (or return the body), within the size limit and both time limits."""
    resp = _buka(url, timeout, tenggat)
    out = open(dest, "wb") if dest else None
    chunks, total = [], 0
    try:
        panjang = resp.headers.get("Content-Length")
        panjang = int(panjang) if panjang and panjang.isdigit() else None
        if panjang is not None:
            batas_ukuran(url, panjang, max_bytes)
        for chunk in _potongan(resp, url, timeout, tenggat):
            total += len(chunk)
            batas_ukuran(url, total, max_bytes)
            if out:
                out.write(chunk)
            else:
                chunks.append(chunk)
        if panjang is not None and total < panjang:
            raise BatasError(f"Unduhan dari {url} terputus (baru {total} dari {panjang} bait). Basis data tidak "
                             f"diubah. {SARAN_OFFLINE}")
    finally:
        if out:
            out.close()
        resp.close()
    return None if dest else b"".join(chunks)


def metadata_geoboundaries(api_url: str, *, timeout: float, tenggat: Tenggat) -> dict:
    """From the geoBoundaries API answer: the GeoJSON URL, source, licence and attribution to record."""
    body = ambil(api_url, timeout=timeout, max_bytes=MAX_BYTES_API, tenggat=tenggat)
    try:
        info = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        info = None
    if isinstance(info, list) and len(info) == 1:
        info = info[0]
    url = (info.get("simplifiedGeometryGeoJSON") or info.get("gjDownloadURL")) if isinstance(info, dict) else None
    if not isinstance(url, str) or not url.strip():
        raise BatasError(
            f"Jawaban {api_url} bukan metadata geoBoundaries yang dikenal (tidak ada alamat unduhan "
            "simplifiedGeometryGeoJSON/gjDownloadURL). Basis data tidak diubah. Periksa alamat API-nya, atau "
            "unduh GeoJSON-nya sendiri lalu pasang dengan `python -m pilar boundaries install BERKAS`.")
    url = urllib.parse.urljoin(api_url, url.strip())
    lic, bid, sumber, tahun = (str(info.get(k) or "").strip() for k in
                               ("boundaryLicense", "boundaryID", "boundarySource", "boundaryYearRepresented"))
    igo = not lic or "IGO" in lic.upper() or "INTERGOVERNMENTAL" in lic.upper()
    licence = LISENSI_GEOBOUNDARIES if igo else lic
    if bid.startswith(GB_ID_DIPERIKSA) or (not bid and igo):
        attribution = ATRIBUSI_GEOBOUNDARIES
    else:
        attribution = (f"Batas kabupaten/kota: {sumber or 'sumber tidak disebut'}{f' ({tahun})' if tahun else ''} "
                       f"via geoBoundaries, {licence}. Dimodifikasi (disederhanakan, dipotong untuk Kalimantan Selatan).")
    source = f"geoBoundaries gbOpen {bid or 'IDN ADM2'}" + (f" ({sumber})" if sumber else "") + f": {url}"
    return {"url": url, "source": source, "licence": licence, "attribution": attribution}
