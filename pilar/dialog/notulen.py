"""The minutes of a forum: who was present, every approved item grouped by unit and kind, the responses so
far, and each unit's key figures as they stood on the forum's date. One content (``konten``) for the PDF
(Typst, ``notulen.typ``: texts arrive as JSON strings, never markup) and the XLSX (sheet "Keterangan" first).

The items come from the dialog store (SQLite), the figures from the DuckDB file (``pilar.profil``): the
minutes read both, neither writes.
"""
from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pandas as pd

from .. import ekspor_xlsx, profil, tampilan, ukuran
from .. import format as fmt
from .aturan import JENIS, PIHAK, TINDAK, tampil, wilayah
from . import simpan

TEMPLATE = Path(__file__).with_name("notulen.typ")
KARTU = ukuran.PILAR + ("kpm_pkh",)
KOLOM_TABEL = ("id", "forum_id", "kode_bps", "wilayah", "pihak", "jenis", "teks", "teks_asli", "nama", "waktu",
               "status", "gabung_ke", "suara", "pemilik", "status_tindak", "tanggapan", "tindak_waktu")
TEKS_KOLOM = ("wilayah", "teks", "teks_asli", "nama", "pemilik", "tanggapan")


def tabel(forum_id: int, status=None, aman: bool = True) -> pd.DataFrame:
    """Every item of the forum (or those of ``status``), one row each, in the store's words.
    ``aman``: texts made visible as text (control and direction characters shown as <U+…>)."""
    rows = simpan.pilih(forum_id, status=status)
    nama = wilayah()
    df = pd.DataFrame([{**r, "wilayah": nama.get(r["kode_bps"], "")} for r in rows], columns=list(KOLOM_TABEL))
    df = df.sort_values("id", kind="stable").reset_index(drop=True)
    if aman:
        for k in TEKS_KOLOM:
            df[k] = df[k].map(lambda s: tampil(s) if isinstance(s, str) else s)
    return df


def kuartal_forum(tanggal: str) -> str | None:
    """The latest data quarter on or before the forum's date (None: no data that old)."""
    d = dt.date.fromisoformat(tanggal)
    q = f"{d.year}-Q{(d.month - 1) // 3 + 1}"
    ada = sorted(k for k in tampilan.kuartal_data() if k <= q)
    return ada[-1] if ada else None


def angka_unit(kode: int, kuartal: str | None, lang: str = "id") -> list[dict]:
    """The unit's seven pillar counts and KPM as they stood in ``kuartal`` (label, value, period, status)."""
    if kuartal is None:
        return []
    p = profil.susun(kode, kuartal, lang)
    return [{"label": b.label, "nilai": b.teks, "periode": b.periode, "status": b.status or ""}
            for b in (p.baris_ukuran(k) for k in KARTU)]


def _item(m: dict) -> dict:
    return {"id": str(m["id"]), "teks": tampil(m["teks"]), "pihak": PIHAK.get(m["pihak"], m["pihak"]),
            "nama": tampil(m["nama"] or ""), "suara": str(m["suara"]),
            "tindak": TINDAK.get(m["status_tindak"] or "", "belum ada tindak lanjut"),
            "pemilik": tampil(m["pemilik"] or ""), "tanggapan": tampil(m["tanggapan"] or ""),
            "tindak_waktu": (m["tindak_waktu"] or "")[:10]}


def konten(forum_id: int, lang: str = "id") -> dict:
    """Everything the minutes say, as text (numbers already formatted)."""
    f = simpan.forum(forum_id)
    nama = wilayah()
    hadir = [int(k) for k in f["hadir"].split(",") if k]
    items = simpan.pilih(forum_id, status="disetujui")
    kuartal = kuartal_forum(f["tanggal"])
    unit = []
    for kode in sorted(set(hadir) | {m["kode_bps"] for m in items}):
        mine = [m for m in items if m["kode_bps"] == kode]
        unit.append({"nama": nama.get(kode, str(kode)), "kode": str(kode), "angka": angka_unit(kode, kuartal, lang),
                     "jenis": [{"nama": lbl, "item": [_item(m) for m in mine if m["jenis"] == j]}
                               for j, lbl in JENIS.items() if any(m["jenis"] == j for m in mine)]})
    return {"judul": "Notulen forum dialog", "nama": tampil(f["nama"]), "tanggal": fmt.tanggal(f["tanggal"], lang),
            "tempat": tampil(f["tempat"]), "hadir": [nama.get(k, str(k)) for k in hadir],
            "periode": (f"Angka sampai {fmt.periode(kuartal, lang)} (triwulan tanggal forum atau sebelumnya)"
                        if kuartal else "Belum ada angka sampai tanggal forum."),
            "jumlah": f"{len(items)} masukan disetujui", "unit": unit,
            "dicetak": "Dicetak " + fmt.waktu(dt.datetime.now(dt.timezone.utc), lang)}


def pdf(forum_id: int, lang: str = "id") -> bytes:
    """The minutes as a PDF (as many A4 pages as it takes)."""
    import typst
    from ..lembar.cetak import FONT_DIRS, LembarError

    data = json.dumps(konten(forum_id, lang), ensure_ascii=False)
    try:
        return typst.compile(str(TEMPLATE), sys_inputs={"data": data}, font_paths=FONT_DIRS)
    except Exception as e:  # typst raises its own error types
        raise LembarError(f"Typst tidak dapat menyusun notulen: {e}") from e


def xlsx(forum_id: int, lang: str = "id") -> bytes:
    """The minutes as a workbook: "Keterangan", the approved items ("Data"), and the unit figures ("Angka")."""
    from openpyxl import load_workbook

    k = konten(forum_id, lang)
    df = tabel(forum_id, status="disetujui")
    buku = ekspor_xlsx.xlsx_bytes(
        df, judul=f"{k['judul']}: {k['nama']}", periode=f"{k['tanggal']}. {k['periode']}",
        wilayah=", ".join(k["hadir"]) or "-", sumber=["Masukan peserta forum (penyimpanan dialog)"], lang=lang)
    wb = load_workbook(io.BytesIO(buku))
    ws = wb.create_sheet("Angka")
    ws.append(["kode_bps", "wilayah", "angka", "nilai", "periode", "status"])
    for u in k["unit"]:
        for a in u["angka"]:
            ws.append([int(u["kode"])] + [ekspor_xlsx.sel(x) for x in (u["nama"], a["label"], a["nilai"], a["periode"],
                                                                        a["status"])])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
