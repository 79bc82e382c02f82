"""What became of a unit's forum items, for the profile, the fact sheet and the audience page.

Only items that got a follow-up (an owner and a status) are listed: "open" while received or being acted
on, "done" when finished or declined. ``versi`` changes with every follow-up step, so the audience pages
are rewritten then, and not at every phone's message during a forum.
"""
from __future__ import annotations

import sqlite3

from . import simpan
from .aturan import JENIS, TINDAK, TINDAK_TERBUKA, tampil

MAKS = 20  # lines per list: a fact sheet stays one page


def _baris(m: dict, forum: dict) -> str:
    tanggapan = f": {m['tanggapan']}" if m["tanggapan"] else ""
    return tampil(f"{forum.get(m['forum_id'], '')} · {JENIS[m['jenis']]}: {m['teks']} — {TINDAK[m['status_tindak']]} "
                  f"({m['pemilik']}, {(m['tindak_waktu'] or '')[:10]}){tanggapan}")


def unit(kode: int | None) -> dict[str, list[str]]:
    """{"terbuka": [...], "selesai": [...]}: one line per followed-up item of unit ``kode`` (None: all)."""
    try:
        items = [m for m in simpan.pilih(status="disetujui", kode=kode) if m["status_tindak"]]
        forum = {f["id"]: f"{f['tanggal']} {f['nama']}" for f in simpan.daftar_forum()}
    except sqlite3.Error:  # a store that cannot be read: the sheet goes without this part
        return {"terbuka": [], "selesai": []}
    items.sort(key=lambda m: m["tindak_waktu"] or "", reverse=True)
    return {"terbuka": [_baris(m, forum) for m in items if m["status_tindak"] in TINDAK_TERBUKA][:MAKS],
            "selesai": [_baris(m, forum) for m in items if m["status_tindak"] not in TINDAK_TERBUKA][:MAKS]}


def versi() -> int:
    """The last follow-up step's number (0: none, or no store)."""
    if not simpan.ada():
        return 0
    try:
        with simpan.koneksi() as con:
            return con.execute("SELECT coalesce(max(id), 0) FROM tindak").fetchone()[0]
    except sqlite3.Error:
        return 0
