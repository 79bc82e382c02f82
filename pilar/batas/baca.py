"""Reading a boundary file: GeoJSON, Shapefile (.zip, .shp or a folder), GeoPackage, in any CRS.

The kind is told from the first bytes, not the name (downloads and uploads have odd names).
Sizes are checked before anything is parsed, a zip also by its unpacked size (zip bomb).
"""
from __future__ import annotations

import math
import re
import shutil
import zipfile
import zlib
from pathlib import Path

from .dasar import BatasError, mb, satu_baris

_EKSTENSI_GEO = {".shp", ".gpkg", ".geojson", ".json", ".topojson"}


def jenis_berkas(path: Path) -> str | None:
    """'dir', 'zip', 'gpkg', 'shp', 'json' from the first bytes, or None."""
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
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return "json"
    return None


def ukuran_masukan(path: Path) -> int:
    """Bytes of the input: a folder's files, a .shp with its sidecar files, or the file."""
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    if path.suffix.lower() == ".shp":
        return sum(p.stat().st_size for p in path.parent.glob(path.stem + ".*") if p.is_file())
    return path.stat().st_size


def batas_ukuran(nama: str, ukuran: int, max_bytes: int) -> None:
    if ukuran > max_bytes:
        raise BatasError(
            f"Berkas {nama} terlalu besar ({mb(ukuran)}; batasnya {mb(max_bytes)}). Basis data tidak diubah. "
            "Potong dulu ke Kalimantan Selatan (misalnya dengan QGIS atau ogr2ogr) atau pakai versi yang "
            "disederhanakan, lalu pasang lagi.")


def bukan_geo(nama: str) -> BatasError:
    return BatasError(
        f"Berkas {nama} bukan berkas geo yang bisa dibaca. Basis data tidak diubah. Yang diterima: GeoJSON, "
        "Shapefile (.shp bersama .shx, .dbf dan .prj, atau semuanya dalam satu .zip) dan GeoPackage (.gpkg), "
        "berisi poligon batas kabupaten/kota. Periksa bahwa Anda memilih berkas yang benar.")


def _buka_zip(path: Path, folder: Path, nama: str, max_bytes: int) -> Path:
    try:
        with zipfile.ZipFile(path) as z:
            # Declared sizes bound what extractall writes (zipfile stops at them), so this is the bomb guard.
            total = sum(i.file_size for i in z.infolist())
            if total > max_bytes:
                raise BatasError(
                    f"Isi zip {nama} terlalu besar setelah dibuka ({mb(total)}; batasnya {mb(max_bytes)}). "
                    "Basis data tidak diubah. Potong dulu ke Kalimantan Selatan atau pakai versi yang disederhanakan.")
            rusak = z.testzip()
            if rusak is not None:
                raise zipfile.BadZipFile(rusak)
            z.extractall(folder)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError,
            NotImplementedError) as e:
        raise BatasError(
            f"Berkas zip {nama} rusak atau tidak lengkap dan tidak bisa dibuka ({type(e).__name__}). "
            "Basis data tidak diubah. Unduh atau salin ulang berkasnya, periksa bahwa zip itu bisa dibuka di "
            "komputer Anda, lalu pasang lagi.") from None
    return folder


def siapkan(path: Path, tmp: Path, nama: str, max_bytes: int) -> tuple[list[tuple[Path, str | None]], int]:
    """(file, layer) candidates to read, most likely first, and the input size in bytes."""
    ukuran = ukuran_masukan(path)
    batas_ukuran(nama, ukuran, max_bytes)
    jenis = jenis_berkas(path)
    if jenis is None:
        raise bukan_geo(nama)
    baca = path
    if jenis == "zip":
        baca, jenis = _buka_zip(path, tmp / "zip", nama, max_bytes), "dir"
    elif jenis == "json" and path.suffix.lower() not in (".json", ".geojson"):
        baca = tmp / "masukan.geojson"  # GDAL wants a familiar extension for downloads
        shutil.copyfile(path, baca)
    elif jenis == "gpkg" and path.suffix.lower() != ".gpkg":
        baca = tmp / "masukan.gpkg"
        shutil.copyfile(path, baca)
    return _kandidat(baca, jenis, nama), ukuran


def _berkas_geo(folder: Path, nama: str) -> list[Path]:
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in _EKSTENSI_GEO
                   and not any(part.startswith(("__MACOSX", ".")) for part in p.relative_to(folder).parts))
    if not files:
        raise BatasError(
            f"{nama} tidak berisi berkas geo (.shp, .gpkg, .geojson). Basis data tidak diubah. "
            "Periksa isinya; Shapefile butuh setidaknya .shp, .shx, .dbf dan sebaiknya .prj.")
    # Files named like a kabupaten/ADM2 layer first.
    return sorted(files, key=lambda p: (0 if re.search(r"adm_?2|kab|kota|regenc|district", p.name.lower()) else 1,
                                        p.name.lower()))


def _kandidat(path: Path, jenis: str, nama: str) -> list[tuple[Path, str | None]]:
    import pyogrio

    files = [path] if jenis in ("json", "shp", "gpkg") else _berkas_geo(path, nama)
    out: list[tuple[Path, str | None]] = []
    for f in files:
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
        raise bukan_geo(nama)
    return out


def baca(f: Path, layer: str | None, nama: str):
    """The layer as a GeoDataFrame, or a BatasError that says what is wrong with the file."""
    import geopandas as gpd

    try:
        gdf = gpd.read_file(f, layer=layer, engine="pyogrio")
    except Exception as e:
        if "not recognized as" in str(e) or "not recognised as" in str(e):
            raise bukan_geo(nama) from None
        detail = satu_baris(e).replace(str(f), f.name)
        raise BatasError(
            f"Berkas {nama} tidak bisa dibaca sebagai data geo ({detail}). Basis data tidak diubah. "
            "Periksa bahwa berkasnya lengkap (untuk Shapefile: .shp, .shx, .dbf, .prj) dan tidak rusak, "
            "lalu pasang lagi.") from None
    if not isinstance(gdf, gpd.GeoDataFrame) or gdf.geometry.name not in gdf.columns:
        raise bukan_geo(nama)
    return gdf


def ke_4326(gdf, nama: str):
    """(gdf in EPSG:4326, the CRS it came in); a file without CRS is taken as degrees if it fits."""
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


def kolom_atribut(gdf) -> dict[str, list]:
    """The attribute table as plain lists, NaN as None (for ``cocok.cocokkan_baris``)."""
    return {c: [None if (isinstance(v, float) and math.isnan(v)) else v for v in gdf[c].tolist()]
            for c in gdf.columns if c != gdf.geometry.name}
