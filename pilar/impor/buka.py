"""Open a submitted file as a grid of cells per sheet: xlsx, xls and ods through python-calamine
(formula results as the saving program cached them), CSV through the csv module.

Row ``r`` of a grid is spreadsheet row ``r + 1``; column ``c`` is column ``huruf_kolom(c)``.
Every check that protects the reader comes first: size, kind of content, zip bomb, used area, what
the sheets declare once expanded (cells, characters of text); then calamine reads the workbook in a
child process with a memory and CPU limit (``anak``).
"""
from __future__ import annotations

import csv
import hashlib
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from . import anak, dasar, wadah
from .dasar import ImporError, ribuan
from .pindai import Berlebih, Pindaian


@dataclass
class Lembar:
    nama: str | None  # None for a CSV file
    sel: list[list]
    tanda: dict[tuple[int, int], str] = field(default_factory=dict)  # cells whose value calamine cannot show
    gabung: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)

    def nilai(self, r: int, c: int):
        if 0 <= r < len(self.sel) and 0 <= c < len(self.sel[r]):
            return self.sel[r][c]
        return None


@dataclass
class Buku:
    nama: str
    format: str  # 'xlsx', 'xls', 'ods' or 'csv'
    sha256: str
    lembar: list[Lembar]


def buka(path, nama: str | None = None) -> Buku:
    """Read ``path``; ImporError for a file that is missing, empty, too big, not what its name says,
    a zip bomb, damaged, or holding a sheet larger than any summary of 13 units. ``nama``: the name the
    person knows the file by (an upload kept under a temp name), for messages and the kind check."""
    path = Path(path)
    nama = Path(nama).name if nama else path.name
    if not path.is_file():
        raise ImporError(f"{nama}: berkas tidak ditemukan ({path})")
    ukuran = path.stat().st_size
    if ukuran == 0:
        raise ImporError(f"{nama}: berkas kosong (0 bait)")
    if ukuran > dasar.MAKS_BYTE:
        raise ImporError(f"{nama}: berkas {f'{ukuran / 2**20:.1f}'.replace('.', ',')} MB melebihi batas {dasar.ukuran_mb(dasar.MAKS_BYTE)}; "
                         "rekap 13 kabupaten/kota hanya beberapa kB, periksa apakah ini berkas yang benar")
    data = path.read_bytes()
    fmt = wadah.periksa_jenis(nama, Path(nama).suffix.lower(), data)
    sidik = hashlib.sha256(data).hexdigest()
    if fmt == "csv":
        return Buku(nama, fmt, sidik, [_baca_csv(nama, data)])
    return Buku(nama, fmt, sidik, _baca_buku(nama, fmt, data))


# ---------------------------------------------------------------- workbooks

def _pindai(nama: str, fmt: str, data: bytes) -> dict[str, Pindaian]:
    from . import biff, pindai

    try:
        if fmt == "xls":
            return biff.pindai_xls(data)
        wadah.periksa_zip(nama, data)
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return pindai.pindai_xlsx(z) if fmt == "xlsx" else pindai.pindai_ods(z)
    except ImporError:
        raise
    except Berlebih as e:
        raise ImporError(f"{nama}: {e}; berkas seperti ini tidak dibuka") from None
    except Exception as e:  # damaged XML or records: whatever the parser raises
        raise ImporError(f"{nama}: berkas rusak, tidak bisa dibaca ({type(e).__name__}: {e}); simpan ulang "
                         "dari Excel atau LibreOffice") from None


def _periksa_luas(nama: str, pindaian: dict[str, Pindaian]) -> None:
    salah = [f"{nama}, lembar '{n}': terpakai sampai baris {p.baris + 1} dan kolom {p.kolom + 1}; paling besar "
             f"{dasar.MAKS_BARIS} baris dan {dasar.MAKS_KOLOM} kolom" for n, p in pindaian.items()
             if p.baris >= dasar.MAKS_BARIS or p.kolom >= dasar.MAKS_KOLOM]
    if salah:
        raise ImporError(salah)


def _periksa_isi(nama: str, pindaian: dict[str, Pindaian]) -> None:
    """What the sheets would hold once expanded, against the limits: one line for the first sheet beyond
    them (a bomb has many), then the whole workbook."""
    batas = (f"paling banyak {ribuan(dasar.MAKS_SEL)} sel per lembar dan {ribuan(dasar.MAKS_TEKS)} karakter teks "
             "per berkas")
    for n, p in pindaian.items():
        if p.luas > dasar.MAKS_SEL or p.teks > dasar.MAKS_TEKS:
            raise ImporError(f"{nama}, lembar '{n}': menyatakan {_dinyatakan(p)}; {batas}; berkas ini tidak dibuka")
    sel, teks = sum(p.luas for p in pindaian.values()), sum(p.teks for p in pindaian.values())
    if sel > dasar.MAKS_SEL_BERKAS or teks > dasar.MAKS_TEKS:
        raise ImporError(f"{nama}: {len(pindaian)} lembarnya bila dibuka berisi {ribuan(sel)} sel dan {ribuan(teks)} "
                         f"karakter teks; paling banyak {ribuan(dasar.MAKS_SEL_BERKAS)} sel dan "
                         f"{ribuan(dasar.MAKS_TEKS)} karakter teks per berkas; berkas ini tidak dibuka")


