"""The rows under a header: each unit's counts, the total rows, notes; every problem with its place.

Blank rows are skipped. What is not the table is ignored and listed, never an error: the row of
column numbers under the header ("(1) (2) (3) ..."), rows without a unit and without a number
(footnotes "Sumber: ...", the signature block "Mengetahui, Kepala Dinas ...", a name, "NIP. ...", a
place and date in any column), and a unit left empty in the template. A total row (``Jumlah``,
``Total``, ``Kalimantan Selatan``) is checked against the sum of the unit rows and never imported; a
subtotal row (``Jumlah Kota``, ``Jumlah Kabupaten``) against its own group. ``-`` in a count cell is
nil (0), as in BPS tables; those cells are listed for the preview.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import re

from rapidfuzz import fuzz, process

from .. import format as fmt
from ..batas.cocok import Wilayah, _urai_nama, cocokkan_wilayah
from .angka import cacah, kosong, mirip_angka, strip
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
    total: list[tuple[int, str | None, dict[str, int]]] = field(default_factory=list)  # (row, group, totals)
    rusak: set[str] = field(default_factory=set)              # measures with a bad unit cell: no total check
    saran: dict[str, int] = field(default_factory=dict)       # unknown name as written -> suggested unit code
    nihil: list[str] = field(default_factory=list)            # cells holding '-', read as 0


@dataclass
class Urai:
    lembar: Lembar
    judul: Judul
    ukuran: dict[str, int]           # measures of this import -> column
    units: list[Wilayah]
    penduduk: dict[int, tuple[float, str]]
    tempat: Tempat
    hasil: Hasil = field(default_factory=Hasil)
    cocokkan: dict[str, int] = field(default_factory=dict)   # name as written -> unit code, accepted by the user

    def di(self, r: int, ukuran: str | None = None) -> str:
        if ukuran is None:
            return self.tempat(r + 1)
        c = self.ukuran[ukuran]
        return self.tempat(r + 1, c, self.judul.teks.get(c, JUDUL[ukuran]))

    def di_kolom(self, r: int, c: int | None) -> str:
        """Row ``r`` and column ``c`` (a unit column) as a spreadsheet shows them."""
        if c is None:
            return self.tempat(r + 1)
        return self.tempat(r + 1, c, self.judul.teks.get(c))


_SUBTOTAL = re.compile(r"^(?:sub ?total|subjumlah|jumlah|total)\s+(kota|kabupaten|kab)$")
_NOMOR_KOLOM = re.compile(r"\(?\s*([0-9]{1,3})\s*\)?")


def _label_total(baris: list, batas: int) -> str | None:
    for v in baris[:batas]:
        if isinstance(v, str) and v.strip():
            t = normal(v)
            if t.startswith(("jumlah", "total", "grand total", "sub total", "subtotal")) or t in PROVINSI:
                return v.strip()
    return None


def kelompok_total(label: str) -> str | None:
    """'kota' or 'kabupaten' for a subtotal row ('Jumlah Kota', 'Sub Total Kabupaten'); None: the grand total."""
    m = _SUBTOTAL.match(normal(label))
    return None if m is None else ("kota" if m.group(1) == "kota" else "kabupaten")


def nomor_kolom(baris: list) -> bool:
    """The row of column numbers government tables put under the header: '(1) (2) (3) ...' or 1 2 3 ...,
    at least three, each one more than the one before."""
    nomor = []
    for v in baris:
        if kosong(v):
            continue
        if isinstance(v, bool):
            return False
        if isinstance(v, (int, float)) and v == int(v):
            nomor.append(int(v))
            continue
        m = _NOMOR_KOLOM.fullmatch(str(v).strip())
        if m is None:
            return False
        nomor.append(int(m.group(1)))
    return len(nomor) >= 3 and all(b == a + 1 for a, b in zip(nomor, nomor[1:]))


def saran_unit(teks, units: list[Wilayah]) -> Wilayah | None:
    """The unit a misspelt name most likely means ('Kab. Tabalung' -> Kabupaten Tabalong), or None. The
    prefix ('Kab.', 'Kota') is set aside and must agree with the unit's kind when there is one."""
    if not isinstance(teks, str) or not teks.strip():
        return None
    jenis, inti, _utuh = _urai_nama(teks)
    calon = {u.kode_bps: u.inti for u in units if jenis in (None, u.jenis)}
    hit = process.extractOne(inti, calon, scorer=fuzz.ratio, score_cutoff=80)
    return next(u for u in units if u.kode_bps == hit[2]) if hit else None


def _nama_salah(nama_v, units: list[Wilayah]) -> tuple[str, Wilayah | None]:
    u = saran_unit(nama_v, units)
    if u is None:
        return (f"{kutip(nama_v)} bukan kabupaten/kota Kalimantan Selatan; tulis nama atau kode BPS salah satu dari "
                "13 kabupaten/kota (misalnya Kabupaten Tapin atau 6305)"), None
    teks = " ".join(str(nama_v).split())
    return (f"{kutip(nama_v)}: maksudnya {u.nama}? Nama ini bukan kabupaten/kota Kalimantan Selatan; perbaiki "
            f"namanya, atau terima sarannya (halaman Impor: tombol Terima; CLI: --cocokkan \"{teks}={u.kode_bps}\")"), u


