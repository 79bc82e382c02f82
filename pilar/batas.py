"""Administrative boundaries of the 13 units: read a geo file, keep Kalsel, store in DuckDB.

Public API (no Streamlit here):

- ``install(src, *, source, licence, attribution, db_path, max_bytes) -> Laporan``
- ``download(api_url, *, timeout, db_path) -> Laporan`` (geoBoundaries API)
- ``status(db_path) -> dict | None``
- ``load(con) -> (FeatureCollection, metadata) | None`` for plotly (feature id = "6371" ...)
- ``BatasError``: a one-paragraph message in Bahasa Indonesia (``.pesan``).

Storage: tables ``batas_wilayah`` (one row per unit, GeoJSON geometry text) and ``batas_meta``
(one row: source, licence, attribution, installed_at, report). ``build.py`` carries tables whose
name starts with ``batas`` over a rebuild. An install writes a copy of the database and swaps it
in with ``os.replace``: readers keep working and a failure leaves the old file byte-identical.
"""
from __future__ import annotations

import hashlib
import json
import math
import os
import re
import shutil
import socket
import tempfile
import threading
import time
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon

from . import build, config

GEOBOUNDARIES_API = "https://www.geoboundaries.org/api/current/gbOpen/IDN/ADM2/"
LISENSI_GEOBOUNDARIES = "CC BY 3.0 IGO"
ATRIBUSI_GEOBOUNDARIES = (
    "Batas kabupaten/kota: BPS, WFP & OCHA ROAP (COD-AB Indonesia 2020) via geoBoundaries, "
    "CC BY 3.0 IGO. Dimodifikasi (disederhanakan, dipotong untuk Kalimantan Selatan).")
# The geoBoundaries release whose provenance was checked (see ../shared/geo/SOURCE.md).
_GB_ID_DIPERIKSA = "IDN-ADM2-22746128"

CARA_PASANG = (
    "Pasang batas dari berkas Anda (GeoJSON, Shapefile .zip/.shp, GeoPackage): "
    "`python -m pilar boundaries install BERKAS --source ... --licence ... --attribution ...`; "
    "atau unduh set terbuka geoBoundaries bila ada internet: `python -m pilar boundaries download`.")

MAX_BYTES = 200 * 1024 * 1024     # input file (or total unzipped size) limit
ANGGARAN_BYTES = 300_000          # GeoJSON of all 13 units, as sent to the browser
GRID = 1e-5                       # output precision in degrees (5 decimals)
DESIMAL = 5
# Rough box of Kalimantan Selatan (with islands), for the representative point of a row.
BBOX_KALSEL = (113.9, -5.2, 117.7, -1.1)
NAMA_PROVINSI = {"kalimantanselatan", "provinsikalimantanselatan", "provkalimantanselatan",
                 "southkalimantan", "kalsel", "kalimantansouth"}
ISO_PROVINSI = "idks"
# Overlap between rows of one unit, or between two units, above this share of the smaller = conflict.
BATAS_TUMPANG_BARIS = 0.05
BATAS_TUMPANG_WILAYAH = 0.10
# Holes inside the union smaller than this share of the total area are given to a neighbour.
BATAS_CELAH = 0.01

TABEL_WILAYAH = "batas_wilayah"
TABEL_META = "batas_meta"


class BatasError(Exception):
    """Bad boundary input or a failed download; ``pesan`` is one paragraph in Bahasa Indonesia."""

    def __init__(self, pesan: str):
        super().__init__(pesan)
        self.pesan = pesan


@dataclass
class Laporan:
    """What an install did. Sizes are bytes of the GeoJSON FeatureCollection of the 13 units."""
    berkas: str
    lapisan: str | None = None
    crs_asal: str | None = None
    baris: int = 0                                       # rows in the layer read
    cocok: dict[str, str] = field(default_factory=dict)  # "6371" -> how it was matched
    hilang: list[str] = field(default_factory=list)      # names of units not found
    diabaikan: list[str] = field(default_factory=list)   # rows that looked like a unit but were left out
    perbaikan: list[str] = field(default_factory=list)   # repairs made to the geometry
    simpul_sebelum: int = 0
    simpul_sesudah: int = 0
    bagian_sebelum: int = 0
    bagian_sesudah: int = 0
    ukuran_sebelum: int = 0
    ukuran_sesudah: int = 0
    ukuran_berkas: int = 0
    toleransi: float = 0.0                               # coverage_simplify tolerance, degrees
    detik: float = 0.0

    def to_dict(self) -> dict:
        return asdict(self)

    def ringkasan(self) -> str:
        lines = [f"Batas wilayah dipasang dari {self.berkas}"
                 + (f" (lapisan {self.lapisan}, {self.crs_asal})" if self.lapisan else "") + ".",
                 f"Wilayah cocok: {len(self.cocok)} dari {len(self.cocok) + len(self.hilang)}"
                 + (f"; tidak ada: {', '.join(self.hilang)}" if self.hilang else "") + "."]
        for kode, cara in self.cocok.items():
            lines.append(f"  {kode}: {cara}")
        lines.append(f"Simpul: {_angka(self.simpul_sebelum)} -> {_angka(self.simpul_sesudah)}; "
                     f"bagian poligon: {self.bagian_sebelum} -> {self.bagian_sesudah}; "
                     f"ukuran GeoJSON: {_kb(self.ukuran_sebelum)} -> {_kb(self.ukuran_sesudah)} "
                     f"(anggaran {_kb(ANGGARAN_BYTES)}; berkas masukan {_kb(self.ukuran_berkas)}).")
        if self.toleransi:
            lines.append(f"Disederhanakan bersama (batas bersama tetap berimpit), toleransi "
                         f"{_desimal(self.toleransi, 6)} derajat.")
        for p in self.perbaikan:
            lines.append(f"Perbaikan: {p}")
        for d in self.diabaikan:
            lines.append(f"Diabaikan: {d}")
        lines.append(f"Waktu: {_desimal(self.detik)} detik.")
        return "\n".join(lines)


