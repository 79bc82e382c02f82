"""Column headers: which column holds unit codes, unit names and each measure, wherever the header
row is (below title rows, under merged title cells, over two rows), in any case, short or long.

A header close to a known one but not equal (``Karang Tarun``, also after other words:
``xx Karang Tarun``) is an error with a suggestion, never silently dropped; other columns (``No.``,
``Keterangan``) are ignored and listed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from .buka import Lembar
from .dasar import JUDUL, UKURAN, normal

# Normalised header (see dasar.normal) -> measure. Prefixes 'jumlah', 'jml', 'total' are dropped first.
SEBUTAN = {
    "lks": ["lks", "lembaga kesejahteraan sosial"],
    "tksk": ["tksk", "tenaga kesejahteraan sosial kecamatan"],
    "psm": ["psm", "pekerja sosial masyarakat"],
    "karang_taruna": ["karang taruna"],
    "pendamping_pkh": ["pendamping pkh", "pendamping program keluarga harapan", "pendamping sosial pkh",
                       "sdm pkh"],
    "tagana": ["tagana", "taruna siaga bencana"],
    "pelopor_perdamaian": ["pelopor perdamaian"],
    "kpm": ["kpm", "kpm pkh", "pkh", "keluarga penerima manfaat", "keluarga penerima manfaat pkh",
            "penerima pkh", "kpm program keluarga harapan", "keluarga penerima manfaat program keluarga harapan"],
    "graduasi": ["graduasi", "kpm graduasi", "graduasi kpm", "kpm tergraduasi", "graduasi pkh", "kpm graduasi pkh",
                 "graduasi kpm pkh", "kpm yang graduasi", "kpm keluar graduasi"],
}
KE_UKURAN = {s: k for k, daftar in SEBUTAN.items() for s in daftar}
AWALAN = ("jumlah", "jml", "total", "banyaknya", "data")
AKHIRAN = ("orang", "org", "lembaga", "unit", "kk", "kpm")
# Headers that are known not to be measures: never suggested as one.
ABAIKAN = {"no", "no urut", "nomor", "nomor urut", "urut", "keterangan", "ket", "catatan", "sumber", "sumber data",
           "periode", "tahun", "bulan", "triwulan", "tanggal", "provinsi", "prov", "kecamatan", "status"}
KATA_WILAYAH = {"kabupaten", "kab", "kota", "kabkota", "wilayah", "daerah", "kabupatenkota"}
MIRIP = 80  # rapidfuzz ratio from which a header is "close to" a known one
MIRIP_AKHIRAN = 88  # the same for the words at a header's end (after other words)
CARI_BARIS = 30  # header rows are looked for in this many first rows


def _bagian(teks: str) -> list[str]:
    """The whole header, the part outside parentheses and each part inside, normalised."""
    dalam = re.findall(r"\(([^)]*)\)", teks)
    luar = re.sub(r"\([^)]*\)", " ", teks)
    return [p for p in dict.fromkeys([normal(teks), normal(luar), *map(normal, dalam)]) if p]


def _tanpa_imbuhan(p: str) -> list[str]:
    kata = p.split()
    while len(kata) > 1 and kata[0] in AWALAN:
        kata = kata[1:]
    out = [" ".join(kata)]
    if len(kata) > 1 and kata[-1] in AKHIRAN:
        out.append(" ".join(kata[:-1]))
    return out


def _wilayah(p: str) -> str | None:
    kata = p.split()
    if kata[0] in ("kode", "kd", "code"):
        return "kode"
    if kata[0] == "nama" and len(kata) == 1:
        return "nama_polos"
    if set(kata) & KATA_WILAYAH or re.fullmatch(r"kab\s*kota", p):
        return "nama"
    return None


def kenali(teks) -> tuple[str, str | None]:
    """What a header is: ('ukuran', measure), ('kode'|'nama'|'nama_polos', None), ('mirip', measure),
    ('abaikan', None) or ('kosong', None)."""
    if teks is None or not str(teks).strip():
        return "kosong", None
    bagian = _bagian(str(teks))
    calon = [q for p in bagian for q in _tanpa_imbuhan(p)]
    for q in calon:
        if q in KE_UKURAN:
            return "ukuran", KE_UKURAN[q]
    if not bagian:
        return "abaikan", None
    w = _wilayah(bagian[0])
    if w:
        return w, None
    if any(q in ABAIKAN for q in calon):
        return "abaikan", None
    for q, batas in _akhiran_kata(calon):
        hit = process.extractOne(q, list(KE_UKURAN), scorer=fuzz.ratio, score_cutoff=batas)
        if hit:
            return "mirip", KE_UKURAN[hit[0]]
    return "abaikan", None


def _akhiran_kata(calon: list[str]) -> list[tuple[str, int]]:
    """(text, cutoff): each header whole, then every word-suffix of it, so junk in front does not hide a
    near-miss ('xx karang tarun' is also 'karang tarun'). A suffix needs 4 letters and a closer match: a
    typo, not a shorter name ('data terpadu kesejahteraan sosial' is not LKS)."""
    out = {q: MIRIP for q in calon if len(q) >= 3}
    for q in calon:
        kata = q.split()
        for s in (" ".join(kata[i:]) for i in range(1, len(kata))):
            if len(s) >= 4 and s not in ABAIKAN:
                out.setdefault(s, MIRIP_AKHIRAN)
    return list(out.items())


@dataclass
class Judul:
    baris: int                         # 0-based row of the (last) header row
    teks: dict[int, str]               # column -> header text as written
    kode: int | None = None
    nama: int | None = None
    ukuran: dict[str, int] = field(default_factory=dict)
    mirip: dict[int, str] = field(default_factory=dict)     # column -> suggested measure
    ganda: dict[str, list[int]] = field(default_factory=dict)  # measure -> columns, when more than one
    diabaikan: list[int] = field(default_factory=list)

    @property
    def ada_wilayah(self) -> bool:
        return self.kode is not None or self.nama is not None

    def skor(self) -> tuple:
        return (self.ada_wilayah and bool(self.ukuran or self.mirip), len(self.ukuran) + len(self.mirip),
                self.ada_wilayah)

    def jenis_lain(self, jenis: str) -> list[str]:
        return [m for m in self.ukuran if m not in UKURAN[jenis]]


def _isi_gabung(lembar: Lembar, batas: int) -> dict[tuple[int, int], object]:
    """Header cells under a merged range take the range's value (top-left cell)."""
    isi = {}
    for (r0, c0), (r1, c1) in lembar.gabung:
        if r0 >= batas:
            continue
        v = lembar.nilai(r0, c0)
        for r in range(r0, min(r1, batas) + 1):
            for c in range(c0, min(c1, c0 + 200) + 1):
                isi[(r, c)] = v
    return isi


