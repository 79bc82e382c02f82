"""Which of the 13 units a value names: by code (6371, 63.71, ID6371) or by name. No geometry here.

``cocokkan_wilayah`` and ``cocokkan_kolom`` are public: a spreadsheet importer reuses them for the
unit names people type. ``cocokkan_baris`` finds each unit's rows in a boundary file's attribute
table; the caller passes the one geometric check (is the row in Kalsel's rough box?) as a function.

The traps it knows: "Kota Baru" in some sets is Kabupaten Kotabaru; "Kota Banjar Baru" and
"Banjar Baru" are Kota Banjarbaru; "Banjar" is Kabupaten Banjar, never Banjarmasin or Banjarbaru;
"Kota Banjar" (Jawa Barat) is no Kalsel unit; local abbreviations (Tala, Batola, HSS, HST, HSU, Tanbu).
"""
from __future__ import annotations

import math
import numbers
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

# Rough box of Kalimantan Selatan (with islands), for the representative point of a row.
BBOX_KALSEL = (113.9, -5.2, 117.7, -1.1)
NAMA_PROVINSI = {"kalimantanselatan", "provinsikalimantanselatan", "provkalimantanselatan",
                 "southkalimantan", "kalsel", "kalimantansouth"}
ISO_PROVINSI = "idks"
# Abbreviations used in Kalsel's own documents and spreadsheets -> BPS code.
SINGKATAN = {"tala": 6301, "batola": 6304, "hss": 6306, "hst": 6307, "hsu": 6308, "tanbu": 6310}


@dataclass(frozen=True)
class Wilayah:
    """One unit, as in the ``wilayah`` table."""
    kode_bps: int
    kode_kemendagri: str
    nama: str            # 'Kabupaten Tanah Laut', 'Kota Banjarbaru'
    nama_pendek: str     # 'Tanah Laut', 'Banjarbaru'
    jenis: str           # 'kabupaten' | 'kota'

    @classmethod
    def dari_baris(cls, r: Mapping) -> Wilayah:
        """From a row of the ``wilayah`` table or of data/sources/wilayah.csv (values may be text)."""
        return cls(int(r["kode_bps"]), str(r["kode_kemendagri"]), r["nama"], r["nama_pendek"], r["jenis"])

    @cached_property
    def inti(self) -> str:       # 'kotabaru'
        return _alnum(self.nama_pendek)

    @cached_property
    def lengkap(self) -> str:    # 'kabupatenkotabaru'
        return _alnum(self.nama)