def _angka(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _desimal(x: float, n: int = 1) -> str:
    """Indonesian number format: 1234.5 -> "1.234,5"."""
    return f"{x:,.{n}f}".replace(",", "X").replace(".", ",").replace("X", ".")


def _luas(km2: float) -> str:
    return "kurang dari 0,1 km²" if km2 < 0.05 else f"sekitar {_desimal(km2)} km²"


def _kb(n: int) -> str:
    return f"{_desimal(n / 1000)} KB"


# ---------------------------------------------------------------- units and matching

@dataclass(frozen=True)
class _Unit:
    kode_bps: int
    kode_kemendagri: str
    nama: str
    jenis: str          # 'kabupaten' | 'kota'
    inti: str           # normalised short name, e.g. 'kotabaru'
    lengkap: str        # normalised full name, e.g. 'kabupatenkotabaru'


def _units(db_path: Path) -> list[_Unit]:
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        rows = con.execute("SELECT kode_bps, kode_kemendagri, nama, nama_pendek, jenis FROM wilayah "
                           "ORDER BY kode_bps").fetchall()
    finally:
        con.close()
    return [_Unit(int(k), km, n, j, _alnum(np_), _alnum(n)) for k, km, n, np_, j in rows]


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
    """(jenis or None, core, whole) of a unit name: 'Kota Banjar Baru' -> ('kota', 'banjarbaru', 'kotabanjarbaru')."""
    s = re.sub(r"\s+", " ", re.sub(r"[^a-z0-9. ]+", " ", _ascii(nilai))).strip()
    jenis, inti = None, s
    m = _PREFIKS.match(s)
    if m:
        jenis, inti = _JENIS.get(_alnum(m.group(1) or m.group(2)), "kota" if (m.group(1) or m.group(2)).startswith("kot") else "kabupaten"), m.group(3)
    else:
        m = _SUFIKS.match(s)
        if m:
            jenis, inti = _JENIS[m.group(2)], m.group(1)
    return jenis, _alnum(inti), _alnum(s)


def _cocok_nama(nilai, units: list[_Unit], jenis_baris: str | None) -> _Unit | None:
    if not isinstance(nilai, str) or not nilai.strip():
        return None
    jenis, inti, utuh = _urai_nama(nilai)
    jenis = jenis or jenis_baris
    for u in units:
        if inti == u.inti and (jenis is None or jenis == u.jenis):
            return u
    for u in units:
        # "Kota Baru" is Kabupaten Kotabaru in some sets: the whole name equals the unit's name.
        if utuh in (u.inti, u.lengkap) and (jenis_baris is None or jenis_baris == u.jenis):
            return u
    return None


_KODE_STR = re.compile(r"^(?:id)?[-_ ]?(\d{2})[.\-_ ]?(\d{2})$")


def _kode(v) -> int | None:
    """A 4-digit unit code from 6371, '6371', '63.71', 'ID6371'; else None."""
    if v is None or isinstance(v, bool):
        return None
    if isinstance(v, (int, np.integer)):
        return int(v) if 1000 <= v <= 9999 else None
    if isinstance(v, (float, np.floating)):
        return int(v) if math.isfinite(v) and v == int(v) and 1000 <= v <= 9999 else None
    if isinstance(v, str):
        m = _KODE_STR.match(v.strip().lower())
        return int(m.group(1) + m.group(2)) if m else None
    return None


def _provinsi(v, kode_prov: int) -> bool | None:
    """True: the value names Kalsel; False: another province; None: empty or not a province."""
    if v is None or isinstance(v, bool) or (isinstance(v, float) and math.isnan(v)):
        return None
    if isinstance(v, (int, np.integer, float, np.floating)):
        return int(v) == kode_prov if v == int(v) and 11 <= v <= 99 else None
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
class _Cocok:
    baris: dict[int, list[int]]      # kode_bps -> row positions
    cara: dict[int, str]             # kode_bps -> how
    diabaikan: list[str]


def _dalam_kotak(g) -> bool:
    """Whether a row's representative point lies in the rough box of Kalsel (empty: judged later)."""
    if g is None or g.is_empty:
        return True
    try:
        p = shapely.point_on_surface(g if g.is_valid else shapely.make_valid(g))
    except shapely.errors.GEOSException:
        p = g.centroid
    if p.is_empty:
        return True
    x0, y0, x1, y1 = BBOX_KALSEL
    return x0 <= p.x <= x1 and y0 <= p.y <= y1


def _cocokkan(gdf, units: list[_Unit]) -> _Cocok:
    """Find the rows of each Kalsel unit: by code columns when the file has them, else by name.

    A row is left out when a province field names another province, when its code is another
    unit's, or when it lies outside Kalsel's rough box (e.g. Kota Banjar in Jawa Barat).
    """
    by_kode = {u.kode_bps: u for u in units}
    kode_prov = units[0].kode_bps // 100
    cols = [c for c in gdf.columns if c != gdf.geometry.name]
    n = len(gdf)
    geoms = gdf.geometry.values
    values = {c: [None if (isinstance(v, float) and math.isnan(v)) else v for v in gdf[c].tolist()] for c in cols}

    # Province fields. A column where some row names Kalsel excludes rows naming anything else;
    # a province-named column where no row is Kalsel excludes rows with a (province) name.
    keluar = np.zeros(n, dtype=bool)
    for c in cols:
        hinted = bool(_PETUNJUK_PROV.search(c.lower()))
        flags = [_provinsi(v, kode_prov) for v in values[c]]
        if any(f is True for f in flags) and (hinted or any(
                isinstance(v, str) and _alnum(v) in NAMA_PROVINSI for v in values[c])):
            keluar |= np.array([f is False for f in flags])
        elif hinted and not any(f is True for f in flags):
            keluar |= np.array([f is False and isinstance(v, str) for f, v in zip(flags, values[c])])

    # Kind column (Kabupaten/Kota), used for names without a prefix.
    jenis_baris: list[str | None] = [None] * n
    for c in cols:
        vs = [v for v in values[c] if isinstance(v, str) and v.strip()]
        if vs and all(_alnum(v) in _JENIS for v in vs):
            jenis_baris = [_JENIS.get(_alnum(v)) if isinstance(v, str) else None for v in values[c]]
            break

    # Code columns: a code-like column name and (nearly) all values parse as 4-digit codes.
    kode_cols: list[str] = []
    for c in cols:
        vs = [v for v in values[c] if v is not None and not (isinstance(v, str) and not v.strip())]
        if vs and _PETUNJUK_KODE.search(c.lower()) and sum(_kode(v) is not None for v in vs) >= 0.9 * len(vs):
            kode_cols.append(c)

    kotak: dict[int, bool] = {}

    def dalam(i: int) -> bool:
        if i not in kotak:
            kotak[i] = _dalam_kotak(geoms[i])
        return kotak[i]

    def cocok(pakai_kode: list[str]) -> _Cocok:
        baris: dict[int, list[int]] = {}
        cara: dict[int, str] = {}
        diabaikan: list[str] = []
        tanpa_kode: list[int] = []
        for i in range(n):
            if keluar[i]:
                continue
            found, any_code = {}, False
            for c in pakai_kode:
                k = _kode(values[c][i])
                if k is not None:
                    any_code = True
                    if k in by_kode:
                        found.setdefault(k, f"kode di kolom {c}: {values[c][i]}")
            if not any_code:
                tanpa_kode.append(i)
                continue
            if len(found) != 1:  # another unit's code (never matched by name), or codes that disagree
                if len(found) > 1:
                    diabaikan.append(f"baris {i + 1}: kode berbeda-beda ({', '.join(found.values())})")
                continue
            (k, how), = found.items()
            if not dalam(i):
                diabaikan.append(f"baris {i + 1} ({how}): letaknya di luar Kalimantan Selatan")
                continue
            baris.setdefault(k, []).append(i)
            cara.setdefault(k, how)
        # Names: the one column that finds the most units among rows without a code.
        best: tuple[int, str | None, dict[int, list[int]]] = (0, None, {})
        for c in cols:
            if c in pakai_kode:
                continue
            hits: dict[int, list[int]] = {}
            for i in tanpa_kode:
                u = _cocok_nama(values[c][i], units, jenis_baris[i])
                if u is not None and u.kode_bps not in baris:
                    hits.setdefault(u.kode_bps, []).append(i)
            if len(hits) > best[0]:
                best = (len(hits), c, hits)
        _, kolom, hits = best
        for k, rows in hits.items():
            kept = []
            for i in rows:
                if dalam(i):
                    kept.append(i)
                else:
                    diabaikan.append(f"baris {i + 1} ({kolom}: {values[kolom][i]!r}): letaknya di luar "
                                     "Kalimantan Selatan")
            if kept:
                baris[k] = kept
                cara[k] = f"nama di kolom {kolom}: {values[kolom][kept[0]]!r}"
        return _Cocok({k: baris[k] for k in sorted(baris)}, cara, diabaikan)

    hasil = cocok(kode_cols)
    if kode_cols and not any(cara.startswith("kode") for cara in hasil.cara.values()):
        # The code columns hold no Kalsel code at all: maybe they are not BPS/Kemendagri codes.
        # Trust names instead only if no row has a code of this province and names find every unit.
        ada_kode_prov = any((_kode(values[c][i]) or 0) // 100 == kode_prov for c in kode_cols for i in range(n))
        lain = cocok([])
        if not ada_kode_prov and len(lain.baris) == len(units):
            lain.diabaikan.insert(0, f"kolom {', '.join(kode_cols)} tidak berisi kode BPS/Kemendagri "
                                     "Kalimantan Selatan; dicocokkan dengan nama")
            hasil = lain
    return hasil


# ---------------------------------------------------------------- reading files

def _jenis_berkas(path: Path) -> str | None:
    if path.is_dir():
        return "dir"
    with open(path, "rb") as f:
        head = f.read(512)
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "zip"
    if head.startswith(b"SQLite format 3\x00"):
        return "gpkg"
    if head[:4] == b"\x00\x00\x27\x0a":
        return "shp"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"{"):
        return "json"
    return None


_EKSTENSI_GEO = {".shp", ".gpkg", ".geojson", ".json", ".topojson"}


def _ukuran_masukan(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    if path.suffix.lower() == ".shp":
        return sum(p.stat().st_size for p in path.parent.glob(path.stem + ".*") if p.is_file())
    return path.stat().st_size


def _batas_ukuran(nama: str, ukuran: int, max_bytes: int) -> None:
    if ukuran > max_bytes:
        raise BatasError(
            f"Berkas {nama} terlalu besar ({_mb(ukuran)}; batasnya {_mb(max_bytes)}). Basis data tidak diubah. "
            "Potong dulu ke Kalimantan Selatan (misalnya dengan QGIS atau ogr2ogr) atau pakai versi yang "
            "disederhanakan, lalu pasang lagi.")


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB".replace(".", ",")


def _buka_zip(path: Path, folder: Path, nama: str, max_bytes: int) -> Path:
    try:
        with zipfile.ZipFile(path) as z:
            total = sum(i.file_size for i in z.infolist())
            if total > max_bytes:
                raise BatasError(
                    f"Isi zip {nama} terlalu besar setelah dibuka ({_mb(total)}; batasnya {_mb(max_bytes)}). "
                    "Basis data tidak diubah. Potong dulu ke Kalimantan Selatan atau pakai versi yang disederhanakan.")
            rusak = z.testzip()
            if rusak is not None:
                raise zipfile.BadZipFile(rusak)
            z.extractall(folder)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError, NotImplementedError) as e:
        raise BatasError(
            f"Berkas zip {nama} rusak atau tidak lengkap dan tidak bisa dibuka ({type(e).__name__}). "
            "Basis data tidak diubah. Unduh atau salin ulang berkasnya, periksa bahwa zip itu bisa dibuka di "
            "komputer Anda, lalu pasang lagi.") from None
    return folder


def _kandidat(path: Path, jenis: str, nama: str) -> list[tuple[Path, str | None]]:
    """(file, layer) pairs that may hold the boundaries, most likely first."""
    import pyogrio

    if jenis in ("json", "shp", "gpkg"):
        files = [path]
    else:
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in _EKSTENSI_GEO
                       and not any(part.startswith(("__MACOSX", ".")) for part in p.relative_to(path).parts))
        if not files:
            raise BatasError(
                f"{nama} tidak berisi berkas geo (.shp, .gpkg, .geojson). Basis data tidak diubah. "
                "Periksa isinya; Shapefile butuh setidaknya .shp, .shx, .dbf dan sebaiknya .prj.")

    def skor(p: Path) -> tuple:
        s = p.name.lower()
        return (0 if re.search(r"adm_?2|kab|kota|regenc|district", s) else 1, s)

    out: list[tuple[Path, str | None]] = []
    for f in sorted(files, key=skor):
        if jenis in ("json", "shp") or f.suffix.lower() != ".gpkg":
            out.append((f, None))  # one layer; listing it would parse a big GeoJSON twice
            continue
        try:
            layers = pyogrio.list_layers(f)
        except Exception:
            continue
        spatial = [str(name) for name, gtype in layers if gtype is not None]
        if len(layers) == 1 and spatial:
            out.append((f, None))
        elif len(layers) > 1:
            out.extend((f, name) for name in spatial)
    if not out:
        raise _bukan_geo(nama)
    return out


