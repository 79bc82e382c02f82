"""The phone page: a plain HTML form served beside the dashboard (Starlette routes in ``server.py``).

Why not a Streamlit page: a Streamlit page is megabytes of JavaScript and a websocket per phone; this page is
a few kilobytes, works with JavaScript off, and one POST stores one item. Inline CSS only, no external
resource, a strict CSP, every value HTML-escaped.

- The form carries a random token signed with the store's key (``simpan.kunci``): the token is the
  idempotency key (the same form sent twice is stored once) and only forms this server handed out are taken.
  A POST whose ``Origin`` names another host is refused (no cross-site submissions).
- The rate limit counts stored items per client address (``admin.alamat_klien``: nginx's ``X-Pilar-Klien``)
  over the last minute, in the store itself, so it holds across the dashboard processes.
- Votes: one per phone per approved item, the phone known by a random cookie (docs/DIALOG.md says what that
  does not prevent).
"""
from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import sqlite3
from html import escape
from urllib.parse import parse_qs, urlsplit

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from .. import admin
from . import aturan, simpan
from .aturan import JENIS, PIHAK, Tolak

ENV_PER_MENIT = "PILAR_DIALOG_PER_MENIT"
PER_MENIT = 10        # items per client address per minute (a NAT'd venue network: raise it, docs/DIALOG.md)
MAKS_BADAN = 16_384   # bytes of a form body: 1,000 characters of any script fit several times
KUE = "pilar_ponsel"
CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'self'; "
       "frame-ancestors 'none'; base-uri 'none'")
CSS = ("body{font:16px/1.4 sans-serif;margin:0 auto;max-width:34em;padding:.8em;color:#222}"
       "h1{font-size:1.25em;color:#1f4e79;margin:.2em 0}label{display:block;margin:.7em 0 .2em;font-weight:bold}"
       "select,textarea,input{width:100%;box-sizing:border-box;font:inherit;padding:.45em}"
       "textarea{height:9em}button{margin-top:1em;width:100%;padding:.7em;font:inherit;font-weight:bold;"
       "background:#1f4e79;color:#fff;border:0;border-radius:4px}.pesan{background:#fde2e1;padding:.6em;"
       "border-left:4px solid #b00}.ok{background:#e3f4e3;padding:.6em;border-left:4px solid #2a7}"
       "fieldset{border:0;padding:0}fieldset label{display:inline;font-weight:normal;margin-right:1em}"
       "fieldset input{width:auto}.item{border-bottom:1px solid #ccc;padding:.5em 0;white-space:pre-wrap}"
       ".item button{width:auto;margin:.3em 0 0;padding:.3em .8em}small{color:#555}")


def per_menit() -> int:
    try:
        return max(1, int(os.environ.get(ENV_PER_MENIT, PER_MENIT)))
    except ValueError:
        return PER_MENIT


def token_baru(forum_id: int, kunci: bytes) -> str:
    acak = secrets.token_hex(16)
    return f"{acak}.{_tanda(forum_id, acak, kunci)}"


def _tanda(forum_id: int, acak: str, kunci: bytes) -> str:
    return hmac.new(kunci, f"{forum_id}:{acak}".encode(), hashlib.sha256).hexdigest()[:32]


def token_sah(forum_id: int, token: str, kunci: bytes) -> bool:
    acak, _, tanda = str(token).partition(".")
    return (len(acak) == 32 and all(c in "0123456789abcdef" for c in acak)
            and hmac.compare_digest(tanda, _tanda(forum_id, acak, kunci)))


# ---------------------------------------------------------------- HTML

def _halaman(judul: str, isi: str) -> str:
    return (f'<!doctype html><html lang="id"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width,initial-scale=1">'
            f"<title>{escape(judul)}</title><style>{CSS}</style></head><body>{isi}</body></html>")


def _pilihan(nama: str, pilihan: dict, terpilih, kosong: str) -> str:
    opsi = [f'<option value="">{escape(kosong)}</option>'] + [
        f'<option value="{escape(str(k))}"{" selected" if str(k) == str(terpilih) else ""}>{escape(v)}</option>'
        for k, v in pilihan.items()]
    return f'<select name="{nama}" id="{nama}" required>{"".join(opsi)}</select>'