def _ascii(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()


def _alnum(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", _ascii(s))


_PREFIKS = re.compile(r"^(?:(kabupaten administrasi|kota administrasi|kabupaten|kotamadya|kodya|kab|kota|kot)\s+"
                      r"|(kab|kot)\.\s*)(.+)$")
_SUFIKS = re.compile(r"^(.+?)\s+(regency|city)$")
_JENIS = {"kabupaten": "kabupaten", "kab": "kabupaten", "regency": "kabupaten", "kabupatenadministrasi": "kabupaten",
          "kota": "kota", "kotamadya": "kota", "kodya": "kota", "city": "kota", "kotaadministrasi": "kota"}


def _urai_nama(nilai: str) -> tuple[str | None, str, str]:
    """(kind or None, core, whole) of a name: 'Kota Banjar Baru' -> ('kota', 'banjarbaru', 'kotabanjarbaru')."""
    s = re.sub(r"\s+", " ", re.sub(r"[^a-z0-9. ]+", " ", _ascii(nilai))).strip()
    m = _PREFIKS.match(s)
    if m:
        kata = m.group(1) or m.group(2)
        return _JENIS.get(_alnum(kata), "kota" if kata.startswith("kot") else "kabupaten"), _alnum(m.group(3)), _alnum(s)
    m = _SUFIKS.match(s)
    if m:
        return _JENIS[m.group(2)], _alnum(m.group(1)), _alnum(s)
    return None, _alnum(s), _alnum(s)


def jenis_dari(nilai) -> str | None:
    """'kabupaten' or 'kota' from a kind value ('Kab.', 'Kabupaten', 'Kota', 'Regency', 'City'), else None."""
    return _JENIS.get(_alnum(nilai)) if isinstance(nilai, str) else None


_KODE_STR = re.compile(r"^(?:id)?[-_ ]?(\d{2})[.\-_ ]?(\d{2})$")


def kode_wilayah(v) -> int | None:
    """A 4-digit unit code from 6371, 6371.0, '6371', '63.71', 'ID6371', 'ID-63-71'; else None."""
    if v is None or isinstance(v, bool):
        return None
    if isinstance(v, numbers.Integral):
        return int(v) if 1000 <= v <= 9999 else None
    if isinstance(v, numbers.Real):
        return int(v) if math.isfinite(v) and v == int(v) and 1000 <= v <= 9999 else None
    if isinstance(v, str):
        m = _KODE_STR.match(v.strip().lower())
        return int(m.group(1) + m.group(2)) if m else None
    return None


def _cocok_nama(nilai, units: list[Wilayah], jenis_baris: str | None) -> Wilayah | None:
    if not isinstance(nilai, str) or not nilai.strip():
        return None
    jenis, inti, utuh = _urai_nama(nilai)
    jenis = jenis or jenis_baris
    for u in units:
        if (inti == u.inti or SINGKATAN.get(inti) == u.kode_bps) and jenis in (None, u.jenis):
            return u
    for u in units:
        # "Kota Baru" is Kabupaten Kotabaru in some sets: the whole name equals the unit's name.
        if utuh in (u.inti, u.lengkap) and jenis_baris in (None, u.jenis):
            return u
    return None


def cocokkan_wilayah(nilai, units: Iterable[Wilayah], jenis: str | None = None) -> Wilayah | None:
    """The unit ``nilai`` names, or None when it names none of ``units`` or is ambiguous.

    ``nilai`` may be a code (BPS 6371, Kemendagri '63.71', P-code 'ID6371') or a name in any case,
    with or without a prefix or suffix ('Kab.', 'Kabupaten', 'Kota', 'Kodya', 'Regency', 'City') and
    with the local abbreviations Tala, Batola, HSS, HST, HSU, Tanbu. ``jenis`` is the kind from
    another column ('Kabupaten'/'Kota'), used when the name has no prefix. Examples: 'Banjar' is
    Kabupaten Banjar (never Banjarmasin or Banjarbaru); 'Kota Baru' is Kabupaten Kotabaru; 'Kota
    Banjar Baru' is Kota Banjarbaru; 'Kota Banjar' (Jawa Barat) matches nothing.
    """
    units = list(units)
    kode = kode_wilayah(nilai)
    if kode is not None:
        return next((u for u in units if kode in (u.kode_bps, kode_wilayah(u.kode_kemendagri))), None)
    return _cocok_nama(nilai, units, jenis_dari(jenis) if jenis else None)


def cocokkan_kolom(nilai: Iterable, units: Iterable[Wilayah], jenis: Iterable | None = None) -> list[Wilayah | None]:
    """``cocokkan_wilayah`` for each value of a column (``jenis``: an optional kind column)."""
    units = list(units)
    nilai = list(nilai)
    jenis = list(jenis) if jenis is not None else [None] * len(nilai)
    return [cocokkan_wilayah(v, units, j) for v, j in zip(nilai, jenis, strict=True)]


# ---------------------------------------------------------------- rows of a boundary file

def _provinsi(v, kode_prov: int) -> bool | None:
    """True: the value names Kalsel; False: another province; None: empty or not a province."""
    if v is None or isinstance(v, bool):
        return None
    if isinstance(v, numbers.Real):
        return int(v) == kode_prov if math.isfinite(v) and v == int(v) and 11 <= v <= 99 else None
    if not isinstance(v, str) or not v.strip():
        return None
    a = _alnum(v)
    if a in NAMA_PROVINSI or a == ISO_PROVINSI or "kalimantanselatan" in a or "southkalimantan" in a:
        return True
    m = re.match(r"^(?:id)?(\d{2})$", a)
    if m:
        return int(m.group(1)) == kode_prov
    return False


_PETUNJUK_KODE = re.compile(r"kode|kd|code|pcode|bps|kemendagri|iso|adm2|kab|regency")
_PETUNJUK_PROV = re.compile(r"prov|adm1|name_1|wadmpr|kdppum|propinsi|province")


@dataclass
class HasilCocok:
    """Rows of each unit found in a file: kode_bps -> row positions, how, and rows left out."""
    baris: dict[int, list[int]] = field(default_factory=dict)
    cara: dict[int, str] = field(default_factory=dict)
    diabaikan: list[str] = field(default_factory=list)


@dataclass
class _Tabel:
    """A file's attribute table as plain lists (NaN as None), and the box check per row."""
    kolom: dict[str, list]
    dalam: Callable[[int], bool]
    n: int
    keluar: list[bool] = field(default_factory=list)       # rows of another province
    jenis: list[str | None] = field(default_factory=list)  # kind column, for names without a prefix


def _keluar(t: _Tabel, kode_prov: int) -> list[bool]:
    """Rows a province field puts outside Kalsel.

    A column where some row names Kalsel excludes rows naming anything else; a province-named
    column where no row is Kalsel excludes rows with a (province) name.
    """
    keluar = [False] * t.n
    for c, vs in t.kolom.items():
        hinted = bool(_PETUNJUK_PROV.search(c.lower()))
        flags = [_provinsi(v, kode_prov) for v in vs]
        if any(f is True for f in flags) and (hinted or any(
                isinstance(v, str) and _alnum(v) in NAMA_PROVINSI for v in vs)):
            keluar = [k or f is False for k, f in zip(keluar, flags)]
        elif hinted and not any(f is True for f in flags):
            keluar = [k or (f is False and isinstance(v, str)) for k, f, v in zip(keluar, flags, vs)]
    return keluar


def _kolom_jenis(t: _Tabel) -> list[str | None]:
    """The kind column (Kabupaten/Kota) when the file has one."""
    for vs in t.kolom.values():
        isi = [v for v in vs if isinstance(v, str) and v.strip()]
        if isi and all(_alnum(v) in _JENIS for v in isi):
            return [jenis_dari(v) for v in vs]
    return [None] * t.n


def _kolom_kode(t: _Tabel) -> list[str]:
    """Code columns: a code-like column name and (nearly) all values parse as 4-digit codes."""
    out = []
    for c, vs in t.kolom.items():
        isi = [v for v in vs if v is not None and not (isinstance(v, str) and not v.strip())]
        if isi and _PETUNJUK_KODE.search(c.lower()) and sum(kode_wilayah(v) is not None for v in isi) >= 0.9 * len(isi):
            out.append(c)
    return out


def _dengan_kode(t: _Tabel, units: list[Wilayah], kolom: list[str], hasil: HasilCocok) -> list[int]:
    """Match rows by their codes into ``hasil``; returns the rows that have no code at all."""
    by_kode = {u.kode_bps: u for u in units}
    tanpa_kode = []
    for i in range(t.n):
        if t.keluar[i]:
            continue
        found, any_code = {}, False
        for c in kolom:
            k = kode_wilayah(t.kolom[c][i])
            if k is not None:
                any_code = True
                if k in by_kode:
                    found.setdefault(k, f"kode di kolom {c}: {t.kolom[c][i]}")
        if not any_code:
            tanpa_kode.append(i)
        elif len(found) > 1:
            hasil.diabaikan.append(f"baris {i + 1}: kode berbeda-beda ({', '.join(found.values())})")
        elif found:  # a code of another unit is never matched by name
            (k, how), = found.items()
            if not t.dalam(i):
                hasil.diabaikan.append(f"baris {i + 1} ({how}): letaknya di luar Kalimantan Selatan")
                continue
            hasil.baris.setdefault(k, []).append(i)
            hasil.cara.setdefault(k, how)
    return tanpa_kode


def _dengan_nama(t: _Tabel, units: list[Wilayah], baris: list[int], lewati: list[str], hasil: HasilCocok) -> None:
    """Match ``baris`` by name: the one column that finds the most units not found yet."""
    best: tuple[int, str | None, dict[int, list[int]]] = (0, None, {})
    for c, vs in t.kolom.items():
        if c in lewati:
            continue
        hits: dict[int, list[int]] = {}
        for i in baris:
            u = _cocok_nama(vs[i], units, t.jenis[i])
            if u is not None and u.kode_bps not in hasil.baris:
                hits.setdefault(u.kode_bps, []).append(i)
        if len(hits) > best[0]:
            best = (len(hits), c, hits)
    _, kolom, hits = best
    for k, rows in hits.items():
        kept = [i for i in rows if t.dalam(i)]
        hasil.diabaikan += [f"baris {i + 1} ({kolom}: {t.kolom[kolom][i]!r}): letaknya di luar Kalimantan Selatan"
                            for i in rows if i not in kept]
        if kept:
            hasil.baris[k] = kept
            hasil.cara[k] = f"nama di kolom {kolom}: {t.kolom[kolom][kept[0]]!r}"


def _cocok(t: _Tabel, units: list[Wilayah], kode_cols: list[str]) -> HasilCocok:
    hasil = HasilCocok()
    tanpa_kode = _dengan_kode(t, units, kode_cols, hasil)
    _dengan_nama(t, units, tanpa_kode, kode_cols, hasil)
    hasil.baris = {k: hasil.baris[k] for k in sorted(hasil.baris)}
    return hasil


def cocokkan_baris(kolom: dict[str, list], units: list[Wilayah], dalam: Callable[[int], bool]) -> HasilCocok:
    """Find the rows of each unit: by code columns when the file has them, else by name.

    ``kolom``: the attribute table, column name -> values (None for missing). ``dalam(i)``: whether
    row i lies in Kalsel's rough box (``BBOX_KALSEL``). A row is left out when a province field
    names another province, when its code is another unit's, or when it lies outside the box
    (e.g. Kota Banjar in Jawa Barat).
    """
    n = len(next(iter(kolom.values()), []))
    kotak: dict[int, bool] = {}

    def dalam_sekali(i: int) -> bool:  # a representative point costs: compute each once
        if i not in kotak:
            kotak[i] = dalam(i)
        return kotak[i]

    t = _Tabel(kolom, dalam_sekali, n)
    kode_prov = units[0].kode_bps // 100
    t.keluar = _keluar(t, kode_prov)
    t.jenis = _kolom_jenis(t)
    kode_cols = _kolom_kode(t)
    hasil = _cocok(t, units, kode_cols)
    if kode_cols and not any(cara.startswith("kode") for cara in hasil.cara.values()):
        # The code columns hold no Kalsel code at all: maybe they are not BPS/Kemendagri codes.
        # Trust names instead only if no row has a code of this province and names find every unit.
        ada_kode_prov = any((kode_wilayah(v) or 0) // 100 == kode_prov for c in kode_cols for v in kolom[c])
        lain = _cocok(t, units, [])
        if not ada_kode_prov and len(lain.baris) == len(units):
            lain.diabaikan.insert(0, f"kolom {', '.join(kode_cols)} tidak berisi kode BPS/Kemendagri "
                                     "Kalimantan Selatan; dicocokkan dengan nama")
            hasil = lain
    return hasil