def _bukan_geo(nama: str) -> BatasError:
    return BatasError(
        f"Berkas {nama} bukan berkas geo yang bisa dibaca. Basis data tidak diubah. Yang diterima: GeoJSON, "
        "Shapefile (.shp bersama .shx, .dbf dan .prj, atau semuanya dalam satu .zip) dan GeoPackage (.gpkg), "
        "berisi poligon batas kabupaten/kota. Periksa bahwa Anda memilih berkas yang benar.")


def _baca(f: Path, layer: str | None, nama: str):
    import geopandas as gpd

    try:
        gdf = gpd.read_file(f, layer=layer, engine="pyogrio")
    except Exception as e:
        if "not recognized as" in str(e) or "not recognised as" in str(e):
            raise _bukan_geo(nama) from None
        detail = _satu_baris(e).replace(str(f), f.name)
        raise BatasError(
            f"Berkas {nama} tidak bisa dibaca sebagai data geo ({detail}). Basis data tidak diubah. "
            "Periksa bahwa berkasnya lengkap (untuk Shapefile: .shp, .shx, .dbf, .prj) dan tidak rusak, "
            "lalu pasang lagi.") from None
    if not isinstance(gdf, gpd.GeoDataFrame) or gdf.geometry.name not in gdf.columns:
        raise _bukan_geo(nama)
    return gdf