def html_form(f: dict, token: str, nilai: dict | None = None, pesan: str | None = None) -> str:
    """The form of forum ``f``, prefilled from ``nilai`` (the QR code's ``kab``, or what was sent)."""
    v = nilai or {}
    jenis = v.get("jenis") or "pertanyaan"
    radio = "".join(f'<label><input type="radio" name="jenis" value="{k}"{" checked" if k == jenis else ""}>'
                    f"{escape(lbl)}</label>" for k, lbl in JENIS.items())
    isi = (f"<h1>{escape(aturan.tampil(f['nama']))}</h1><small>{escape(f['tanggal'])} "
           f"{escape(aturan.tampil(f['tempat']))}</small>"
           + (f'<p class="pesan" role="alert">{escape(pesan)}</p>' if pesan else "")
           + f'<form method="post" action="/forum/{int(f["id"])}">'
           f'<input type="hidden" name="token" value="{escape(token)}">'
           f'<label for="kab">Kabupaten/kota</label>{_pilihan("kab", aturan.wilayah(), v.get("kab"), "— pilih —")}'
           f'<label for="pihak">Berbicara atas nama</label>{_pilihan("pihak", PIHAK, v.get("pihak"), "— pilih —")}'
           f"<label>Jenis</label><fieldset>{radio}</fieldset>"
           f'<label for="teks">Tulis (paling banyak {aturan.MAKS_TEKS} karakter)</label>'
           f'<textarea name="teks" id="teks" maxlength="{aturan.MAKS_TEKS}" required>{escape(v.get("teks", ""))}</textarea>'
           f'<label for="nama">Nama (boleh dikosongkan)</label>'
           f'<input name="nama" id="nama" maxlength="{aturan.MAKS_NAMA}" value="{escape(v.get("nama", ""))}">'
           f"<small>Jangan menulis NIK, nomor telepon atau data pribadi lain.</small>"
           f'<button type="submit">Kirim</button></form>'
           f'<p><a href="/forum/{int(f["id"])}/pilih">Dukung masukan yang sudah disetujui</a></p>')
    return _halaman("Masukan forum", isi)


def html_terkirim(f: dict, masukan_id: int, v: dict) -> str:
    lagi = f"/forum/{int(f['id'])}?kab={escape(str(v.get('kab', '')))}&amp;pihak={escape(str(v.get('pihak', '')))}"
    return _halaman("Terkirim", f'<p class="ok" role="status"><b>Terkirim.</b> Terima kasih; masukan Anda '
                                f"(nomor {int(masukan_id)}) akan dibaca moderator sebelum tampil di layar.</p>"
                                f'<p><a href="{lagi}">Kirim masukan lain</a></p>'
                                f'<p><a href="/forum/{int(f["id"])}/pilih">Dukung masukan yang sudah disetujui</a></p>')


def html_pesan(judul: str, pesan: str) -> str:
    return _halaman(judul, f"<h1>{escape(judul)}</h1><p>{escape(pesan)}</p>")


def html_pilih(f: dict, items: list[dict], pesan: str | None = None) -> str:
    baris = "".join(
        f'<div class="item"><small>{escape(aturan.wilayah().get(m["kode_bps"], ""))} · {escape(JENIS[m["jenis"]])} · '
        f'{int(m["suara"])} dukungan</small><br>{escape(aturan.tampil(m["teks"]))}'
        f'<form method="post" action="/forum/{int(f["id"])}/pilih"><input type="hidden" name="id" value="{int(m["id"])}">'
        f'<button type="submit">Dukung</button></form></div>' for m in items)
    isi = (f"<h1>{escape(aturan.tampil(f['nama']))}</h1>"
           + (f'<p class="ok" role="status">{escape(pesan)}</p>' if pesan else "")
           + (baris or "<p>Belum ada masukan yang disetujui.</p>")
           + f'<p><a href="/forum/{int(f["id"])}">Kirim masukan</a></p>')
    return _halaman("Dukung masukan", isi)


# ---------------------------------------------------------------- handlers

def _jawab(html: str, status: int = 200, kue: str | None = None) -> Response:
    r = HTMLResponse(html, status_code=status, headers={
        "Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
        "Cache-Control": "no-store", "X-Frame-Options": "DENY"})
    if kue:
        r.set_cookie(KUE, kue, max_age=2 * 86400, path="/forum", httponly=True, samesite="lax")
    return r


def _klien(request: Request) -> str:
    return admin.alamat_klien(request.client.host if request.client else None, request.headers)


def _dari_situs_lain(request: Request) -> bool:
    asal = request.headers.get("origin")
    return bool(asal) and asal != "null" and urlsplit(asal).netloc != request.headers.get("host", "")


async def _badan(request: Request) -> dict[str, str] | None:
    """The urlencoded form fields (first value each), or None when the body is too large."""
    data = b""
    async for potong in request.stream():
        data += potong
        if len(data) > MAKS_BADAN:
            return None
    return {k: v[0] for k, v in parse_qs(data.decode("utf-8", "replace"), keep_blank_values=True).items()}


