"""Tables leaving the program: CSV downloads that carry their context, and CLI output.

Spreadsheet safety (OWASP, "CSV injection"): Excel and LibreOffice run a cell that begins
with ``=``, ``+``, ``-``, ``@``, tab or carriage return as a formula, so such a **text** cell
is written with a leading apostrophe (``'=HYPERLINK(...)``), as OWASP recommends: the cell
then starts with a character that is no formula, and is read as text. This covers data cells,
column names and the header lines.

Numbers are not text: a cell that holds a number (a numeric or boolean column, or a number
inside a mixed column) is written as that number, so ``-5`` stays ``-5`` and still parses as a
number; a number written as a number is never a formula. A number held as *text* (the string
``"-5"``) is text, and gets the apostrophe like any other text.

Control and invisible characters (escape sequences, U+202E, zero-width ones) in a text cell are
shown as a code point such as ``<U+202E>`` (``format.teks_bersih``); tab and line breaks stay, as
a quoted CSV cell and an XLSX cell hold them.

Header lines are CSV rows written by the ``csv`` module, two cells each: ``# Periode:`` and
the value. A value with a comma or a quote is quoted and stays in its cell; line breaks in a
value become spaces so each header stays one line (readers skip lines starting with ``#``,
e.g. ``pandas.read_csv(comment="#")``).
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import sys
import unicodedata
from pathlib import Path

import pandas as pd
from pandas.api import types as ptypes

from . import format as fmt
from . import status as status_mod

LABEL = {
    "id": {"judul": "Judul", "periode": "Periode", "wilayah": "Wilayah", "sumber": "Sumber",
           "status": "Status angka"},
    "en": {"judul": "Title", "periode": "Period", "wilayah": "Area", "sumber": "Sources",
           "status": "Figure status"},
}
# First characters that make a spreadsheet read a cell as a formula (OWASP).
PEMICU_RUMUS = ("=", "+", "-", "@", "\t", "\r")
FORMAT_CLI = ("tabel", "csv", "json")
FORMAT_BERKAS = {"xlsx": ".xlsx"}  # formats written only to a file (--out), with the suffix they need


def aman(nilai):
    """A cell value a spreadsheet shows as written: formula-like text gets a leading apostrophe,
    control and invisible characters are shown as code points."""
    if not isinstance(nilai, str):
        return nilai
    bersih = fmt.teks_bersih(nilai, tetap="\t\n\r")
    return "'" + bersih if bersih.startswith(PEMICU_RUMUS) else bersih


def _kolom_angka(col: pd.Series) -> bool:
    return (ptypes.is_numeric_dtype(col) or ptypes.is_bool_dtype(col)
            or ptypes.is_datetime64_any_dtype(col) or isinstance(col.dtype, pd.PeriodDtype))


def aman_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` with every text cell and column name passed through ``aman``.

    Numeric, boolean and date columns are kept as they are (see the module docstring).
    """
    out = df.copy()
    for i in range(out.shape[1]):
        col = out.iloc[:, i]
        if not _kolom_angka(col):
            out.isetitem(i, col.astype(object).map(aman))
    out.columns = [aman(c) for c in out.columns]
    return out


def _satu_baris(teks) -> str:
    return re.sub(r"[\r\n]+", " ", str(teks))


def _kepala(judul: str, periode: str, wilayah: str, sumber: list[str], lang: str,
            ada_status: bool) -> list[tuple[str, str]]:
    """(label, value) of the context lines, in the reader's language."""
    lab = LABEL[lang]
    rows = [(lab["judul"], judul), (lab["periode"], periode), (lab["wilayah"], wilayah)]
    rows += [(lab["sumber"], s) for s in sumber]
    if ada_status:  # the words the table's status column uses, in the reader's language
        rows.append((lab["status"], " / ".join(status_mod.kata(s, lang) for s in status_mod.STATUS)))
    return rows


