"""What every step of an import shares: limits, the measures and their names, periods, messages.

No Streamlit, no file or database access here.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from .. import sumber

JENIS = ("pilar", "kpm")
PILAR = ("lks", "tksk", "psm", "karang_taruna", "pendamping_pkh", "tagana", "pelopor_perdamaian")
UKURAN = {"pilar": PILAR, "kpm": ("kpm", "graduasi")}
PROGRAM = "pkh"  # the kpm table's program of an imported KPM count
# Human column headers of the template (and of messages).
JUDUL = {"lks": "LKS", "tksk": "TKSK", "psm": "PSM", "karang_taruna": "Karang Taruna",
         "pendamping_pkh": "Pendamping PKH", "tagana": "Tagana", "pelopor_perdamaian": "Pelopor Perdamaian",
         "kpm": "KPM PKH", "graduasi": "Graduasi"}
OPSIONAL = frozenset({"graduasi"})  # may be left empty on a unit's row
FORMAT_PERIODE = {"pilar": ("tanggal", "YYYY-MM-DD", "2025-09-23"), "kpm": ("triwulan", "YYYY-Qn", "2025-Q3")}

MAKS_BYTE = 20 * 1024 * 1024          # a quarterly sheet is a few kB; more is the wrong file
MAKS_TERURAI = 200 * 1024 * 1024      # all parts of a zip container (xlsx, ods) together, unpacked
MAKS_RASIO = 200                      # unpacked : packed, per part larger than RASIO_MULAI
RASIO_MULAI = 1024 * 1024
MAKS_BAGIAN = 2000                    # parts in a zip container
MAKS_BARIS = 5000                     # rows and columns of one sheet's used area
MAKS_KOLOM = 200
# What a sheet declares, counted before calamine expands it (ODS repeated rows and columns, XLSX shared
# strings): an office's sheet has a few thousand rows, about a hundred columns and a few MB of text.
MAKS_SEL = 500_000                    # cells of one sheet's used area (rows x columns)
MAKS_SEL_BERKAS = 2_000_000           # the same, all sheets of a workbook together
MAKS_TEKS = 8_000_000                 # characters of cell text in one workbook, each repetition counted
# The reader runs in a child process that cannot take the dashboard or the CLI down with it.
MAKS_MEMORI_BACA = 1024 * 2**20       # its address space (RLIMIT_AS)
MAKS_DETIK_BACA = 20                  # its CPU seconds (RLIMIT_CPU); the parent waits twice that at most
MAKS_MASALAH = 50                     # problems an ImporError message lists; the rest are counted
BATAS_PERUBAHAN = 0.5                 # a figure this share or more away from the unit's last period: confirm it
PENERBIT_BAWAAN = "Dinas Sosial (impor)"
AWALAN_SUMBER = "IMP"                 # sumber_id of an import: IMP0007


class ImporError(Exception):
    """The file cannot be imported; ``pesan`` lists every problem found (Bahasa Indonesia)."""

    def __init__(self, pesan: list[str] | str, *, saran: dict[str, int] | None = None,
                 lembar: list[str] | None = None):
        self.pesan = [pesan] if isinstance(pesan, str) else list(pesan)
        self.saran = dict(saran or {})    # misspelt unit name as written -> the code it most likely means
        self.lembar = list(lembar or [])  # the workbook's sheets, for a page that lets the user pick one
        super().__init__("\n".join(self.pesan))

    def daftar(self) -> list[str]:
        """The problems to show: the first MAKS_MASALAH, then one line counting the rest."""
        if len(self.pesan) <= MAKS_MASALAH:
            return list(self.pesan)
        lain = len(self.pesan) - MAKS_MASALAH
        return [*self.pesan[:MAKS_MASALAH], f"... dan {ribuan(lain)} masalah lain"]

    def paragraf(self) -> str:
        """The problems to show in one paragraph (the CLI's message)."""
        daftar = self.daftar()
        if len(daftar) == 1:
            return " ".join(daftar[0].split())
        nomor = [f"({i}) {p};" for i, p in enumerate(daftar[:MAKS_MASALAH], 1)] + daftar[MAKS_MASALAH:]
        return " ".join(" ".join(nomor).split()).rstrip(";")


def ribuan(n: int) -> str:
    """1950 -> '1.950' (Indonesian thousands separator)."""
    return f"{n:,}".replace(",", ".")


def sumber_id(impor_id: int) -> str:
    return f"{AWALAN_SUMBER}{impor_id:04d}"


def huruf_kolom(c: int) -> str:
    """0 -> 'A', 25 -> 'Z', 26 -> 'AA' (as a spreadsheet names its columns)."""
    s = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


def normal(teks) -> str:
    """Lower-case ASCII words: 'Jumlah  KPM-PKH (KK)' -> 'jumlah kpm pkh kk'."""
    s = unicodedata.normalize("NFKD", str(teks)).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", s).split())


def kutip(teks, maks: int = 40) -> str:
    """A cell's text for a message: one line, at most ``maks`` characters, quoted (6371.0 as 6371)."""
    if isinstance(teks, float) and teks.is_integer():
        teks = int(teks)
    s = " ".join(str(teks).split())
    return repr(s if len(s) <= maks else s[: maks - 1] + "…")


@dataclass(frozen=True)
class Tempat:
    """Where a problem is: file, sheet (None for CSV), row and column as a spreadsheet numbers them."""
    berkas: str
    lembar: str | None = None

    def __call__(self, baris: int | None = None, kolom: int | None = None, judul: str | None = None) -> str:
        s = self.berkas + (f", lembar '{self.lembar}'" if self.lembar is not None else "")
        if baris is not None:
            s += f", baris {baris}"
        if kolom is not None:
            s += f", kolom {huruf_kolom(kolom)}" + (f" ({judul})" if judul else "")
        return s


def ukuran_mb(n: int) -> str:
    """A size limit for people: 20971520 -> '20 MB' (the same in the label, the widget and the message)."""
    return f"{n / 2**20:g} MB".replace(".", ",")


def periksa_jenis(jenis: str) -> None:
    if jenis not in JENIS:
        raise ImporError(f"Jenis '{jenis}' tidak dikenal; pilih pilar atau kpm.")


def _awal_triwulan(periode: str) -> dt.date:
    return dt.date(int(periode[:4]), 3 * int(periode[6]) - 2, 1)


def periksa_periode(jenis: str, periode, hari_ini: dt.date | None = None) -> str | None:
    """None when ``periode`` is a valid, not future period of ``jenis``; else why not."""
    fmt, contoh_fmt, contoh = FORMAT_PERIODE[jenis]
    teks = str(periode or "").strip()
    bentuk, sebab = sumber.format_periode(teks)
    if bentuk != fmt:
        sebab = sebab or f"berformat {sumber.FORMAT_PERIODE[bentuk][0]}"
        return (f"periode '{teks}' tidak sah untuk impor {jenis} ({sebab}); tulis {contoh_fmt}, "
                f"misalnya {contoh}")
    hari_ini = hari_ini or dt.date.today()
    mulai = dt.date.fromisoformat(teks) if jenis == "pilar" else _awal_triwulan(teks)
    if mulai > hari_ini:
        return (f"periode {teks} belum terjadi (hari ini {hari_ini.isoformat()}); angka periode yang akan "
                "datang tidak bisa diimpor")
    return None
