"""Installing boundaries: from a file, folder or URL (``install``) or from geoBoundaries (``download``).

The steps: fetch or open the input, pick the layer that holds Kalsel's units, match the 13, make
one valid coverage of them, simplify it to the size budget, check it, write it (``simpan.tulis``).
Every step that finds a problem raises BatasError before the database is touched.
"""
from __future__ import annotations

import hashlib
import re
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

from .. import config
from . import baca, geometri, simpan, unduh
from .cocok import HasilCocok, Wilayah, cocokkan_baris
from .dasar import ANGGARAN_BYTES, GEOBOUNDARIES_API, MAX_BYTES, BatasError
from .laporan import Laporan

_POLIGONAL = ("Polygon", "MultiPolygon", "GeometryCollection")


def install(src: str | Path, *, source: str | None = None, licence: str | None = None,
            attribution: str | None = None, db_path: Path | None = None, max_bytes: int = MAX_BYTES,
            timeout: float = 10, deadline: float = unduh.BATAS_WAKTU) -> Laporan:
    """Install the boundaries of the 13 units from a file, folder or http(s) URL into the database.

    ``timeout`` bounds each network read and ``deadline`` the whole download (URLs only).
    Raises BatasError (message in Bahasa Indonesia); on any failure the database file is untouched.
    """
    if not _adalah_url(src):
        return _pasang(src, source, licence, attribution, db_path, max_bytes, timeout, None)
    with unduh.Tenggat(deadline) as tenggat:
        return _pasang(src, source, licence, attribution, db_path, max_bytes, timeout, tenggat)


def download(api_url: str = GEOBOUNDARIES_API, *, timeout: float = 10, db_path: Path | None = None,
             max_bytes: int = MAX_BYTES, deadline: float = unduh.BATAS_WAKTU) -> Laporan:
    """Install the geoBoundaries gbOpen IDN ADM2 set via its API (which names the GeoJSON to fetch).

    ``deadline`` bounds the API call and the download together.
    """
    _basis_data(db_path)  # before fetching anything
    with unduh.Tenggat(deadline) as tenggat:
        info = unduh.metadata_geoboundaries(api_url, timeout=timeout, tenggat=tenggat)
        return _pasang(info["url"], info["source"], info["licence"], info["attribution"], db_path, max_bytes,
                       timeout, tenggat)


def _adalah_url(src) -> bool:
    return isinstance(src, str) and re.match(r"^https?://", src.strip(), re.I) is not None


def _basis_data(db_path: Path | None) -> Path:
    db_path = Path(db_path or config.db_path())
    if not db_path.is_file():
        raise BatasError(
            f"Basis data {db_path} belum ada, jadi batas wilayah belum bisa dipasang. Basis data tidak diubah. "
            "Bangun dulu dengan `python -m pilar build`, lalu jalankan perintah ini lagi.")
    return db_path