def _satu_baris(e: Exception) -> str:
    s = str(e).strip().splitlines()
    return (s[0] if s else type(e).__name__)[:200]


def _ke_4326(gdf, nama: str):
    if gdf.crs is None:
        x0, y0, x1, y1 = gdf.total_bounds
        if all(map(math.isfinite, (x0, y0, x1, y1))) and -180 <= x0 <= x1 <= 180 and -90 <= y0 <= y1 <= 90:
            return gdf.set_crs(4326), "tanpa CRS, dianggap EPSG:4326"
        raise BatasError(
            f"Berkas {nama} tidak menyebut sistem koordinatnya (CRS) dan koordinatnya bukan derajat bujur/lintang. "
            "Basis data tidak diubah. Untuk Shapefile, sertakan berkas .prj-nya; atau simpan ulang sebagai "
            "GeoJSON/GeoPackage yang menyebut CRS.")
    asal = gdf.crs.to_string()
    if gdf.crs.to_epsg() != 4326:
        gdf = gdf.to_crs(4326)
    return gdf, asal


# ---------------------------------------------------------------- geometry

def _poligon(g) -> list[Polygon]:
    if g is None or g.is_empty:
        return []
    if isinstance(g, Polygon):
        return [g]
    if isinstance(g, MultiPolygon):
        return list(g.geoms)
    if hasattr(g, "geoms"):
        return [p for part in g.geoms for p in _poligon(part)]
    return []


def _rapikan_satu(g):
    """A valid 2D MultiPolygon of the polygonal parts of g, or None."""
    if g is None or g.is_empty:
        return None
    g = shapely.force_2d(g)
    if not g.is_valid:
        g = shapely.make_valid(g)
    parts = [p for p in _poligon(g) if not p.is_empty and p.area > 0]
    return MultiPolygon(parts) if parts else None


def _multi(g) -> MultiPolygon:
    parts = [p for p in _poligon(g) if not p.is_empty]
    return MultiPolygon(parts)


def _simpul(geoms) -> int:
    return int(sum(shapely.get_num_coordinates(g) for g in geoms))


def _bagian(geoms) -> int:
    return int(sum(len(_poligon(g)) for g in geoms))


def _gabung_baris(kode: int, rows: list[int], gdf, unit: _Unit, kolom_info: str) -> tuple:
    """One geometry per unit from its rows; identical duplicates are dropped, overlapping rows are an error."""
    geoms = []
    for i in rows:
        raw = gdf.geometry.values[i]
        if raw is None or raw.is_empty:
            raise BatasError(
                f"Geometri {unit.nama} (baris {i + 1}) kosong. Basis data tidak diubah. Berkas ini punya baris untuk "
                f"{unit.nama} tanpa bentuk poligon; perbaiki atau hapus baris itu di berkas sumber (misalnya dengan "
                "QGIS), atau pakai berkas batas lain.")
        g = _rapikan_satu(raw)
        if g is None:
            raise BatasError(
                f"Geometri {unit.nama} (baris {i + 1}) bukan poligon ({raw.geom_type}). Basis data tidak diubah. "
                "Batas wilayah harus berupa poligon; pakai lapisan batas kabupaten/kota, bukan titik atau garis.")
        geoms.append(g)
    unik: list = []
    for g in geoms:
        if not any(g.equals(h) for h in unik):
            unik.append(g)
    for a in range(len(unik)):
        for b in range(a + 1, len(unik)):
            ga, gb = unik[a], unik[b]
            if not ga.intersects(gb):
                continue
            tumpang = ga.intersection(gb).area
            if tumpang > BATAS_TUMPANG_BARIS * min(ga.area, gb.area):
                raise BatasError(
                    f"Ada {len(rows)} baris untuk {unit.nama} ({kolom_info}) yang geometrinya saling bertumpuk "
                    f"(sekitar {100 * tumpang / min(ga.area, gb.area):.0f}% dari yang lebih kecil), jadi tidak jelas "
                    "mana yang benar. Basis data tidak diubah. Sisakan satu baris per kabupaten/kota di berkas "
                    "sumber (atau gabungkan bagian-bagiannya tanpa tumpang tindih), lalu pasang lagi.")
    return shapely.union_all(unik) if len(unik) > 1 else unik[0], len(geoms) - len(unik)


def _lubang(union, ambang: float) -> list[Polygon]:
    return [Polygon(r) for p in _poligon(union) for r in p.interiors if Polygon(r).area <= ambang]


