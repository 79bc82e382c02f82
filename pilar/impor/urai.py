"""The rows under a header: each unit's counts, the total row, notes; every problem with its place.

Blank rows are skipped. A row without numbers (a footer note, or a unit left empty in the
template) is skipped and listed. A total row (``Jumlah``, ``Total``, ``Kalimantan Selatan``) is
checked against the sum of the unit rows and never imported as a unit.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from .. import format as fmt
from ..batas.cocok import Wilayah, cocokkan_wilayah
from .angka import cacah, kosong
from .buka import Lembar
from .dasar import JUDUL, OPSIONAL, Tempat, kutip, normal
from .judul import Judul

PROVINSI = {"kalimantan selatan", "provinsi kalimantan selatan", "prov kalimantan selatan", "kalsel",
            "prov kalsel", "provinsi kalsel", "kalimantan selatan province", "south kalimantan"}


@dataclass
class Hasil:
    nilai: dict[tuple[int, str], int | None] = field(default_factory=dict)
    baris: dict[int, int] = field(default_factory=dict)      # kode -> spreadsheet row
    masalah: list[str] = field(default_factory=list)
    diabaikan: list[str] = field(default_factory=list)
    total: list[tuple[int, dict[str, int]]] = field(default_factory=list)  # (row, measure -> total)
    rusak: set[str] = field(default_factory=set)              # measures with a bad unit cell: no total check


@dataclass
class Urai:
    lembar: Lembar
    judul: Judul
    ukuran: dict[str, int]           # measures of this import -> column
    units: list[Wilayah]
    penduduk: dict[int, tuple[float, str]]
    tempat: Tempat
    hasil: Hasil = field(default_factory=Hasil)

    def di(self, r: int, ukuran: str | None = None) -> str:
        if ukuran is None:
            return self.tempat(r + 1)
        c = self.ukuran[ukuran]
        return self.tempat(r + 1, c, self.judul.teks.get(c, JUDUL[ukuran]))


def _label_total(baris: list, batas: int) -> str | None:
    for v in baris[:batas]:
        if isinstance(v, str) and v.strip():
            t = normal(v)
            if t.startswith(("jumlah", "total", "grand total")) or t in PROVINSI:
                return v.strip()
    return None


def _saran(teks, units: list[Wilayah]) -> str:
    hit = process.extractOne(normal(teks), {u.kode_bps: normal(u.nama_pendek) for u in units},
                             scorer=fuzz.ratio, score_cutoff=80)
    return f"; maksudnya {next(u.nama for u in units if u.kode_bps == hit[2])}?" if hit else ""


def _unit(kode_v, nama_v, units: list[Wilayah]) -> tuple[Wilayah | None, list[str]]:
    salah, u_kode, u_nama = [], None, None
    if not kosong(kode_v):
        u_kode = cocokkan_wilayah(kode_v, units)
        if u_kode is None:
            salah.append(f"kode wilayah {kutip(kode_v)} bukan kabupaten/kota Kalimantan Selatan")
    if not kosong(nama_v):
        u_nama = cocokkan_wilayah(nama_v, units)
        if u_nama is None:
            salah.append(f"{kutip(nama_v)} bukan kabupaten/kota Kalimantan Selatan{_saran(nama_v, units)}")
    if u_kode and u_nama and u_kode != u_nama:
        salah.append(f"kode {kutip(kode_v)} adalah {u_kode.nama}, tetapi namanya {kutip(nama_v)} ({u_nama.nama}); "
                     "kode dan nama tidak sama")
    if kosong(kode_v) and kosong(nama_v):
        salah.append("ada angka tetapi tidak ada kabupaten/kota")
    return (None if salah else (u_kode or u_nama)), salah


def _sel(u: Urai, r: int, ukuran: str, unit: Wilayah | None) -> tuple[bool, int | None]:
    """(valid, count) of one measure cell of a unit row; problems go to ``u.hasil``."""
    c = u.ukuran[ukuran]
    v = u.lembar.nilai(r, c)
    tanda = u.lembar.tanda.get((r, c))
    if tanda:
        u.hasil.masalah.append(f"{u.di(r, ukuran)}: {tanda}")
        return False, None
    if kosong(v):
        if ukuran in OPSIONAL:
            return True, None
        u.hasil.masalah.append(f"{u.di(r, ukuran)}: kosong; tulis 0 bila memang tidak ada")
        return False, None
    n, salah = cacah(v)
    if salah is None and unit is not None and unit.kode_bps in u.penduduk and n > u.penduduk[unit.kode_bps][0]:
        pend, per = u.penduduk[unit.kode_bps]
        salah = (f"{fmt.angka(n, 'id')} lebih besar dari jumlah penduduk {unit.nama} ({fmt.angka(pend, 'id')} jiwa, "
                 f"{per}); periksa angkanya")
    if salah:
        u.hasil.masalah.append(f"{u.di(r, ukuran)}: {salah}")
        return False, None
    return True, n


def _baris_total(u: Urai, r: int, label: str) -> None:
    totals = {}
    for ukuran in u.ukuran:
        v = u.lembar.nilai(r, u.ukuran[ukuran])
        if kosong(v) and (r, u.ukuran[ukuran]) not in u.lembar.tanda:
            continue
        ok, n = _sel(u, r, ukuran, None)
        if ok and n is not None:
            totals[ukuran] = n
    u.hasil.total.append((r, totals))


def _baris(u: Urai, r: int) -> None:
    baris = u.lembar.sel[r]
    if all(kosong(v) for v in baris):
        return
    ada_isi = any(not kosong(u.lembar.nilai(r, c)) or (r, c) in u.lembar.tanda for c in u.ukuran.values())
    kolom_unit = [c for c in (u.judul.kode, u.judul.nama) if c is not None]
    label = _label_total(baris, min(u.ukuran.values()) if u.ukuran else len(baris))
    if label:
        if ada_isi:
            _baris_total(u, r, label)
        else:
            u.hasil.diabaikan.append(f"{u.di(r)} ({kutip(label)}): baris jumlah tanpa angka, dilewati")
        return
    kode_v = u.lembar.nilai(r, u.judul.kode) if u.judul.kode is not None else None
    nama_v = u.lembar.nilai(r, u.judul.nama) if u.judul.nama is not None else None
    if not ada_isi:
        teks = next((v for v in [*(u.lembar.nilai(r, c) for c in kolom_unit), *baris] if not kosong(v)), "")
        u.hasil.diabaikan.append(f"{u.di(r)} ({kutip(teks)}): tanpa angka, dilewati")
        return
    unit, salah = _unit(kode_v, nama_v, u.units)
    u.hasil.masalah += [f"{u.di(r)}: {s}" for s in salah]
    _simpan_baris(u, r, unit)


def _simpan_baris(u: Urai, r: int, unit: Wilayah | None) -> None:
    nilai = {}
    for ukuran in u.ukuran:
        ok, n = _sel(u, r, ukuran, unit)
        if not ok:
            u.hasil.rusak.add(ukuran)
        nilai[ukuran] = n
    if unit is None:
        u.hasil.rusak.update(u.ukuran)
        return
    if unit.kode_bps in u.hasil.baris:
        u.hasil.masalah.append(f"{u.di(r)}: {unit.nama} sudah ada di baris {u.hasil.baris[unit.kode_bps]}; "
                               "satu kabupaten/kota satu baris")
        u.hasil.rusak.update(u.ukuran)
        return
    u.hasil.baris[unit.kode_bps] = r + 1
    for ukuran, n in nilai.items():
        u.hasil.nilai[(unit.kode_bps, ukuran)] = n


def _cek_total(u: Urai) -> None:
    for r, totals in u.hasil.total:
        for ukuran, total in totals.items():
            if ukuran in u.hasil.rusak:
                continue
            isi = [n for (k, m), n in u.hasil.nilai.items() if m == ukuran and n is not None]
            if sum(isi) != total:
                u.hasil.masalah.append(
                    f"{u.di(r, ukuran)}: baris jumlah {fmt.angka(total, 'id')} tidak sama dengan jumlah "
                    f"{len(isi)} baris kabupaten/kota di lembar ini, {fmt.angka(sum(isi), 'id')}")


def urai(u: Urai) -> Hasil:
    for r in range(u.judul.baris + 1, len(u.lembar.sel)):
        _baris(u, r)
    _cek_total(u)
    return u.hasil
