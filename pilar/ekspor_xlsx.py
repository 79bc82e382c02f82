"""Tables as Excel workbooks (openpyxl): a sheet saying what the table is, then the data.

Sheet 1 ("Keterangan"): title, sources, period, filter, the definitions of the measures the table
shows (from the measure catalog), the status legend and when it was printed.
Sheet 2 ("Data"): the frame as it is, header row bold and frozen. Numbers are stored as numbers,
with a number format carrying the catalog's decimals (Excel draws the separators of the reader's
own locale, so an Indonesian Excel shows 1.263 and 12,5). Text is stored as text: openpyxl would
store a string starting with ``=`` as a formula, and a workbook saved as CSV later would run
``+``, ``-`` and ``@`` too, so formula-like text gets the leading apostrophe as in the CSV
(``ekspor.aman``). Control and invisible characters are shown as code points (``<U+001B>``):
XLSX cannot hold most of them, and a spoofing one (U+202E) should be seen.
"""
from __future__ import annotations

import datetime as dt
import io
import math
import numbers

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from . import db, ekspor, ukuran
from . import format as fmt
from .teks import t

LEBAR_MAKS = 60  # characters: a long note wraps in the formula bar instead of a screen-wide column
ALIAS = {"kpm": "kpm_pkh"}  # query column names that are a catalog figure under a shorter name
KOLOM_INDIKATOR = ("indikator", "jenis_pilar")  # long tables name their figure in one of these


def _teks(nilai) -> str:
    return ekspor.aman(str(nilai))


def sel(nilai):
    """A value as an XLSX cell holds it: numbers, booleans and dates as such, gaps empty, the rest safe text."""
    if nilai is None or nilai is pd.NA or nilai is pd.NaT:
        return None
    if isinstance(nilai, (bool, np.bool_)):
        return bool(nilai)
    if isinstance(nilai, numbers.Integral):
        return int(nilai)
    if isinstance(nilai, numbers.Real):
        return None if math.isnan(nilai) else float(nilai)
    if isinstance(nilai, pd.Timestamp):
        return nilai.to_pydatetime()
    if isinstance(nilai, (dt.date, dt.datetime)):
        return nilai
    return _teks(nilai)


def definisi(kolom, lang: str = "id", ukuran_asal=(), indikator=()) -> list[tuple[str, str]]:
    """(label, definition) of every catalog measure or base figure a table shows, in order, once:
    the measures the caller names, columns named by a measure's code or label, and the figure codes
    a long table lists in its ``indikator`` column."""
    kamus = {k: (u.label(lang), u.definisi(lang)) for k, u in ukuran.UKURAN.items()}
    kamus.update({k: (lab(lang), d(lang)) for k, (lab, _, d) in ukuran.DASAR.items() if k not in kamus})
    menurut_label = {v[0]: k for k, v in kamus.items()}
    out: dict[str, tuple[str, str]] = {}
    for nama in [*ukuran_asal, *kolom, *indikator]:
        nama = ALIAS.get(nama, nama) if isinstance(nama, str) else nama
        kode = nama if nama in kamus else menurut_label.get(nama)
        if kode is not None:
            out.setdefault(kode, kamus[kode])
    return list(out.values())


def _format_angka(df: pd.DataFrame, kolom: str) -> str | None:
    """Excel number format of a column: the catalog's decimals where known, codes without grouping."""
    col = df[kolom]
    if not pd.api.types.is_numeric_dtype(col) or pd.api.types.is_bool_dtype(col):
        return None
    if str(kolom).lower().startswith(("kode", "tahun")):
        return "0"
    desimal = df.attrs.get("desimal", {}).get(kolom)
    if desimal is None and ALIAS.get(kolom, kolom) in ukuran.UKURAN:
        desimal = ukuran.UKURAN[ALIAS.get(kolom, kolom)].desimal
    if desimal is None:
        v = col.dropna().to_numpy(dtype=float)
        desimal = 0 if (v == v.round()).all() else None
    if desimal is None:
        return "General"
    return "#,##0" + ("." + "0" * desimal if desimal else "")


def _lebar(ws, lebar: dict[int, int]) -> None:
    for i, n in lebar.items():
        ws.column_dimensions[get_column_letter(i)].width = min(max(n + 2, 8), LEBAR_MAKS)


def _lembar_data(ws, df: pd.DataFrame) -> None:
    tebal = Font(bold=True)
    lebar = {}
    for j, nama in enumerate(df.columns, start=1):
        c = ws.cell(row=1, column=j, value=_teks(nama))
        c.font = tebal
        lebar[j] = len(str(c.value))
        bentuk = _format_angka(df, nama)
        for i, nilai in enumerate(df.iloc[:, j - 1].tolist(), start=2):
            c = ws.cell(row=i, column=j, value=sel(nilai))
            if bentuk and isinstance(c.value, (int, float)) and not isinstance(c.value, bool):
                c.number_format = bentuk
            lebar[j] = max(lebar[j], len(str(c.value)) if c.value is not None else 0)
    ws.freeze_panes = "A2"
    if df.shape[1]:
        ws.auto_filter.ref = f"A1:{get_column_letter(df.shape[1])}{len(df) + 1}"
    _lebar(ws, lebar)


