"""The door in front of Streamlit's own routes (ASGI middleware, installed by ``server.py``).

- ``/_stcore/upload_file/...`` takes a file only from a session logged in as admin, from the client
  that logged in (``pilar.admin.sesi_admin``). Streamlit accepts an upload from any session, on any
  page, and keeps it in memory while the session lives: a visitor could fill the server's memory.
- Files whose name starts with a dot under ``/app/static/`` (the audience pages' version stamp, an
  editor's leftovers) are never served.
Both refusals are short plain text in Bahasa Indonesia; nothing of the request is echoed.
"""
from __future__ import annotations

from . import admin

UNGGAH = "/_stcore/upload_file/"
STATIS = "/app/static/"


def _klien(scope) -> str:
    peer = (scope.get("client") or (None,))[0]
    headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers") or []}
    return admin.alamat_klien(peer or "127.0.0.1", headers)


def _sesi_unggah(path: str) -> str | None:
    bagian = path.split(UNGGAH, 1)[1].split("/") if UNGGAH in path else []
    return bagian[0] if bagian and bagian[0] else None


def ditolak(scope) -> tuple[int, str] | None:
    """(status, message) when this request is refused, else None."""
    path = scope.get("path") or ""
    if scope.get("type") != "http":
        return None
    if UNGGAH in path and scope.get("method") not in ("OPTIONS",):
        if not admin.sesi_admin(_sesi_unggah(path), _klien(scope), perpanjang=False):
            return 403, "Unggah berkas hanya untuk admin yang sudah masuk dari komputer ini."
    if STATIS in path and any(b.startswith(".") for b in path.split(STATIS, 1)[1].split("/")):
        return 404, "Tidak ditemukan."
    return None


class Pintu:
    """ASGI middleware: refuses what ``ditolak`` names before Streamlit reads a byte of the body."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        tolak = ditolak(scope)
        if tolak is None:
            await self.app(scope, receive, send)
            return
        status, pesan = tolak
        body = pesan.encode("utf-8")
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                                (b"content-length", str(len(body)).encode()), (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})