def _unit(kode_v, nama_v, units: list[Wilayah], cocokkan: dict[str, int] | None = None,
          saran: dict[str, int] | None = None) -> tuple[Wilayah | None, list[str]]:
    """(unit, problems) of a row's code and name cells. ``cocokkan``: names the user accepted (as written,
    spaces collapsed) -> code; ``saran`` collects each misspelt name's suggested code."""
    salah, u_kode, u_nama = [], None, None
    if not kosong(kode_v):
        u_kode = cocokkan_wilayah(kode_v, units)
        if u_kode is None:
            salah.append(f"kode wilayah {kutip(kode_v)} bukan kabupaten/kota Kalimantan Selatan; kode BPS "
                         "Kalimantan Selatan adalah 6301 sampai 6311, 6371 dan 6372")
    if not kosong(nama_v):
        diterima = (cocokkan or {}).get(" ".join(str(nama_v).split()))
        u_nama = next((u for u in units if u.kode_bps == diterima), None) or cocokkan_wilayah(nama_v, units)
        if u_nama is None:
            pesan, u = _nama_salah(nama_v, units)
            salah.append(pesan)
            if u is not None and saran is not None:
                saran[" ".join(str(nama_v).split())] = u.kode_bps
    if u_kode and u_nama and u_kode != u_nama:
        salah.append(f"kode {kutip(kode_v)} adalah {u_kode.nama}, tetapi namanya {kutip(nama_v)} ({u_nama.nama}); "
                     "kode dan nama tidak sama")
    if kosong(kode_v) and kosong(nama_v):
        salah.append("kabupaten/kota kosong, padahal baris ini berisi angka; tulis nama atau kode kabupaten/kota")
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
    if strip(v):
        u.hasil.nihil.append(u.di(r, ukuran))
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
    totals: dict[str, int] = {}
    for ukuran in u.ukuran:
        v = u.lembar.nilai(r, u.ukuran[ukuran])
        if kosong(v) and (r, u.ukuran[ukuran]) not in u.lembar.tanda:
            continue
        ok, n = _sel(u, r, ukuran, None)
        if ok and n is not None:
            totals[ukuran] = n
    u.hasil.total.append((r, kelompok_total(label), totals))


def _baris(u: Urai, r: int) -> None:
    baris = u.lembar.sel[r]
    if all(kosong(v) for v in baris):
        return
    sel = [(c, u.lembar.nilai(r, c)) for c in u.ukuran.values()]
    ada_isi = any(not kosong(v) or (r, c) in u.lembar.tanda for c, v in sel)
    ada_angka = any(mirip_angka(v) or (r, c) in u.lembar.tanda for c, v in sel)
    label = _label_total(baris, min(u.ukuran.values()) if u.ukuran else len(baris))
    teks = next((v for v in baris if not kosong(v)), "")
    if label:
        if ada_isi:
            _baris_total(u, r, label)
        else:
            u.hasil.diabaikan.append(f"{u.di(r)} ({kutip(label)}): baris jumlah tanpa angka, dilewati")
        return
    if not u.hasil.baris and not u.hasil.total and nomor_kolom(baris):
        u.hasil.diabaikan.append(f"{u.di(r)}: nomor kolom ({kutip(teks)} ...), diabaikan")
        return
    kode_v = u.lembar.nilai(r, u.judul.kode) if u.judul.kode is not None else None
    nama_v = u.lembar.nilai(r, u.judul.nama) if u.judul.nama is not None else None
    ada_unit = not (kosong(kode_v) and kosong(nama_v))
    if not ada_angka and not (ada_unit and ada_isi):
        apa = "tanpa angka, dilewati" if ada_unit else "bukan baris data (judul, catatan atau tanda tangan), diabaikan"
        u.hasil.diabaikan.append(f"{u.di(r)} ({kutip(kode_v if kosong(nama_v) and ada_unit else nama_v or teks)}): "
                                 f"{apa}")
        return
    unit, salah = _unit(kode_v, nama_v, u.units, u.cocokkan, u.hasil.saran)
    u.hasil.masalah += [f"{u.di_kolom(r, _kolom_pesan(u, s))}: {s}" for s in salah]
    _simpan_baris(u, r, unit)


def _kolom_pesan(u: Urai, pesan: str) -> int | None:
    """The unit column a problem is about: the code column for a code, else the name column."""
    if pesan.startswith("kode") and u.judul.kode is not None:
        return u.judul.kode
    return u.judul.nama if u.judul.nama is not None else u.judul.kode


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
    jenis = {w.kode_bps: w.jenis for w in u.units}
    for r, kelompok, totals in u.hasil.total:
        for ukuran, total in totals.items():
            if ukuran in u.hasil.rusak:
                continue
            isi = [n for (k, m), n in u.hasil.nilai.items()
                   if m == ukuran and n is not None and kelompok in (None, jenis.get(k))]
            if sum(isi) != total:
                apa = "kabupaten/kota" if kelompok is None else kelompok
                u.hasil.masalah.append(
                    f"{u.di(r, ukuran)}: baris jumlah{'' if kelompok is None else ' ' + kelompok} "
                    f"{fmt.angka(total, 'id')} tidak sama dengan jumlah {len(isi)} baris {apa} di lembar ini, "
                    f"{fmt.angka(sum(isi), 'id')}; periksa angka atau rumus jumlahnya")


def urai(u: Urai) -> Hasil:
    judul = [r for r in range(u.judul.baris) if not all(kosong(v) for v in u.lembar.sel[r])]
    if judul:
        teks = next(v for v in u.lembar.sel[judul[0]] if not kosong(v))
        u.hasil.diabaikan.append(f"{u.tempat(judul[0] + 1)}{'' if len(judul) == 1 else f' s.d. {judul[-1] + 1}'} "
                                 f"({kutip(teks)}): di atas judul kolom (judul lembar), diabaikan")
    for r in range(u.judul.baris + 1, len(u.lembar.sel)):
        _baris(u, r)
    _cek_total(u)
    return u.hasil
