"""What the cell values alone do not show, read from a workbook's own XML before calamine reads it.

calamine returns a formula's result as the program that saved the file cached it, and an empty
string both for an empty cell, for a formula that was never calculated (openpyxl writes such
formulas) and for an error value (``#DIV/0!``). This module finds those cells, and the used area
of each sheet (calamine builds a dense grid: a single cell at XFD1048576 would ask for billions
of cells, so the size is checked first), and what the grid would hold once expanded: one ODS cell
repeated over thousands of rows and columns, or thousands of XLSX cells pointing at one long shared
string, is a few hundred bytes here and gigabytes in calamine.

``Pindaian``: per sheet, the last used row and column (0-based), the marked cells
``(row, col) -> what is wrong``, and the counts as expanded: cells with a value, characters of their
text, references to shared strings. ODS merges are collected here too (calamine has none for ODS).
"""
from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from xml.etree import ElementTree as ET

NS_X = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
NS_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
NS_PR = "{http://schemas.openxmlformats.org/package/2006/relationships}"
NS_T = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
NS_O = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
NS_TX = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
NS_C = "{urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}"
TANPA_NILAI = "rumus tanpa nilai tersimpan (berkas belum pernah dihitung oleh Excel/LibreOffice)"
_REF = re.compile(r"([A-Z]+)([0-9]+)")


@dataclass
class Pindaian:
    baris: int = -1
    kolom: int = -1
    tanda: dict[tuple[int, int], str] = field(default_factory=dict)
    gabung: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)
    isi: int = 0           # cells with a value, each repetition counted
    teks: int = 0          # characters of their text, each repetition and shared-string reference counted
    rujukan: int = 0       # XLSX cells that refer to a shared string
    teks_rujukan: int = 0  # the characters those references expand to

    @property
    def luas(self) -> int:
        """Cells of the used area: the grid calamine builds."""
        return (self.baris + 1) * (self.kolom + 1)

    def pakai(self, r: int, c: int) -> None:
        self.baris, self.kolom = max(self.baris, r), max(self.kolom, c)


class Berlebih(Exception):
    """A part declares more than any office sheet holds (the message names it, not the file)."""


def galat(kode: str) -> str:
    return f"nilai galat {kode} (rumus yang gagal dihitung)"


def _kolom(huruf: str) -> int:
    n = 0
    for ch in huruf:
        n = n * 26 + ord(ch) - 64
    return n - 1


# ---------------------------------------------------------------- xlsx