def _pasang(src, source, licence, attribution, db_path, max_bytes, timeout, tenggat) -> Laporan:
    t0 = time.monotonic()
    db_path = _basis_data(db_path)
    with tempfile.TemporaryDirectory(prefix="pilar-batas-") as tmp:
        tmp = Path(tmp)
        if tenggat is not None:
            nama = str(src).strip()
            path = tmp / "unduhan"
            unduh.ambil(nama, timeout=timeout, max_bytes=max_bytes, tenggat=tenggat, dest=path)
        else:
            path = Path(src).expanduser()
            nama = path.name or str(path)
            if not path.exists():
                raise BatasError(
                    f"Berkas {path} tidak ditemukan. Basis data tidak diubah. Periksa nama dan foldernya "
                    "(jalur relatif dihitung dari folder tempat perintah dijalankan).")
        kandidat, ukuran_berkas = baca.siapkan(path, tmp, nama, max_bytes)
        units = simpan.baca_wilayah(db_path)
        laporan, rows = _olah(kandidat, units, nama, ukuran_berkas)
        sha = _sha256(path) if path.is_file() else None
    src_text = source or (nama if tenggat is not None else Path(src).name)
    meta = {
        "source": src_text,
        "licence": licence,
        "attribution": attribution or f"Batas kabupaten/kota: {src_text}",
        "installed_at": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
        "input_name": nama,
        "input_sha256": sha,
    }
    laporan.detik = time.monotonic() - t0
    simpan.tulis(db_path, units, rows, meta, laporan)
    laporan.detik = time.monotonic() - t0
    return laporan


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _pilih_lapisan(kandidat, units: list[Wilayah], nama: str):
    """(gdf in EPSG:4326, matches, file, layer, source CRS) of the layer that holds the most units."""
    best, tanpa_poligon, galat = None, None, None
    for f, layer in kandidat:
        try:
            gdf = baca.baca(f, layer, nama)
        except BatasError as e:
            galat = galat or e
            continue
        types = {g.geom_type for g in gdf.geometry.values if g is not None and not g.is_empty}
        if not any(t in _POLIGONAL for t in types):
            tanpa_poligon = tanpa_poligon or (types, len(gdf))
            continue
        gdf, crs_asal = baca.ke_4326(gdf, nama)
        geoms = gdf.geometry.values
        cocok = cocokkan_baris(baca.kolom_atribut(gdf), units, lambda i: geometri.dalam_kotak(geoms[i]))
        if best is None or len(cocok.baris) > len(best[1].baris):
            best = (gdf, cocok, f, layer, crs_asal)
        if len(cocok.baris) == len(units):
            break
    if best is not None:
        return best
    if tanpa_poligon is None:
        raise galat or baca.bukan_geo(nama)
    types, n = tanpa_poligon
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


def _periksa_cocok(cocok: HasilCocok, units: list[Wilayah], nama: str, n: int) -> None:
    if not cocok.baris:
        raise BatasError(
            f"Tidak ada satu pun kabupaten/kota Kalimantan Selatan di {nama} ({n} baris dibaca). Basis data "
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


def _olah(kandidat, units: list[Wilayah], nama: str, ukuran_berkas: int) -> tuple[Laporan, list[tuple]]:
    """The checked rows to store (kode_bps, nama, geojson, vertices, parts) and the report so far."""
    gdf, cocok, f, layer, crs_asal = _pilih_lapisan(kandidat, units, nama)
    laporan = Laporan(berkas=nama, lapisan=layer or f.name, crs_asal=crs_asal, baris=len(gdf),
                      ukuran_berkas=ukuran_berkas, diabaikan=cocok.diabaikan[:20])
    _periksa_cocok(cocok, units, nama, len(gdf))
    laporan.cocok = {str(k): cocok.cara[k] for k in cocok.baris}

    raw = gdf.geometry.values
    per_unit, duplikat = {}, 0
    for u in units:
        rows = cocok.baris[u.kode_bps]
        per_unit[u.kode_bps], d = geometri.gabung_baris([raw[i] for i in rows], rows, u, cocok.cara[u.kode_bps])
        duplikat += d
    if duplikat:
        laporan.perbaikan.append(f"{duplikat} baris ganda yang identik diabaikan")
    mentah = [raw[i] for rows in cocok.baris.values() for i in rows]
    laporan.simpul_sebelum = geometri.simpul(mentah)
    laporan.bagian_sebelum = geometri.bagian(mentah)
    laporan.ukuran_sebelum, _ = geometri.ukuran(units, per_unit)

    rapi, notes, lubang = geometri.rapikan(per_unit, {u.kode_bps: u.nama for u in units})
    laporan.perbaikan += notes
    if lubang:
        laporan.perbaikan.append(f"{lubang} lubang besar di dalam provinsi dibiarkan (mungkin danau)")
    akhir, gj, laporan.toleransi, laporan.ukuran_sesudah = geometri.sederhanakan(units, rapi, ANGGARAN_BYTES)
    geometri.periksa(units, gj, lubang)
    laporan.simpul_sesudah = geometri.simpul(akhir.values())
    laporan.bagian_sesudah = geometri.bagian(akhir.values())
    rows = [(u.kode_bps, u.nama, geometri.json_ringkas(gj[u.kode_bps]), geometri.simpul([akhir[u.kode_bps]]),
             geometri.bagian([akhir[u.kode_bps]])) for u in units]
    return laporan, rows