def _cakupan(units: dict[int, object], nama: dict[int, str]) -> tuple[dict[int, MultiPolygon], list[str], int]:
    """Snap to the output grid and make the units a valid coverage: no overlaps, small gaps filled.

    Returns the units, notes on repairs, and the number of (large) holes left in the union.
    """
    notes: list[str] = []
    kodes = list(units)
    snapped = {}
    for k in kodes:
        g = shapely.set_precision(units[k], GRID)
        g = _rapikan_satu(g)
        if g is None:
            raise BatasError(
                f"Geometri {nama[k]} terlalu kecil (hilang setelah dibulatkan ke {DESIMAL} desimal). "
                "Basis data tidak diubah. Periksa sistem koordinat berkas (.prj) dan bahwa poligonnya benar.")
        snapped[k] = g
    total = sum(g.area for g in snapped.values())
    ambang = BATAS_CELAH * total
    arr = [snapped[k] for k in kodes]
    if shapely.coverage_is_valid(arr):
        union = shapely.coverage_union_all(arr)
        if not _lubang(union, ambang):
            return {k: _multi(snapped[k]) for k in kodes}, notes, len(_lubang(union, math.inf))

    # Node all boundaries on the grid, rebuild faces, give each face to its unit.
    lines = shapely.union_all([shapely.boundary(g) for g in arr], grid_size=GRID)
    faces = np.array(shapely.get_parts(shapely.polygonize(shapely.get_parts(lines))))
    faces = faces[shapely.area(faces) > 0]
    points = shapely.point_on_surface(faces)
    owners = np.zeros((len(faces), len(kodes)), dtype=bool)
    for j, g in enumerate(arr):
        shapely.prepare(g)
        owners[:, j] = shapely.contains(g, points)
    areas = shapely.area(faces)
    unit_area = np.array([g.area for g in arr])
    multi = owners.sum(axis=1) > 1
    if multi.any():
        pair: dict[tuple[int, int], float] = {}
        for f in np.nonzero(multi)[0]:
            js = list(np.nonzero(owners[f])[0])
            for a in range(len(js)):
                for b in range(a + 1, len(js)):
                    pair[(js[a], js[b])] = pair.get((js[a], js[b]), 0.0) + areas[f]
        for (a, b), area in pair.items():
            if area > BATAS_TUMPANG_WILAYAH * min(unit_area[a], unit_area[b]):
                raise BatasError(
                    f"Geometri {nama[kodes[a]]} dan {nama[kodes[b]]} saling bertumpuk terlalu luas "
                    f"(sekitar {100 * area / min(unit_area[a], unit_area[b]):.0f}% dari yang lebih kecil). "
                    "Basis data tidak diubah. Kemungkinan salah satu baris bukan batas kabupaten/kota yang dimaksud "
                    "atau berkasnya mencampur versi batas; periksa berkas sumber lalu pasang lagi.")
        km2 = sum(pair.values()) * _km2_per_derajat2()
        notes.append(f"tumpang tindih antarwilayah ({_luas(km2)}) diberikan ke wilayah yang lebih kecil")
    order = np.argsort(unit_area)  # smallest unit first
    milik = np.full(len(faces), -1)
    for f in range(len(faces)):
        for j in order:
            if owners[f, j]:
                milik[f] = j
                break
    # Gaps: unowned faces; small ones go to the neighbour sharing the longest edge.
    celah = [f for f in range(len(faces)) if milik[f] < 0 and areas[f] <= ambang]
    diisi, luas_diisi = 0, 0.0
    tree = shapely.STRtree(faces)
    tetangga = {f: [n for n in tree.query(faces[f], predicate="touches") if n != f] for f in celah}
    progress = True
    while celah and progress:
        progress = False
        for f in list(celah):
            # Faces come from one noded linework, so shared edges are exactly equal.
            panjang: dict[int, float] = {}
            for nb in tetangga[f]:
                if milik[nb] >= 0:
                    shared = shapely.intersection(faces[f].boundary, faces[nb].boundary).length
                    panjang[milik[nb]] = panjang.get(milik[nb], 0.0) + shared
            best, best_len = -1, 0.0
            for j, length in panjang.items():
                if length > best_len:
                    best, best_len = j, length
            if best >= 0:
                milik[f] = best
                celah.remove(f)
                diisi += 1
                luas_diisi += areas[f]
                progress = True
    if diisi:
        notes.append(f"{diisi} celah tertutup di antara/di dalam wilayah ({_luas(luas_diisi * _km2_per_derajat2())}) "
                     "diisi, masing-masing oleh wilayah dengan batas bersama terpanjang")
    out = {}
    for j, k in enumerate(kodes):
        mine = faces[milik == j]
        if not len(mine):
            raise BatasError(
                f"Geometri {nama[k]} habis tertutup wilayah lain. Basis data tidak diubah. Periksa berkas sumber: "
                "kemungkinan baris untuk wilayah ini salah atau tertimpa.")
        out[k] = _multi(shapely.coverage_union_all(mine))
    if not notes:
        notes.append("simpul batas bersama diselaraskan (noding) agar tepat berimpit")
    union = shapely.coverage_union_all(list(out.values()))
    return out, notes, len(_lubang(union, math.inf))


def _km2_per_derajat2() -> float:
    # At about 3 degrees south: 111.32 km per degree of latitude and ~111.17 of longitude.
    return 111.32 * 111.32 * math.cos(math.radians(3.0))


def _geom_json(g) -> dict:
    """GeoJSON geometry for plotly's SVG geo trace: MultiPolygon, exterior rings clockwise, 5 decimals."""
    g = shapely.transform(_multi(g), lambda xy: np.round(xy, DESIMAL))
    g = shapely.orient_polygons(g, exterior_cw=True)
    return json.loads(shapely.to_geojson(g))  # GEOS writes the shortest round-trip decimals


def _fitur(units: list[_Unit], geoms: dict[int, dict]) -> dict:
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": str(u.kode_bps),
         "properties": {"kode_bps": u.kode_bps, "kode": u.kode_kemendagri, "nama": u.nama},
         "geometry": geoms[u.kode_bps]} for u in units if u.kode_bps in geoms]}