def csv_bytes(df: pd.DataFrame, *, judul: str, periode: str, wilayah: str, sumber: list[str],
              lang: str = "id") -> bytes:
    """CSV (UTF-8 with BOM, for spreadsheet programs) whose first lines start with '#'."""
    buf = io.StringIO()
    # CRLF, as Excel writes CSV: the csv module quotes a cell holding any character of the line
    # terminator, so with "\r\n" a lone carriage return in a value cannot split its row.
    w = csv.writer(buf, lineterminator="\r\n")
    for label, nilai in _kepala(judul, periode, wilayah, sumber, lang, "status" in df.columns):
        w.writerow([f"# {label}:", aman(_satu_baris(nilai))])
    aman_frame(df).to_csv(buf, index=False, lineterminator="\r\n")
    return buf.getvalue().encode("utf-8-sig")


def json_teks(data) -> str:
    """JSON keeping every character exactly, readable letters as they are (ensure_ascii=False) but
    control and invisible ones escaped as \\uXXXX: json leaves DEL, C1 and U+202E raw otherwise."""
    teks = json.dumps(data, ensure_ascii=False, indent=1)
    # json escaped newlines inside strings: a raw one is the indentation's, so lines can be checked alone
    return "\n".join(b if fmt.terlihat(b) else "".join(json.dumps(c)[1:-1] if fmt.tak_terlihat(c) else c for c in b)
                     for b in teks.split("\n"))


def teks_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A shallow copy of ``df`` whose text cells show control and invisible characters (one line each,
    ``fmt.teks_bersih``); numbers and column names untouched. For tables on a page and in a terminal."""
    out = df.copy(deep=False)
    for i in range(out.shape[1]):
        col = out.iloc[:, i]
        if not _kolom_angka(col):
            bersih = col.map(lambda v: fmt.teks_bersih(v) if isinstance(v, str) else v)
            if not bersih.equals(col):
                out.isetitem(i, bersih)
    return out


def tulis_frame(df: pd.DataFrame, bentuk: str, out=None) -> None:
    """Print a frame for the CLI: ``tabel`` (aligned text), ``csv`` (spreadsheet-safe) or ``json``."""
    out = out or sys.stdout
    if bentuk == "csv":
        aman_frame(df).to_csv(out, index=False, lineterminator="\n")
    elif bentuk == "json":
        out.write(json_teks(json.loads(df.to_json(orient="records", force_ascii=False))) + "\n")
    else:
        with pd.option_context("display.max_rows", None, "display.max_columns", None, "display.width", 200):
            tabel = teks_frame(df).rename(columns=lambda c: fmt.teks_bersih(c) if isinstance(c, str) else c)
            print(tabel.to_string(index=False), file=out)


def nama_gambar(*bagian: str, maks: int = 120) -> str:
    """An ASCII file name (no suffix) from a chart's title, units and period, e.g.
    'kpm-pkh-per-1-000-penduduk_kota-banjarmasin_2025-q3': safe on every OS and in any mail program."""
    slug = [re.sub(r"[^a-z0-9]+", "-", unicodedata.normalize("NFKD", str(b)).encode("ascii", "ignore")
                   .decode().lower()).strip("-") for b in bagian]
    return "_".join(s for s in slug if s)[:maks].rstrip("-_") or "grafik"


def masalah_tujuan(out: str | None, bentuk: str) -> str | None:
    """Why ``out`` cannot receive a ``bentuk`` file (one Indonesian sentence), or None when it can.

    Checked before anything runs, so a bad path writes nothing."""
    akhiran = FORMAT_BERKAS.get(bentuk)
    if out is None:
        return (f"Format {bentuk} hanya ditulis ke berkas: tambahkan --out BERKAS{akhiran}." if akhiran else None)
    path = Path(out)
    if not out.strip() or path.is_dir():
        return f"--out '{out}' bukan nama berkas; tulis misalnya --out hasil{akhiran or '.csv'}."
    if akhiran and path.suffix.lower() != akhiran:
        return f"Berkas {bentuk} harus berakhiran {akhiran} (Excel menolak akhiran lain): '{out}'."
    folder = path.parent
    if not folder.is_dir():
        return f"Folder '{folder}' tidak ada; buat dulu atau pilih folder lain untuk --out."
    if not os.access(folder, os.W_OK):
        return f"Folder '{folder}' tidak dapat ditulis; pilih folder lain untuk --out."
    return None


def tulis_atomik(path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all: a temporary file beside it, then a rename."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")  # open() keeps the user's umask (mkstemp: 0600)
    try:
        with open(tmp, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
