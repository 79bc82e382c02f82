"""Boundaries in the database: tables ``batas_wilayah`` and ``batas_meta``, written and read back.

Writing goes through ``pilar.berkas``: under the one-writer lock, a copy of the database gets the
new tables in one transaction, is checked, and replaces the old file with ``os.replace``. Running
dashboards keep reading the old file; a failure leaves it byte-identical.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import shapely

from .. import berkas, config
from .cocok import Wilayah
from .dasar import TABEL_META, TABEL_WILAYAH, BatasError
from .geometri import json_ringkas, simpul
from .laporan import Laporan

AWALAN = "batas"  # the boundary tables' names start with it (one of build.PRESERVED_PREFIX)


def baca_wilayah(db_path: Path) -> list[Wilayah]:
    """The units of the ``wilayah`` table, by BPS code."""
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        rows = con.execute("SELECT kode_bps, kode_kemendagri, nama, nama_pendek, jenis FROM wilayah "
                           "ORDER BY kode_bps").fetchall()
    finally:
        con.close()
    return [Wilayah(int(k), km, n, np_, j) for k, km, n, np_, j in rows]


def tulis(db_path: Path, units: list[Wilayah], rows: list[tuple], meta: dict, laporan: Laporan) -> None:
    """Replace the boundary tables of ``db_path`` (rows: kode_bps, nama, geojson, vertices, parts)."""
    with berkas.kunci(db_path):
        berkas.bersihkan_sisa(db_path)
        berkas.ganti(db_path, lambda tmp: _tulis_salinan(db_path, tmp, units, rows, meta, laporan), tag="batas")


def _tulis_salinan(db_path: Path, tmp: Path, units: list[Wilayah], rows: list[tuple], meta: dict,
                   laporan: Laporan) -> None:
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
        _ganti_tabel(con, rows, meta, json_ringkas(laporan.to_dict()))
        con.execute("COMMIT")
        con.execute("CHECKPOINT")
    finally:
        con.close()
    periksa_salinan(tmp, len(units))


def _ganti_tabel(con, rows: list[tuple], meta: dict, report: str) -> None:
    # Every table a rebuild carries over whose name starts with "batas" (one of build.PRESERVED_PREFIX;
    # the "impor" tables belong to the spreadsheet imports) belongs to the boundaries: drop them all.
    old = [r[0] for r in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() "
        "AND schema_name = 'main' AND starts_with(table_name, ?)", [AWALAN]).fetchall()]
    for t in old:
        con.execute(f'DROP TABLE "{t}"')
    buat_tabel(con, rows, meta, report)


def buat_tabel(con, rows: list[tuple], meta: dict, report: str) -> None:
    """Create and fill the boundary tables (rows: kode_bps, nama, geojson, vertices, parts)."""
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
                 meta["input_name"], meta["input_sha256"], report])


def periksa_salinan(path: Path, n: int) -> None:
    """The written copy reads back with all ``n`` units (before it replaces the database)."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        got = load(con)
    finally:
        con.close()
    if got is None or len(got[0]["features"]) != n:
        raise BatasError("Salinan basis data tidak memuat batas yang baru ditulis. Basis data tidak diubah; "
                         "jalankan perintahnya sekali lagi.")


def load(con) -> tuple[dict, dict] | None:
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
    out["bytes"] = len(json_ringkas(fc).encode())
    out["vertices"] = simpul(shapely.from_geojson(json_ringkas(f["geometry"])) for f in fc["features"])
    return out