def _json(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def _ukuran(units: list[_Unit], geoms: dict[int, object]) -> tuple[int, dict[int, dict]]:
    gj = {k: _geom_json(g) for k, g in geoms.items()}
    return len(_json(_fitur(units, gj)).encode()), gj


def _sederhanakan(units: list[_Unit], geoms: dict[int, MultiPolygon], anggaran: int):
    """Coverage-simplify (shared edges stay shared) with the smallest tolerance that fits the budget."""
    kodes = list(geoms)
    arr = [geoms[k] for k in kodes]
    size, gj = _ukuran(units, geoms)
    if size <= anggaran:
        return geoms, gj, 0.0, size

    def coba(base, t):
        out = shapely.coverage_simplify(base, t, simplify_boundary=True)
        g = {k: _multi(out[i]) for i, k in enumerate(kodes)}
        s, j = _ukuran(units, g)
        return g, j, s

    # Each try starts from the last result still over budget (a valid coverage too): on large
    # inputs the later tries are much cheaper than simplifying the original again.
    base, lo, hi = arr, 0.0, 2 * GRID
    hasil = coba(base, hi)
    while hasil[2] > anggaran:
        base, lo, hi = [hasil[0][k] for k in kodes], hi, hi * 2
        if hi > 0.5:
            raise BatasError(
                f"Batas wilayah tetap lebih besar dari {_kb(anggaran)} walau sudah disederhanakan sekuat mungkin "
                "(kemungkinan berisi ribuan pulau kecil). Basis data tidak diubah. Pakai berkas batas yang "
                "lebih sederhana atau buang pulau-pulau kecil dulu.")
        hasil = coba(base, hi)
    # Bisect (log space) towards the smallest tolerance that fits; stop within 10% of the budget.
    for _ in range(12):
        if lo == 0.0 or hasil[2] >= 0.9 * anggaran:
            break
        mid = math.sqrt(lo * hi)
        cand = coba(base, mid)
        if cand[2] <= anggaran:
            hi, hasil = mid, cand
        else:
            base, lo = [cand[0][k] for k in kodes], mid
    return hasil[0], hasil[1], hi, hasil[2]


def _periksa(units: list[_Unit], gj: dict[int, dict], lubang_boleh: int) -> None:
    """Verify what will be stored: valid coverage, no new gaps, clockwise exteriors."""
    geoms = [shapely.from_geojson(_json(gj[u.kode_bps])) for u in units]
    masalah = []
    if not all(shapely.is_valid(geoms)) or any(g.is_empty for g in geoms):
        masalah.append("poligon tidak sah")
    elif not shapely.coverage_is_valid(geoms):
        masalah.append("wilayah bertetangga bertumpuk atau batas bersamanya tidak berimpit")
    else:
        union = shapely.coverage_union_all(geoms)
        if len(_lubang(union, math.inf)) > lubang_boleh:
            masalah.append("ada celah baru di antara wilayah")
    for g in geoms:
        for p in _poligon(g):
            if shapely.is_ccw(p.exterior):
                masalah.append("arah cincin luar bukan searah jarum jam")
                break
    if masalah:
        raise BatasError(
            f"Batas wilayah tidak lolos pemeriksaan setelah dirapikan ({'; '.join(sorted(set(masalah)))}). "
            "Basis data tidak diubah. Coba berkas batas lain, atau rapikan topologinya dulu (misalnya dengan "
            "QGIS: Fix geometries, lalu Check validity).")


# ---------------------------------------------------------------- install

def _sha256(path: Path) -> str | None:
    if not path.is_file():
        return None
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _adalah_url(src) -> bool:
    return isinstance(src, str) and re.match(r"^https?://", src.strip(), re.I) is not None


def install(src: str | Path, *, source: str | None = None, licence: str | None = None,
            attribution: str | None = None, db_path: Path | None = None, max_bytes: int = MAX_BYTES,
            timeout: float = 10) -> Laporan:
    """Install the boundaries of the 13 units from a file, folder or http(s) URL into the database.

    Raises BatasError (message in Bahasa Indonesia); on any failure the database file is untouched.
    """
    t0 = time.monotonic()
    db_path = Path(db_path or config.db_path())
    with tempfile.TemporaryDirectory(prefix="pilar-batas-") as tmp:
        tmp = Path(tmp)
        if _adalah_url(src):
            url = str(src).strip()
            path = _unduh(url, tmp / "unduhan", timeout=timeout, max_bytes=max_bytes)
            nama = url
        else:
            path = Path(src).expanduser()
            nama = path.name or str(path)
            if not path.exists():
                raise BatasError(
                    f"Berkas {path} tidak ditemukan. Basis data tidak diubah. Periksa nama dan foldernya "
                    "(jalur relatif dihitung dari folder tempat perintah dijalankan).")
        ukuran_berkas = _ukuran_masukan(path)
        _batas_ukuran(nama, ukuran_berkas, max_bytes)
        jenis = _jenis_berkas(path)
        if jenis is None:
            raise _bukan_geo(nama)
        baca = path
        if jenis == "zip":
            baca = _buka_zip(path, tmp / "zip", nama, max_bytes)
        elif jenis == "json" and path.suffix.lower() not in (".json", ".geojson"):
            baca = tmp / "masukan.geojson"  # GDAL wants a familiar extension for downloads
            shutil.copyfile(path, baca)
        elif jenis == "gpkg" and path.suffix.lower() != ".gpkg":
            baca = tmp / "masukan.gpkg"
            shutil.copyfile(path, baca)
        kandidat = _kandidat(baca, jenis if jenis not in ("zip",) else "dir", nama)

        if not db_path.exists():
            build.ensure_built(target=db_path)
        units = _units(db_path)
        laporan, rows, geo_json = _olah(kandidat, units, nama, ukuran_berkas)
        sha = _sha256(path) if path.is_file() else None

    src_text = source or (str(src) if _adalah_url(src) else Path(src).name)
    meta = {
        "source": src_text,
        "licence": licence,
        "attribution": attribution or f"Batas kabupaten/kota: {src_text}",
        "installed_at": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
        "input_name": nama,
        "input_sha256": sha,
    }
    laporan.detik = time.monotonic() - t0
    _tulis(db_path, units, rows, geo_json, meta, laporan)
    laporan.detik = time.monotonic() - t0
    return laporan


def _olah(kandidat, units: list[_Unit], nama: str, ukuran_berkas: int):
    """Read the best candidate layer and turn it into checked GeoJSON geometry per unit."""
    nama_unit = {u.kode_bps: u.nama for u in units}
    best = None
    tanpa_poligon = None
    galat: BatasError | None = None
    for f, layer in kandidat:
        try:
            gdf = _baca(f, layer, nama)
        except BatasError as e:
            galat = galat or e
            continue
        geoms = gdf.geometry.values
        types = {g.geom_type for g in geoms if g is not None and not g.is_empty}
        if not any(t in ("Polygon", "MultiPolygon", "GeometryCollection") for t in types):
            tanpa_poligon = tanpa_poligon or (f, layer, types, len(gdf))
            continue
        gdf, crs_asal = _ke_4326(gdf, nama)
        cocok = _cocokkan(gdf, units)
        if best is None or len(cocok.baris) > len(best[1].baris):
            best = (gdf, cocok, f, layer, crs_asal)
        if len(cocok.baris) == len(units):
            break
    if best is None and tanpa_poligon is None:
        raise galat or _bukan_geo(nama)
    if best is None:
        _, _, types, n = tanpa_poligon
        if not types:
            raise BatasError(
                f"Semua geometri di {nama} kosong ({n} baris tanpa bentuk). Basis data tidak diubah. "
                "Berkas itu hanya berisi atribut; pakai berkas batas yang memuat poligon kabupaten/kota.")
        jenis = ", ".join(sorted(types))
        kata = "titik" if "Point" in jenis else "garis" if "Line" in jenis else jenis
        raise BatasError(
            f"Berkas {nama} berisi lapisan {kata} ({jenis}), bukan poligon. Basis data tidak diubah. Batas "
            "wilayah harus berupa poligon kabupaten/kota; pakai lapisan batas administrasi (bukan titik ibu kota "
            "atau garis batas).")
    gdf, cocok, f, layer, crs_asal = best
    laporan = Laporan(berkas=nama, lapisan=layer or f.name, crs_asal=crs_asal, baris=len(gdf),
                      ukuran_berkas=ukuran_berkas, diabaikan=cocok.diabaikan[:20])
    if not cocok.baris:
        raise BatasError(
            f"Tidak ada satu pun kabupaten/kota Kalimantan Selatan di {nama} ({len(gdf)} baris dibaca). Basis data "
            "tidak diubah. Berkas batas harus memuat ke-13 kabupaten/kota dengan kode (BPS 6301, Kemendagri 63.01, "
            "dsb.) atau nama (Tanah Laut, Kotabaru, ... Kota Banjarbaru) dan letak di Kalimantan Selatan; periksa "
            "bahwa ini berkas tingkat kabupaten/kota (ADM2), bukan provinsi atau kecamatan.")
    hilang = [u for u in units if u.kode_bps not in cocok.baris]
    if hilang:
        raise BatasError(
            f"Berkas {nama} tidak memuat {len(hilang)} dari {len(units)} kabupaten/kota Kalimantan Selatan: "
            f"{', '.join(u.nama for u in hilang)}. Basis data tidak diubah. Pakai berkas yang lengkap memuat "
            "ke-13 wilayah, atau periksa nama/kode wilayah itu di berkas sumber (kode BPS 6301..6372 atau "
            "Kemendagri 63.01..63.72).")
    laporan.cocok = {str(k): cocok.cara[k] for k in cocok.baris}

    per_unit, duplikat = {}, 0
    for u in units:
        g, d = _gabung_baris(u.kode_bps, cocok.baris[u.kode_bps], gdf, u, cocok.cara[u.kode_bps])
        per_unit[u.kode_bps] = g
        duplikat += d
    if duplikat:
        laporan.perbaikan.append(f"{duplikat} baris ganda yang identik diabaikan")
    mentah = [gdf.geometry.values[i] for rows in cocok.baris.values() for i in rows]
    laporan.simpul_sebelum = _simpul(mentah)
    laporan.bagian_sebelum = _bagian(mentah)
    laporan.ukuran_sebelum, _ = _ukuran(units, per_unit)

    rapi, notes, lubang = _cakupan(per_unit, nama_unit)
    laporan.perbaikan += notes
    if lubang:
        laporan.perbaikan.append(f"{lubang} lubang besar di dalam provinsi dibiarkan (mungkin danau)")
    akhir, gj, toleransi, size = _sederhanakan(units, rapi, ANGGARAN_BYTES)
    _periksa(units, gj, lubang)
    laporan.toleransi = toleransi
    laporan.ukuran_sesudah = size
    laporan.simpul_sesudah = _simpul(akhir.values())
    laporan.bagian_sesudah = _bagian(akhir.values())
    rows = [(u.kode_bps, u.nama, _json(gj[u.kode_bps]), _simpul([akhir[u.kode_bps]]),
             _bagian([akhir[u.kode_bps]])) for u in units]
    return laporan, rows, gj


def _tulis(db_path: Path, units: list[_Unit], rows: list[tuple], gj: dict, meta: dict, laporan: Laporan) -> None:
    """Write the boundaries into a copy of the database in one transaction, then swap it in."""
    with build.build_lock(db_path):
        tmp = db_path.with_name(f".{db_path.name}.batas.{os.getpid()}.tmp")
        wal = Path(str(tmp) + ".wal")
        tmp.unlink(missing_ok=True)
        wal.unlink(missing_ok=True)
        try:
            shutil.copyfile(db_path, tmp)
            shutil.copymode(db_path, tmp)
            con = duckdb.connect(str(tmp))
            try:
                kode_db = [r[0] for r in con.execute("SELECT kode_bps FROM wilayah ORDER BY kode_bps").fetchall()]
                if kode_db != [u.kode_bps for u in units]:
                    raise BatasError(
                        "Daftar kabupaten/kota di basis data berubah selama pemasangan (ada build lain). "
                        "Basis data tidak diubah oleh pemasangan ini; jalankan perintahnya sekali lagi.")
                con.execute("BEGIN TRANSACTION")
                old = [r[0] for r in con.execute(
                    "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() "
                    "AND schema_name = 'main' AND table_name LIKE ?", [build.PRESERVED_PREFIX + "%"]).fetchall()]
                for t in old:
                    con.execute(f'DROP TABLE "{t}"')
                con.execute(f"""CREATE TABLE {TABEL_WILAYAH} (
                    kode_bps INTEGER PRIMARY KEY,
                    nama     VARCHAR NOT NULL,
                    geojson  VARCHAR NOT NULL,
                    vertices INTEGER NOT NULL,
                    parts    INTEGER NOT NULL)""")
                con.executemany(f"INSERT INTO {TABEL_WILAYAH} VALUES (?, ?, ?, ?, ?)", rows)
                con.execute(f"""CREATE TABLE {TABEL_META} (
                    source       VARCHAR NOT NULL,
                    licence      VARCHAR,
                    attribution  VARCHAR NOT NULL,
                    installed_at VARCHAR NOT NULL,
                    input_name   VARCHAR,
                    input_sha256 VARCHAR,
                    report       VARCHAR NOT NULL)""")
                con.execute(f"INSERT INTO {TABEL_META} VALUES (?, ?, ?, ?, ?, ?, ?)",
                            [meta["source"], meta["licence"], meta["attribution"], meta["installed_at"],
                             meta["input_name"], meta["input_sha256"], _json(laporan.to_dict())])
                con.execute("COMMIT")
                con.execute("CHECKPOINT")
            finally:
                con.close()
            _periksa_salinan(tmp, len(units))
            os.replace(tmp, db_path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            wal.unlink(missing_ok=True)
            raise


def _periksa_salinan(path: Path, n: int) -> None:
    con = duckdb.connect(str(path), read_only=True)
    try:
        got = load(con)
    finally:
        con.close()
    if got is None or len(got[0]["features"]) != n:
        raise BatasError("Salinan basis data tidak memuat batas yang baru ditulis. Basis data tidak diubah; "
                         "jalankan perintahnya sekali lagi.")


# ---------------------------------------------------------------- reading back

def load(con: duckdb.DuckDBPyConnection) -> tuple[dict, dict] | None:
    """(GeoJSON FeatureCollection with feature id "6371" etc., metadata) or None when nothing is installed.

    ``con`` may be a shared read-only connection: this uses its own cursor.
    """
    cur = con.cursor()
    try:
        n = cur.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() "
            "AND schema_name = 'main' AND table_name IN (?, ?)", [TABEL_WILAYAH, TABEL_META]).fetchone()[0]
        if n != 2:
            return None
        meta_row = cur.execute(f"SELECT source, licence, attribution, installed_at, input_name, report "
                               f"FROM {TABEL_META} LIMIT 1").fetchone()
        if meta_row is None:
            return None
        rows = cur.execute(f"""SELECT b.kode_bps, coalesce(w.nama, b.nama), w.kode_kemendagri, b.geojson
                               FROM {TABEL_WILAYAH} b LEFT JOIN wilayah w USING (kode_bps)
                               ORDER BY b.kode_bps""").fetchall()
    finally:
        cur.close()
    if not rows:
        return None
    fc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": str(k), "properties": {"kode_bps": int(k), "kode": km, "nama": nama},
         "geometry": json.loads(g)} for k, nama, km, g in rows]}
    source, licence, attribution, installed_at, input_name, report = meta_row
    meta = {"source": source, "licence": licence, "attribution": attribution, "installed_at": installed_at,
            "input_name": input_name, "report": json.loads(report) if report else {}}
    return fc, meta