def baris_keterangan(*, judul: str, periode: str, wilayah: str, sumber, definisi_ukuran, lang: str,
                     dicetak: dt.datetime) -> list[tuple[str, str]]:
    """(label, text) rows of the first sheet, in the reader's language."""
    lab = ekspor.LABEL[lang]
    rows = [(lab["judul"], judul)]
    rows += [(lab["sumber"], s) for s in sumber] or [(lab["sumber"], fmt.KOSONG)]
    rows += [(lab["periode"], periode), (lab["wilayah"], wilayah)]
    rows += [(t("xlsx_definisi", lang), f"{nama}: {isi}") for nama, isi in definisi_ukuran] or [
        (t("xlsx_definisi", lang), t("xlsx_tanpa_definisi", lang))]
    rows.append((lab["status"], t("keterangan_status", lang).replace("**", "")))  # plain text, not Markdown
    rows.append(("", t("xlsx_letak_data", lang).format(lembar=t("xlsx_lembar_data", lang))))
    rows.append((t("xlsx_dicetak", lang), fmt.waktu(dicetak, lang)))
    return rows


def _lembar_keterangan(ws, rows: list[tuple[str, str]]) -> None:
    tebal, bungkus = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    for i, (label, isi) in enumerate(rows, start=1):
        a = ws.cell(row=i, column=1, value=_teks(label) if label else None)
        a.font, a.alignment = tebal, Alignment(vertical="top")
        ws.cell(row=i, column=2, value=_teks(" ".join(str(isi).split()))).alignment = bungkus
    ws["B1"].font = Font(bold=True, size=14)
    ws.column_dimensions["A"].width = max(len(r[0]) for r in rows) + 2
    ws.column_dimensions["B"].width = 100


def xlsx_bytes(df: pd.DataFrame, *, judul: str, periode: str, wilayah: str, sumber, lang: str = "id",
               definisi_ukuran=(), dicetak: dt.datetime | None = None) -> bytes:
    """The workbook: sheet "Keterangan" (context), then sheet "Data" (``df``, unchanged)."""
    wb = Workbook()
    ket = wb.active
    ket.title = t("xlsx_lembar_keterangan", lang)
    _lembar_keterangan(ket, baris_keterangan(
        judul=judul, periode=periode, wilayah=wilayah, sumber=list(sumber), definisi_ukuran=definisi_ukuran,
        lang=lang, dicetak=dicetak or dt.datetime.now(dt.timezone.utc)))
    _lembar_data(wb.create_sheet(t("xlsx_lembar_data", lang)), df)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# ---------------------------------------------------------------- the CLI: python -m pilar query NAME --format xlsx

def _sumber_kueri(con, ids) -> list[str]:
    """'ID: Publisher, outlet, date. Title' of the sources a result cites (as the app writes them)."""
    ids = sorted({str(i) for i in ids if isinstance(i, str) and i})
    if not ids:
        return []
    semua = db.run(con, "sumber").set_index("sumber_id")
    out = []
    for i in (i for i in ids if i in semua.index):
        r = semua.loc[i]
        media = f", {r['media']}" if isinstance(r["media"], str) and r["media"] else ""
        out.append(f"{i}: {r['penerbit']}{media}, {r['tanggal']}. {r['judul']}")
    return out


def _periode_kueri(con, q, values: dict, df: pd.DataFrame) -> str:
    """The periods in the result, else the one asked for, else the latest the query falls back to."""
    if "periode" in df.columns and df["periode"].notna().any():
        return ", ".join(fmt.periode(str(p)) for p in sorted({str(p) for p in df["periode"].dropna()}))
    if values.get("periode"):
        return fmt.periode(str(values["periode"]))
    ada = db.periode_ada(con.cursor(), q)
    return t("xlsx_periode_terbaru", "id").format(periode=fmt.periode(ada[-1])) if ada else "-"


def _wilayah_kueri(values: dict, df: pd.DataFrame) -> str:
    if not values.get("kode"):
        return t("seluruh_provinsi", "id")
    if "nama" in df.columns:
        return ", ".join(dict.fromkeys(str(n) for n in df["nama"].dropna()))
    return str(values["kode"])


def kueri_xlsx(con, q, values: dict, df: pd.DataFrame, dicetak: dt.datetime | None = None) -> bytes:
    """The workbook of a named query's result, with the same first sheet as the app's downloads."""
    indikator = [v for c in KOLOM_INDIKATOR if c in df.columns for v in df[c].dropna().unique()]
    sumber = _sumber_kueri(con, df["sumber_id"]) if "sumber_id" in df.columns else []
    return xlsx_bytes(df, judul=f"{q.nama}: {q.keterangan}", periode=_periode_kueri(con, q, values, df),
                      wilayah=_wilayah_kueri(values, df), sumber=sumber, lang="id",
                      definisi_ukuran=definisi(df.columns, "id", indikator=indikator), dicetak=dicetak)
