"""The same scan as ``pindai`` for a legacy .xls (BIFF8 or BIFF5 records in an OLE compound file).

A FORMULA record always carries a result; a program that never calculated the formula (xlwt,
for one) stores the result "empty string", which calamine returns like an empty cell. Error
results and error cells (BOOLERR) are marked too. The used area is taken from the cell records, and
what the cells would expand to: a LABELSST cell refers to a string of the shared-string table (SST),
so 1,000 cells pointing at one 10,000-character string are 10 M characters in calamine.
"""
from __future__ import annotations

import io
import struct

from .pindai import TANPA_NILAI, Berlebih, Pindaian, galat

BOF, EOF, BOUNDSHEET = 0x0809, 0x000A, 0x0085
FORMULA, BOOLERR, MULRK = 0x0006, 0x0205, 0x00BD
SST, CONTINUE, LABELSST, LABEL = 0x00FC, 0x003C, 0x00FD, 0x0204
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


def _lembar(s: bytes) -> tuple[list[tuple[str, int]], list[int]]:
    """(name, stream offset of its BOF) of each worksheet (charts and macros left out), and the length of
    each shared string."""
    out, biff8, sst, lanjut = [], True, [], False
    for t, d in _rekaman(s, 0):
        if t == CONTINUE and lanjut:
            sst.append(d)  # the table goes on in CONTINUE records right after it
            continue
        lanjut = False
        if t == SST and not sst:
            sst, lanjut = [d], True
        elif t == BOF and len(d) >= 2:
            biff8 = struct.unpack_from("<H", d)[0] == 0x0600
        elif t == BOUNDSHEET and len(d) >= 8:
            if d[5] == 0:  # 0 = worksheet
                out.append((_nama_lembar(d, biff8), struct.unpack_from("<I", d)[0]))
        elif t == EOF:
            break
    return out, _panjang_sst(sst)


def _panjang_sst(datatab: list[bytes]) -> list[int]:
    """The length of each shared string; Berlebih when the table itself is beyond the limits."""
    from xlrd.book import unpack_SST_table

    from . import dasar

    if not datatab or len(datatab[0]) < 8:
        return []
    n = struct.unpack_from("<I", datatab[0], 4)[0]
    if n > dasar.MAKS_SEL:
        raise Berlebih(f"tabel teks bersama (SST) menyatakan {dasar.ribuan(n)} teks; paling banyak "
                       f"{dasar.ribuan(dasar.MAKS_SEL)}")
    teks, _runs = unpack_SST_table(datatab, n)  # at most the stream's own size (<= MAKS_BYTE)
    out = [len(t) for t in teks]
    if sum(out) > dasar.MAKS_TEKS:
        raise Berlebih(f"tabel teks bersama (SST) berisi {dasar.ribuan(sum(out))} karakter; paling banyak "
                       f"{dasar.ribuan(dasar.MAKS_TEKS)}")
    return out


def _formula(d: bytes, r: int, c: int, hasil: Pindaian) -> None:
    if len(d) >= 14 and d[12:14] == b"\xff\xff":
        if d[6] == 3:
            hasil.tanda[(r, c)] = TANPA_NILAI
        elif d[6] == 2:
            hasil.tanda[(r, c)] = galat(KODE_GALAT.get(d[8], "?"))


def _teks(t: int, d: bytes, bersama: list[int], hasil: Pindaian) -> None:
    """Count one value cell and the characters of its text."""
    hasil.isi += 1
    if t == LABELSST and len(d) >= 10:
        i = struct.unpack_from("<I", d, 6)[0]
        n = bersama[i] if i < len(bersama) else 0  # a reference to nothing: calamine's own error later
        hasil.rujukan += 1
        hasil.teks_rujukan += n
        hasil.teks += n
    elif t == LABEL and len(d) >= 8:
        hasil.teks += struct.unpack_from("<H", d, 6)[0]


def _pindai_lembar(s: bytes, pos: int, bersama: list[int]) -> Pindaian:
    hasil = Pindaian()
    for i, (t, d) in enumerate(_rekaman(s, pos)):
        if t == EOF and i > 0:
            break
        if t in SEL and len(d) >= 4:
            r, c = struct.unpack_from("<HH", d)
            hasil.pakai(r, c)
            _teks(t, d, bersama, hasil)
            if t == FORMULA:
                _formula(d, r, c, hasil)
            elif t == BOOLERR and len(d) >= 8 and d[7]:
                hasil.tanda[(r, c)] = galat(KODE_GALAT.get(d[6], "?"))
        elif t == MULRK and len(d) >= 6:
            r, c = struct.unpack_from("<HH", d)
            hasil.pakai(r, struct.unpack_from("<H", d, len(d) - 2)[0])
            hasil.isi += (len(d) - 6) // 6
    return hasil


def pindai_xls(data: bytes) -> dict[str, Pindaian]:
    s = _aliran(data)
    lembar, bersama = _lembar(s)
    return {nama: _pindai_lembar(s, pos, bersama) for nama, pos in lembar}