def status(db_path: Path | None = None) -> dict | None:
    """Metadata of the installed boundaries plus counts, or None (no database or no boundaries)."""
    db_path = Path(db_path or config.db_path())
    if not db_path.exists():
        return None
    try:
        con = duckdb.connect(str(db_path), read_only=True)
    except duckdb.Error:
        return None
    try:
        got = load(con)
    finally:
        con.close()
    if got is None:
        return None
    fc, meta = got
    out = dict(meta)
    out["units"] = [f["id"] for f in fc["features"]]
    out["bytes"] = len(_json(fc).encode())
    out["vertices"] = _simpul(shapely.from_geojson(_json(f["geometry"])) for f in fc["features"])
    return out


# ---------------------------------------------------------------- download

def _host_terjangkau(url: str, timeout: float) -> None:
    """Resolve the host name with a deadline: getaddrinfo ignores socket timeouts."""
    host = urllib.parse.urlsplit(url).hostname
    if not host:
        raise BatasError(f"Alamat {url} tidak sah. Basis data tidak diubah. Tulis alamat lengkap, "
                         "misalnya https://contoh.id/batas.geojson.")
    hasil: dict = {}

    def resolve():
        try:
            hasil["ok"] = socket.getaddrinfo(host, None)
        except OSError as e:
            hasil["err"] = e

    t = threading.Thread(target=resolve, daemon=True)
    t.start()
    t.join(min(timeout, 5.0))
    if "ok" in hasil:
        return
    raise BatasError(
        f"Tidak dapat menghubungi {host}: nama server tidak bisa dicari (tidak ada internet atau DNS). "
        f"Basis data tidak diubah. {_SARAN_OFFLINE}")