def _forum_untuk(request: Request) -> dict | None:
    fid = request.path_params.get("fid")
    return simpan.forum_terbuka() if fid is None else simpan.forum(fid)


def _kue(request: Request) -> tuple[str, str | None]:
    """This phone's id from its cookie, or a new one to set."""
    ada = request.cookies.get(KUE, "")
    if len(ada) == 32 and all(c in "0123456789abcdef" for c in ada):
        return ada, None
    baru = secrets.token_hex(16)
    return baru, baru


def _get_form(request: Request) -> Response:
    try:
        f = _forum_untuk(request)
    except Tolak as e:
        return _jawab(html_pesan("Forum tidak ditemukan", e.pesan), 404)
    if f is None:
        return _jawab(html_pesan("Belum ada forum", "Belum ada forum yang dibuka. Coba lagi saat forum dimulai."), 404)
    if f["ditutup"]:
        return _jawab(html_pesan("Forum ditutup", "Forum ini sudah ditutup; masukan tidak lagi diterima."), 410)
    nilai = {k: request.query_params.get(k, "") for k in ("kab", "pihak", "jenis")}
    _, kue = _kue(request)
    return _jawab(html_form(f, token_baru(f["id"], simpan.kunci()), nilai), kue=kue)


def _post_form(request: Request, v: dict | None) -> Response:
    try:
        f = _forum_untuk(request)
    except Tolak as e:
        return _jawab(html_pesan("Forum tidak ditemukan", e.pesan), 404)
    if v is None:
        return _jawab(html_pesan("Tidak terkirim", "Kiriman terlalu besar; tidak ada yang disimpan."), 413)
    if _dari_situs_lain(request):
        return _jawab(html_pesan("Tidak terkirim", "Formulir ini dikirim dari situs lain; tidak disimpan."), 403)
    token = v.get("token", "")
    kunci = simpan.kunci()
    if not token_sah(f["id"], token, kunci):
        return _jawab(html_form(f, token_baru(f["id"], kunci), v, "Formulir tidak dikenal atau kedaluwarsa; "
                                "periksa isinya lalu kirim lagi."), 400)
    try:
        k = aturan.periksa(v.get("kab"), v.get("pihak"), v.get("jenis"), v.get("teks"), v.get("nama"))
        mid, _ = simpan.kirim(f["id"], token, k, _klien(request), per_menit())
    except Tolak as e:
        return _jawab(html_form(f, token, v, e.pesan), 429 if "Terlalu banyak" in e.pesan else 400)
    return _jawab(html_terkirim(f, mid, v))


def _pilih(request: Request, v: dict | None) -> Response:
    try:
        f = simpan.forum(request.path_params["fid"])
    except Tolak as e:
        return _jawab(html_pesan("Forum tidak ditemukan", e.pesan), 404)
    ponsel, kue = _kue(request)
    pesan, status = None, 200
    if v is not None or request.method == "POST":
        if v is None or _dari_situs_lain(request):
            return _jawab(html_pesan("Tidak tercatat", "Kiriman ini tidak diterima."), 403)
        if kue:  # no cookie came back: a vote could not be told from this phone's next one
            pesan, status = "Dukungan belum tercatat: izinkan cookie untuk halaman ini, lalu coba lagi.", 400
        else:
            try:
                baru = simpan.suara(int(v.get("id", "0")) if v.get("id", "").isdigit() else 0, ponsel)
                pesan = "Dukungan tercatat." if baru else "Anda sudah mendukung masukan ini."
            except Tolak as e:
                pesan, status = e.pesan, 400
    items = simpan.pilih(f["id"], status="disetujui")
    return _jawab(html_pilih(f, items, pesan), status, kue=kue)


async def _aman(fn, *args) -> Response:
    """Run a handler off the event loop (SQLite waits must not stall the dashboard); a store that cannot be
    used is one line, never a traceback. Sending the same form again is safe: its token stores it once."""
    try:
        return await run_in_threadpool(fn, *args)
    except (sqlite3.Error, OSError):
        return _jawab(html_pesan("Belum terkirim", "Server sedang sibuk; tekan Kirim sekali lagi sebentar lagi."), 503)


async def form(request: Request) -> Response:
    if request.method == "POST":
        return await _aman(_post_form, request, await _badan(request))
    return await _aman(_get_form, request)


async def pilih(request: Request) -> Response:
    return await _aman(_pilih, request, await _badan(request) if request.method == "POST" else None)


RUTE = [Route("/forum", form, methods=["GET"]),
        Route("/forum/{fid:int}", form, methods=["GET", "POST"]),
        Route("/forum/{fid:int}/pilih", pilih, methods=["GET", "POST"])]