def _rels(z: zipfile.ZipFile) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type, path of the part) of the workbook."""
    rels = {}
    with z.open("xl/_rels/workbook.xml.rels") as f:
        for el in ET.parse(f).getroot().iter(f"{NS_PR}Relationship"):
            target = el.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
            rels[el.get("Id")] = (el.get("Type", ""), path)
    return rels


def _lembar_xlsx(z: zipfile.ZipFile, rels: dict[str, tuple[str, str]]) -> dict[str, str]:
    """Sheet name -> path of its XML part, from the workbook and its relationships."""
    out = {}
    with z.open("xl/workbook.xml") as f:
        for el in ET.parse(f).getroot().iter(f"{NS_X}sheet"):
            out[el.get("name")] = rels.get(el.get(f"{NS_R}id"), ("", ""))[1]
    return out


def _panjang(el, tag: str) -> int:
    return sum(len(t.text or "") for t in el.iter(tag))


def teks_bersama(z: zipfile.ZipFile, rels: dict[str, tuple[str, str]]) -> list[int]:
    """The length of each shared string (the longest, should the workbook's relationship and the usual
    path name different tables); Berlebih as soon as a table itself is beyond the limits (calamine loads
    all of it, referred to or not)."""
    paths = [p for t, p in rels.values() if t.endswith("/sharedStrings")]
    paths += [n for n in z.namelist() if n.lower() == "xl/sharedstrings.xml"]
    out: list[int] = []
    for path in dict.fromkeys(p for p in paths if p in z.namelist()):
        panjang = _panjang_tabel(z, path)
        out = [max(a, b) for a, b in zip(out, panjang)] + out[len(panjang):] + panjang[len(out):]
    return out


def _panjang_tabel(z: zipfile.ZipFile, path: str) -> list[int]:
    from . import dasar

    out, total = [], 0
    with z.open(path) as f:
        for _, el in ET.iterparse(f):
            if el.tag != f"{NS_X}si":
                continue
            out.append(_panjang(el, f"{NS_X}t"))
            total += out[-1]
            el.clear()
            if len(out) > dasar.MAKS_SEL or total > dasar.MAKS_TEKS:
                raise Berlebih(f"tabel teks bersama ({path}) berisi {dasar.ribuan(len(out))} teks dengan "
                               f"{dasar.ribuan(total)} karakter sebelum selesai dibaca; paling banyak "
                               f"{dasar.ribuan(dasar.MAKS_SEL)} teks dan {dasar.ribuan(dasar.MAKS_TEKS)} karakter")
    return out


def _teks_xlsx(el, v, inline, bersama: list[int], hasil: Pindaian) -> None:
    if el.get("t") == "s" and v is not None:
        try:
            n = bersama[int(v.text)]
        except (TypeError, ValueError, IndexError):
            n = 0  # a reference to nothing: calamine's own error later
        hasil.rujukan += 1
        hasil.teks_rujukan += n
    elif inline is not None:
        n = _panjang(inline, f"{NS_X}t")
    else:
        n = len(v.text or "") if v is not None else 0
    hasil.isi += 1
    hasil.teks += n


def _sel_xlsx(el, r: int, c: int, hasil: Pindaian, bersama: list[int]) -> None:
    f, v, inline = el.find(f"{NS_X}f"), el.find(f"{NS_X}v"), el.find(f"{NS_X}is")
    if f is None and v is None and inline is None:
        return  # a styled empty cell
    hasil.pakai(r, c)
    _teks_xlsx(el, v, inline, bersama, hasil)
    if el.get("t") == "e":
        hasil.tanda[(r, c)] = galat((v.text or "").strip() if v is not None else "?")
    elif f is not None and (v is None or (not (v.text or "").strip() and el.get("t") != "str")):
        hasil.tanda[(r, c)] = TANPA_NILAI


def _pindai_xlsx_lembar(f, bersama: list[int]) -> Pindaian:
    hasil, r, c = Pindaian(), -1, -1
    for ev, el in ET.iterparse(f, events=("start", "end")):
        if ev == "start":
            if el.tag == f"{NS_X}row":
                r = int(el.get("r")) - 1 if el.get("r") else r + 1
                c = -1
            continue
        if el.tag == f"{NS_X}c":
            m = _REF.fullmatch(el.get("r") or "")
            if m:
                c, r = _kolom(m.group(1)), int(m.group(2)) - 1
            else:
                c += 1
            _sel_xlsx(el, r, c, hasil, bersama)
            el.clear()
        elif el.tag == f"{NS_X}row":
            el.clear()
    return hasil


def pindai_xlsx(z: zipfile.ZipFile) -> dict[str, Pindaian]:
    rels = _rels(z)
    bersama = teks_bersama(z, rels)
    out = {}
    for nama, path in _lembar_xlsx(z, rels).items():
        if path in z.namelist() and "worksheets/" in path:
            with z.open(path) as f:
                out[nama] = _pindai_xlsx_lembar(f, bersama)
    return out


# ---------------------------------------------------------------- ods

def _ulang(el, nama: str) -> int:
    try:
        return max(1, int(el.get(f"{NS_T}{nama}", "1")))
    except ValueError:
        return 1


def _teks_ods(el) -> int:
    """Characters of a cell's text as calamine builds it: <text:s text:c="n"/> is n spaces."""
    n = len(el.get(f"{NS_O}string-value", ""))
    for d in el.iter():
        if d is not el:
            n += len(d.text or "") + len(d.tail or "")
        if d.tag == f"{NS_TX}s":
            try:
                n += max(1, int(d.get(f"{NS_TX}c", "1")))
            except ValueError:
                n += 1
    return n


def _sel_ods(el, r: int, c: int, hasil: Pindaian, baris_ulang: int) -> None:
    jenis = el.get(f"{NS_O}value-type")
    teks = el.find(f"{NS_TX}p") is not None
    if jenis is None and not teks and el.get(f"{NS_T}formula") is None:
        return  # empty, however often repeated (LibreOffice repeats empty cells to the sheet's edge)
    n = _ulang(el, "number-columns-repeated")
    hasil.pakai(r, c + n - 1)
    hasil.isi += n * baris_ulang
    hasil.teks += n * baris_ulang * _teks_ods(el)
    if el.get(f"{NS_C}value-type") == "error":
        p = el.find(f"{NS_TX}p")
        hasil.tanda[(r, c)] = galat((p.text or "?") if p is not None else "?")
    elif el.get(f"{NS_T}formula") is not None and jenis is None:
        hasil.tanda[(r, c)] = TANPA_NILAI
    rs, cs = _ulang(el, "number-rows-spanned"), _ulang(el, "number-columns-spanned")
    if rs > 1 or cs > 1:
        hasil.gabung.append(((r, c), (r + rs - 1, c + cs - 1)))


def pindai_ods(z: zipfile.ZipFile) -> dict[str, Pindaian]:
    out: dict[str, Pindaian] = {}
    hasil, r, c, baris_ulang, baris_isi = Pindaian(), -1, 0, 1, False
    sel = (f"{NS_T}table-cell", f"{NS_T}covered-table-cell")
    with z.open("content.xml") as f:
        for ev, el in ET.iterparse(f, events=("start", "end")):
            if ev == "start":
                if el.tag == f"{NS_T}table":
                    hasil, r = Pindaian(), -1
                    out[el.get(f"{NS_T}name", f"Sheet{len(out) + 1}")] = hasil
                elif el.tag == f"{NS_T}table-row":
                    r, c, baris_ulang = r + 1, 0, _ulang(el, "number-rows-repeated")
                    baris_isi = hasil.baris
                continue
            if el.tag in sel:
                _sel_ods(el, r, c, hasil, baris_ulang)
                c += _ulang(el, "number-columns-repeated")
                el.clear()
            elif el.tag == f"{NS_T}table-row":
                if hasil.baris != baris_isi:  # a row with values, repeated: all its copies are used
                    hasil.baris = r + baris_ulang - 1
                r += baris_ulang - 1
                el.clear()
    return out
