"""What a participant may send, and what is refused before anything is stored (messages in Bahasa Indonesia).

Pure functions: no store, no web. ``periksa`` returns the cleaned fields or raises ``Tolak`` with one line
that says why. Text is kept as the participant wrote it (minus invisible control characters); how it is
shown is the output's business (``tampil``).
"""
from __future__ import annotations

import csv
import functools
import re
import unicodedata
from dataclasses import dataclass

from .. import config

MAKS_TEKS = 1000
MAKS_NAMA = 80
JENIS = {"pertanyaan": "Pertanyaan", "usulan": "Usulan", "pengalaman": "Pengalaman lapangan"}
PIHAK = {"lks": "LKS", "tksk": "TKSK", "psm": "PSM", "karang_taruna": "Karang Taruna",
         "pendamping_pkh": "Pendamping PKH", "tagana": "Tagana", "pelopor_perdamaian": "Pelopor Perdamaian",
         "pemda": "Pemerintah daerah", "lainnya": "Lainnya"}
STATUS = ("baru", "disetujui", "disembunyikan", "digabung")
TINDAK = {"diterima": "Diterima", "ditindaklanjuti": "Ditindaklanjuti", "selesai": "Selesai",
          "tidak_dapat": "Tidak dapat ditindaklanjuti"}
TINDAK_TERBUKA = ("diterima", "ditindaklanjuti")

# Personal data the dialog must not hold: a NIK (16 digits, spaces/dots/dashes allowed between them) and
# an Indonesian phone number (08…, +62 8…, 62 8…, 9 to 13 digits after the prefix).
_NIK = re.compile(r"(?<![0-9])(?:[0-9][ .\-]?){15}[0-9](?![0-9])")
_TELEPON = re.compile(r"(?<![0-9+])(?:\+62|62|0)[ .\-]?8(?:[ .\-]?[0-9]){7,11}(?![0-9])")
_KENDALI = {c for c in range(0x20) if c not in (0x0A,)} | set(range(0x7F, 0xA0))


class Tolak(ValueError):
    """Input refused; ``pesan`` is the one line shown to the participant."""

    def __init__(self, pesan: str):
        super().__init__(pesan)
        self.pesan = pesan


@dataclass(frozen=True)
class Kiriman:
    kode_bps: int
    pihak: str
    jenis: str
    teks: str
    nama: str


def wilayah() -> dict[int, str]:
    """The 13 kabupaten/kota (BPS code -> name) from the reviewed sources, not from the DuckDB file:
    the phone form keeps working while an import rebuilds it."""
    return _wilayah(str(config.sources_dir() / "wilayah.csv"))


@functools.lru_cache(maxsize=4)
def _wilayah(path: str) -> dict[int, str]:
    with open(path, encoding="utf-8") as f:
        return {int(r["kode_bps"]): r["nama"] for r in csv.DictReader(f)}


def bersihkan(s: str) -> str:
    """Control characters (other than a newline) become spaces; Windows newlines become one."""
    s = unicodedata.normalize("NFC", str(s).replace("\r\n", "\n").replace("\r", "\n"))
    return "".join(" " if ord(c) in _KENDALI else c for c in s).strip()


def data_pribadi(s: str) -> str | None:
    """Why ``s`` looks like personal data (a NIK or a phone number), or None."""
    if _NIK.search(s):
        return "Teks memuat 16 angka berturut-turut yang tampak seperti NIK. Data pribadi tidak boleh dikirim; hapus angka itu."
    if _TELEPON.search(s):
        return "Teks memuat nomor telepon. Data pribadi tidak boleh dikirim; hapus nomor itu."
    return None


def kode_wilayah(teks) -> int:
    s = str(teks or "").strip()
    if not re.fullmatch(r"[0-9]{4}", s) or int(s) not in wilayah():
        raise Tolak("Pilih kabupaten/kota di Kalimantan Selatan dari daftar.")
    return int(s)


def periksa(kode_bps, pihak, jenis, teks, nama="") -> Kiriman:
    """The participant's fields checked and cleaned, or ``Tolak`` with the first problem."""
    kode = kode_wilayah(kode_bps)
    if pihak not in PIHAK:
        raise Tolak("Pilih atas nama siapa Anda berbicara dari daftar.")
    if jenis not in JENIS:
        raise Tolak("Pilih jenis masukan: pertanyaan, usulan atau pengalaman lapangan.")
    teks, nama = bersihkan(teks or ""), bersihkan(nama or "")
    if not teks:
        raise Tolak("Teks masih kosong; tulis pertanyaan, usulan atau pengalaman Anda.")
    if len(teks) > MAKS_TEKS:
        raise Tolak(f"Teks terlalu panjang: {len(teks)} karakter, paling banyak {MAKS_TEKS}.")
    if len(nama) > MAKS_NAMA:
        raise Tolak(f"Nama terlalu panjang: paling banyak {MAKS_NAMA} karakter.")
    alasan = data_pribadi(teks) or data_pribadi(nama)
    if alasan:
        raise Tolak(alasan)
    return Kiriman(kode, pihak, jenis, teks, " ".join(nama.split()))


def tampil(s) -> str:
    """Text from a phone made visible as text for any output: invisible and direction-changing characters
    shown as ``<U+202E>``, line breaks kept (``format.teks_bersih``, the one rule)."""
    from ..format import teks_bersih
    return teks_bersih("" if s is None else s, tetap="\n")