_SARAN_OFFLINE = ("Sambungkan komputer ke internet lalu coba lagi, atau unduh berkas batas di komputer lain "
                  "dan pasang dengan `python -m pilar boundaries install BERKAS`.")


def _buka_url(url: str, timeout: float):
    _host_terjangkau(url, timeout)
    req = urllib.request.Request(url, headers={"User-Agent": "pilar-kalsel/1 (+boundaries)"})
    try:
        return urllib.request.urlopen(req, timeout=timeout)
    except urllib.error.HTTPError as e:
        if e.code == 404:
            sebab = "404: berkasnya tidak ada di alamat itu"
            saran = "Periksa alamatnya (mungkin sudah pindah), atau pasang dari berkas."
        elif e.code >= 500:
            sebab = f"{e.code}: server sedang bermasalah"
            saran = "Coba lagi nanti, atau pasang dari berkas yang diunduh di tempat lain."
        else:
            sebab = f"{e.code} {e.reason}"
            saran = "Periksa alamatnya, atau pasang dari berkas."
        raise BatasError(f"Server {url} menjawab galat {sebab}. Basis data tidak diubah. {saran}") from None
    except (TimeoutError, socket.timeout):
        raise _waktu_habis(url, timeout) from None
    except urllib.error.URLError as e:
        if isinstance(e.reason, (TimeoutError, socket.timeout)):
            raise _waktu_habis(url, timeout) from None
        raise BatasError(f"Tidak dapat menghubungi {url} ({_satu_baris(e.reason if isinstance(e.reason, Exception) else e)}). "
                         f"Basis data tidak diubah. {_SARAN_OFFLINE}") from None
    except (OSError, ValueError) as e:
        raise BatasError(f"Tidak dapat menghubungi {url} ({_satu_baris(e)}). Basis data tidak diubah. "
                         f"{_SARAN_OFFLINE}") from None


def _waktu_habis(url: str, timeout: float) -> BatasError:
    return BatasError(f"Server {url} tidak menjawab dalam {timeout:g} detik. Basis data tidak diubah. "
                      f"Koneksi mungkin lambat atau terputus. {_SARAN_OFFLINE}")


def _baca_respons(resp, url: str, timeout: float, max_bytes: int, dest=None) -> bytes | None:
    panjang = resp.headers.get("Content-Length")
    if panjang and panjang.isdigit():
        _batas_ukuran(url, int(panjang), max_bytes)
    total, chunks = 0, []
    out = open(dest, "wb") if dest else None
    try:
        while True:
            try:
                chunk = resp.read(1 << 16)
            except (TimeoutError, socket.timeout):
                raise _waktu_habis(url, timeout) from None
            except (OSError, ValueError) as e:
                raise BatasError(f"Unduhan dari {url} terputus ({_satu_baris(e)}). Basis data tidak diubah. "
                                 f"{_SARAN_OFFLINE}") from None
            if not chunk:
                break
            total += len(chunk)
            _batas_ukuran(url, total, max_bytes)
            if out:
                out.write(chunk)
            else:
                chunks.append(chunk)
    finally:
        if out:
            out.close()
        resp.close()
    return None if dest else b"".join(chunks)


def _unduh(url: str, dest: Path, *, timeout: float, max_bytes: int) -> Path:
    resp = _buka_url(url, timeout)
    _baca_respons(resp, url, timeout, max_bytes, dest)
    return dest


def download(api_url: str = GEOBOUNDARIES_API, *, timeout: float = 10, db_path: Path | None = None,
             max_bytes: int = MAX_BYTES) -> Laporan:
    """Install the geoBoundaries gbOpen IDN ADM2 set via its API (which names the GeoJSON to fetch)."""
    resp = _buka_url(api_url, timeout)
    body = _baca_respons(resp, api_url, timeout, 5 * 1024 * 1024)
    try:
        info = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        info = None
    if isinstance(info, list) and len(info) == 1:
        info = info[0]
    url = None
    if isinstance(info, dict):
        url = info.get("simplifiedGeometryGeoJSON") or info.get("gjDownloadURL")
    if not isinstance(url, str) or not url.strip():
        raise BatasError(
            f"Jawaban {api_url} bukan metadata geoBoundaries yang dikenal (tidak ada alamat unduhan "
            "simplifiedGeometryGeoJSON/gjDownloadURL). Basis data tidak diubah. Periksa alamat API-nya, atau "
            "unduh GeoJSON-nya sendiri lalu pasang dengan `python -m pilar boundaries install BERKAS`.")
    url = urllib.parse.urljoin(api_url, url.strip())
    lic = str(info.get("boundaryLicense") or "").strip()
    bid = str(info.get("boundaryID") or "").strip()
    sumber = str(info.get("boundarySource") or "").strip()
    tahun = str(info.get("boundaryYearRepresented") or "").strip()
    igo = not lic or "IGO" in lic.upper() or "INTERGOVERNMENTAL" in lic.upper()
    licence = LISENSI_GEOBOUNDARIES if igo else lic
    if bid.startswith(_GB_ID_DIPERIKSA) or (not bid and igo):
        attribution = ATRIBUSI_GEOBOUNDARIES
    else:
        asal = sumber or "sumber tidak disebut"
        attribution = (f"Batas kabupaten/kota: {asal}{f' ({tahun})' if tahun else ''} via geoBoundaries, "
                       f"{licence}. Dimodifikasi (disederhanakan, dipotong untuk Kalimantan Selatan).")
    source = f"geoBoundaries gbOpen {bid or 'IDN ADM2'}" + (f" ({sumber})" if sumber else "") + f": {url}"
    return install(url, source=source, licence=licence, attribution=attribution, db_path=db_path,
                   max_bytes=max_bytes, timeout=timeout)
