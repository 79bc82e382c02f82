"""The same scan as ``pindai`` for a legacy .xls (BIFF8 or BIFF5 records in an OLE compound file).

A FORMULA record always carries a result; a program that never calculated the formula (xlwt,
for one) stores the result "empty string", which calamine returns like an empty cell. Error
results and error cells (BOOLERR) are marked too. The used area is taken from the cell records.
"""
from __future__ import annotations

import io
import struct

from .pindai import TANPA_NILAI, Pindaian, galat

BOF, EOF, BOUNDSHEET = 0x0809, 0x000A, 0x0085
FORMULA, BOOLERR, MULRK = 0x0006, 0x0205, 0x00BD
# Records that hold one value: row and column are their first two 16-bit fields.
SEL = {0x0203, 0x00FD, 0x0204, 0x027E, 0x00D6, FORMULA, BOOLERR}
KODE_GALAT = {0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!", 0x1D: "#NAME?",
              0x24: "#NUM!", 0x2A: "#N/A"}


def _aliran(data: bytes) -> bytes:
    import xlrd.compdoc

    cd = xlrd.compdoc.CompDoc(data, logfile=io.StringIO())
    for nama in ("Workbook", "Book"):
        mem, base, n = cd.locate_named_stream(nama)
        if mem is not None:
            return bytes(mem[base:base + n])
    raise ValueError("tidak ada aliran Workbook")


def _rekaman(s: bytes, pos: int):
    """(type, data, next position) of each record from ``pos``."""
    while pos + 4 <= len(s):
        t, n = struct.unpack_from("<HH", s, pos)
        yield t, s[pos + 4:pos + 4 + n]
        pos += 4 + n


def _nama_lembar(d: bytes, biff8: bool) -> str:
    n = d[6]
    if not biff8:
        return d[7:7 + n].decode("cp1252", "replace")
    if d[7] & 1:
        return d[8:8 + 2 * n].decode("utf-16-le", "replace")
    return d[8:8 + n].decode("latin-1")


def _lembar(s: bytes) -> list[tuple[str, int]]:
    """(name, stream offset of its BOF) of each worksheet (charts and macros left out)."""
    out, biff8 = [], True
    for t, d in _rekaman(s, 0):
        if t == BOF and len(d) >= 2:
            biff8 = struct.unpack_from("<H", d)[0] == 0x0600
        elif t == BOUNDSHEET and len(d) >= 8:
            if d[5] == 0:  # 0 = worksheet
                out.append((_nama_lembar(d, biff8), struct.unpack_from("<I", d)[0]))
        elif t == EOF:
            break
    return out


def _formula(d: bytes, r: int, c: int, hasil: Pindaian) -> None:
    if len(d) >= 14 and d[12:14] == b"\xff\xff":
        if d[6] == 3:
            hasil.tanda[(r, c)] = TANPA_NILAI
        elif d[6] == 2:
            hasil.tanda[(r, c)] = galat(KODE_GALAT.get(d[8], "?"))


def _pindai_lembar(s: bytes, pos: int) -> Pindaian:
    hasil = Pindaian()
    for i, (t, d) in enumerate(_rekaman(s, pos)):
        if t == EOF and i > 0:
            break
        if t in SEL and len(d) >= 4:
            r, c = struct.unpack_from("<HH", d)
            hasil.pakai(r, c)
            if t == FORMULA:
                _formula(d, r, c, hasil)
            elif t == BOOLERR and len(d) >= 8 and d[7]:
                hasil.tanda[(r, c)] = galat(KODE_GALAT.get(d[6], "?"))
        elif t == MULRK and len(d) >= 6:
            r, c = struct.unpack_from("<HH", d)
            hasil.pakai(r, struct.unpack_from("<H", d, len(d) - 2)[0])
    return hasil


def pindai_xls(data: bytes) -> dict[str, Pindaian]:
    s = _aliran(data)
    return {nama: _pindai_lembar(s, pos) for nama, pos in _lembar(s)}
