"""The import tables and the build's apply step. Light on purpose: ``pilar.build`` imports it.

Tables (carried over every rebuild, like the boundary tables; see ``build.PRESERVED_PREFIX``):

- ``impor_riwayat``: one row per import (id, waktu, jenis, periode, berkas, lembar, sha256, baris, oleh,
  sumber, status 'aktif' | 'diganti' | 'dibatalkan', dibatalkan_waktu, dibatalkan_oleh);
- ``impor_pilar`` (impor_id, kode_bps, jenis_pilar, periode, jumlah, baris, aktif) and ``impor_kpm``
  (impor_id, kode_bps, program, periode, jumlah, graduasi, baris, aktif): the figures of each import.

``aktif`` marks, for each key (unit, pillar type or program, period), the row of the latest import
that is not undone: exactly one row per key, or none. An import is 'aktif' while one of its rows is,
'diganti' when later imports replaced all of them. ``terapkan_impor`` puts the active rows into the
ordinary ``pilar`` and ``kpm`` tables (replacing a CSV row with the same key, or adding one), with
status resmi, sumber_id IMP0007 and a ``sumber`` row per import: every query sees them unchanged.
"""
from __future__ import annotations

from .. import status
from .dasar import AWALAN_SUMBER, PENERBIT_BAWAAN

DDL = [
    """CREATE TABLE IF NOT EXISTS impor_riwayat (
        id INTEGER PRIMARY KEY, waktu VARCHAR NOT NULL, jenis VARCHAR NOT NULL CHECK (jenis IN ('pilar', 'kpm')),
        periode VARCHAR NOT NULL, berkas VARCHAR NOT NULL, lembar VARCHAR, sha256 VARCHAR NOT NULL,
        baris INTEGER NOT NULL, oleh VARCHAR NOT NULL, sumber VARCHAR,
        status VARCHAR NOT NULL CHECK (status IN ('aktif', 'diganti', 'dibatalkan')),
        dibatalkan_waktu VARCHAR, dibatalkan_oleh VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS impor_pilar (
        impor_id INTEGER NOT NULL, kode_bps INTEGER NOT NULL, jenis_pilar VARCHAR NOT NULL, periode VARCHAR NOT NULL,
        jumlah INTEGER NOT NULL CHECK (jumlah >= 0), baris INTEGER, aktif BOOLEAN NOT NULL,
        PRIMARY KEY (impor_id, kode_bps, jenis_pilar))""",
    """CREATE TABLE IF NOT EXISTS impor_kpm (
        impor_id INTEGER NOT NULL, kode_bps INTEGER NOT NULL, program VARCHAR NOT NULL, periode VARCHAR NOT NULL,
        jumlah INTEGER NOT NULL CHECK (jumlah >= 0), graduasi INTEGER CHECK (graduasi >= 0), baris INTEGER,
        aktif BOOLEAN NOT NULL, PRIMARY KEY (impor_id, kode_bps, program))""",
]
TABEL = ("impor_riwayat", "impor_pilar", "impor_kpm")
_ID = f"printf('{AWALAN_SUMBER}%04d', {{}})"
# (data table, its key column besides kode_bps and periode) of each figure table.
DATA = {"impor_pilar": ("pilar", "jenis_pilar"), "impor_kpm": ("kpm", "program")}


def siapkan(con) -> None:
    """Create the import tables when they are missing (every database has them, even empty)."""
    for ddl in DDL:
        con.execute(ddl)


def segarkan(con) -> None:
    """Recompute ``aktif`` per key and each import's status after an import or an undo."""
    for tabel, (_data, kunci) in DATA.items():
        con.execute(f"UPDATE {tabel} SET aktif = false")
        con.execute(f"""UPDATE {tabel} AS p SET aktif = true WHERE p.impor_id = (
            SELECT max(q.impor_id) FROM {tabel} AS q JOIN impor_riwayat AS r ON r.id = q.impor_id
            WHERE r.status <> 'dibatalkan' AND q.kode_bps = p.kode_bps AND q.{kunci} = p.{kunci}
              AND q.periode = p.periode)""")
    con.execute("""UPDATE impor_riwayat SET status = CASE
        WHEN status = 'dibatalkan' THEN 'dibatalkan'
        WHEN id IN (SELECT impor_id FROM impor_pilar WHERE aktif UNION SELECT impor_id FROM impor_kpm WHERE aktif)
        THEN 'aktif' ELSE 'diganti' END""")


def _sumber(con) -> None:
    con.execute(f"""INSERT INTO sumber (sumber_id, judul, penerbit, media, tanggal, url, catatan)
        SELECT {_ID.format('r.id')}, r.berkas, coalesce(r.sumber, ?), NULL, substr(r.waktu, 1, 10), NULL,
               'Impor #' || r.id || ' (' || r.jenis || ', periode ' || r.periode || ') dari berkas ' || r.berkas
               || coalesce(', lembar ' || r.lembar, '') || ', sha256 ' || r.sha256 || ', oleh ' || r.oleh
               || ', ' || r.waktu
        FROM impor_riwayat AS r
        WHERE r.status = 'aktif' AND {_ID.format('r.id')} NOT IN (SELECT sumber_id FROM sumber)
        ORDER BY r.id""", [PENERBIT_BAWAAN])


def _angka(con, tabel: str) -> None:
    data, kunci = DATA[tabel]
    rujukan = "jenis_pilar IN (SELECT jenis_pilar FROM pilar_jenis) AND " if kunci == "jenis_pilar" else ""
    con.execute(f"""INSERT OR REPLACE INTO {data} (kode_bps, {kunci}, periode, jumlah, sumber_id, status, catatan)
        SELECT p.kode_bps, p.{kunci}, p.periode, p.jumlah, {_ID.format('p.impor_id')}, ?,
               'Impor #' || p.impor_id || ' (' || r.berkas || ')'
        FROM {tabel} AS p JOIN impor_riwayat AS r ON r.id = p.impor_id
        WHERE p.aktif AND {rujukan}p.kode_bps IN (SELECT kode_bps FROM wilayah)
        ORDER BY p.kode_bps, p.{kunci}, p.periode""", [status.RESMI])


def terapkan_impor(con) -> dict[str, int]:
    """The build's step after loading the CSVs and carrying the ``impor*`` tables over: put the active
    imported figures into ``pilar`` and ``kpm``. Returns the row counts of the tables it changes."""
    siapkan(con)
    _sumber(con)
    for tabel in DATA:
        _angka(con, tabel)
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("sumber", "kpm", "pilar")}