def _dinyatakan(p: Pindaian) -> str:
    rujukan = (f" ({ribuan(p.rujukan)} rujukan ke teks bersama: {ribuan(p.teks_rujukan)} karakter)"
               if p.rujukan else "")
    return (f"{ribuan(p.baris + 1)} baris × {ribuan(p.kolom + 1)} kolom = {ribuan(p.luas)} sel, {ribuan(p.isi)} di "
            f"antaranya berisi, dengan {ribuan(p.teks)} karakter teks bila dibuka{rujukan}")


def _baca_buku(nama: str, fmt: str, data: bytes) -> list[Lembar]:
    pindaian = _pindai(nama, fmt, data)
    _periksa_luas(nama, pindaian)
    _periksa_isi(nama, pindaian)
    hasil, isi = anak.baca(data, {n: p.baris >= 0 for n, p in pindaian.items()}, dasar.MAKS_MEMORI_BACA,
                           dasar.MAKS_DETIK_BACA)
    if hasil == "ok":
        return [Lembar(n, sel, pindaian[n].tanda, gabung or pindaian[n].gabung) for n, sel, gabung in isi]
    if hasil == "sandi":
        raise ImporError(f"{nama}: dilindungi kata sandi; simpan ulang tanpa kata sandi")
    if hasil in ("memori", "waktu"):
        batas = (f"batas memori {dasar.MAKS_MEMORI_BACA // 2**20} MB" if hasil == "memori"
                 else f"batas waktu {dasar.MAKS_DETIK_BACA} detik")
        raise ImporError(f"{nama}: berkas terlalu besar untuk dibaca: pembacaannya melebihi {batas} dan dihentikan. "
                         "Simpan ulang hanya lembar rekapnya (beberapa kB) lalu unggah lagi")
    if hasil == "mulai":
        raise ImporError(f"{nama}: pembaca lembar kerja tidak bisa dijalankan ({isi}); berkas tidak dibaca, coba lagi "
                         "sebentar lagi")
    tanda = _tanda(nama, pindaian)  # e.g. an ODS formula without a value: calamine fails on it
    raise ImporError(tanda or [f"{nama}: tidak bisa dibaca sebagai {fmt} ({isi}); simpan ulang dari Excel atau "
                               "LibreOffice"])


def _tanda(nama: str, pindaian: dict[str, Pindaian]) -> list[str]:
    return [f"{nama}, lembar '{n}', baris {r + 1}, kolom {dasar.huruf_kolom(c)}: {apa}"
            for n, p in pindaian.items() for (r, c), apa in sorted(p.tanda.items())]


# ---------------------------------------------------------------- CSV

def _teks(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            pass
    return data.decode("latin-1")


def _pemisah(teks: str) -> str:
    """The separator that splits the most lines into the same number (at least 2) of cells."""
    baris = [b for b in teks.splitlines() if b.strip()][:50]
    terbaik, skor = ",", -1
    for p in (";", ",", "\t"):
        try:
            panjang = [len(r) for r in csv.reader(baris, delimiter=p)]
        except csv.Error:
            continue
        n = max((panjang.count(k) for k in set(panjang) if k >= 2), default=0)
        if n > skor:
            terbaik, skor = p, n
    return terbaik


def _baca_csv(nama: str, data: bytes) -> Lembar:
    try:
        teks = _teks(data)
    except UnicodeDecodeError as e:
        raise ImporError(f"{nama}: bukan teks yang bisa dibaca ({e})") from None
    baris = teks.splitlines()
    mulai = []
    if baris and baris[0].lower().startswith("sep=") and len(baris[0].strip()) == 5:
        pemisah = baris[0].strip()[4]  # Excel's "sep=;" line: a row of its own
        mulai, teks = [[baris[0]]], "\n".join(baris[1:])
    else:
        pemisah = _pemisah(teks)
    try:
        sel = mulai + [list(r) for r in csv.reader(io.StringIO(teks, newline=""), delimiter=pemisah)]
    except csv.Error as e:
        raise ImporError(f"{nama}: tidak bisa dibaca sebagai CSV ({e})") from None
    lebar = max((len(r) for r in sel), default=0)
    if len(sel) > dasar.MAKS_BARIS or lebar > dasar.MAKS_KOLOM:
        raise ImporError(f"{nama}: {len(sel)} baris dan {lebar} kolom; paling besar {dasar.MAKS_BARIS} baris "
                         f"dan {dasar.MAKS_KOLOM} kolom")
    return Lembar(None, sel)