def _baca_judul(r: int, teks: dict[int, str]) -> Judul:
    j = Judul(r, teks)
    polos = None
    for c, t in sorted(teks.items()):
        apa, ukuran = kenali(t)
        if apa == "ukuran":
            j.ganda.setdefault(ukuran, []).append(c)
            j.ukuran.setdefault(ukuran, c)
        elif apa == "kode" and j.kode is None:
            j.kode = c
        elif apa == "nama" and j.nama is None:
            j.nama = c
        elif apa == "nama_polos" and polos is None:
            polos = c
        elif apa == "mirip":
            j.mirip[c] = ukuran
        elif apa != "kosong":
            j.diabaikan.append(c)
    if j.nama is None and polos is not None:
        j.nama = polos
    elif polos is not None:
        j.diabaikan.append(polos)
    j.ganda = {k: v for k, v in j.ganda.items() if len(v) > 1}
    return j


def _teks_baris(lembar: Lembar, r: int, gabung: dict, atas: int | None = None) -> dict[int, str]:
    lebar = len(lembar.sel[r]) if r < len(lembar.sel) else 0
    out = {}
    for c in range(lebar):
        v = gabung.get((r, c), lembar.nilai(r, c))
        if (v is None or str(v).strip() == "") and atas is not None:
            v = gabung.get((atas, c), lembar.nilai(atas, c))
        if v is not None and str(v).strip():
            out[c] = " ".join(str(v).split())
    return out


def cari_judul(lembar: Lembar) -> Judul | None:
    """The first header row with a unit column and a measure column (one row, or a row completed by
    the row above it); else the most promising partial header, or None."""
    batas = min(len(lembar.sel), CARI_BARIS)
    gabung = _isi_gabung(lembar, batas)
    terbaik = None
    for r in range(batas):
        for atas in (None, r - 1) if r > 0 else (None,):
            teks = _teks_baris(lembar, r, gabung, atas)
            if not teks:
                continue
            j = _baca_judul(r, teks)
            if j.skor()[0]:
                return j
            if j.skor()[1] and (terbaik is None or j.skor() > terbaik.skor()):
                terbaik = j
    return terbaik


def label(ukuran: str) -> str:
    return JUDUL[ukuran]
