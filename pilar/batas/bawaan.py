"""Boundaries shipped with the sources, so a fresh clone draws the geographic map on its first start.

The shipped files are the output of ``python -m pilar boundaries install FILE ... --bawaan``: the
boundary tables of the database, written next to the source tables (``<sources>/batas/``) as a
GeoJSON file, its metadata (source, licence, attribution, the install report) and a licence note.
The build loads them into a new database that has no boundaries of its own; an installed set
(carried over a rebuild) always wins, so ``boundaries install`` still replaces the shipped one.
"""
from __future__ import annotations

import json
import logging
import os
import tempfile
from pathlib import Path

from .. import config
from .dasar import TABEL_META, TABEL_WILAYAH, BatasError
from .geometri import json_ringkas

log = logging.getLogger(__name__)

GEOJSON = "kabkota.geojson"
META = "kabkota.meta.json"
LISENSI = "LISENSI.md"
_KUNCI_META = ("source", "licence", "attribution", "installed_at", "input_name", "input_sha256")


def folder(sources: Path | None = None) -> Path:
    return Path(sources or config.sources_dir()) / config.BATAS_BAWAAN


def simpan(con, tujuan: Path) -> list[Path]:
    """Write the boundaries installed in ``con``'s database to ``tujuan`` (three files, each atomically)."""
    cur = con.cursor()
    try:
        rows = cur.execute(f"SELECT kode_bps, nama, geojson, vertices, parts FROM {TABEL_WILAYAH} "
                           "ORDER BY kode_bps").fetchall()
        meta = cur.execute(f"SELECT source, licence, attribution, installed_at, input_name, input_sha256, report "
                           f"FROM {TABEL_META} LIMIT 1").fetchone()
    finally:
        cur.close()
    meta_d = dict(zip(_KUNCI_META, meta[:6]), report=json.loads(meta[6]))
    fc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": str(k),
         "properties": {"kode_bps": int(k), "nama": nama, "vertices": int(v), "parts": int(p)},
         "geometry": json.loads(g)} for k, nama, g, v, p in rows]}
    tujuan.mkdir(parents=True, exist_ok=True)
    isi = {GEOJSON: json_ringkas(fc) + "\n",
           META: json.dumps(meta_d, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
           LISENSI: _catatan_lisensi(meta_d, len(rows))}
    for nama, teks in isi.items():
        _tulis_atomik(tujuan / nama, teks)
    return [tujuan / n for n in isi]


def simpan_dari(db_path: Path, tujuan: Path) -> list[Path]:
    import duckdb  # noqa: PLC0415
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        return simpan(con, tujuan)
    finally:
        con.close()


def baca(sumber: Path) -> tuple[list[tuple], dict] | None:
    """(rows for ``batas_wilayah``, metadata) from a shipped folder; None when it holds no boundaries.

    Raises BatasError when the files are there but unreadable.
    """
    gj, mt = sumber / GEOJSON, sumber / META
    if not gj.is_file() or not mt.is_file():
        return None
    try:
        fc = json.loads(gj.read_text(encoding="utf-8"))
        meta = json.loads(mt.read_text(encoding="utf-8"))
        rows = [(int(f["properties"]["kode_bps"]), str(f["properties"]["nama"]), json_ringkas(f["geometry"]),
                 int(f["properties"]["vertices"]), int(f["properties"]["parts"])) for f in fc["features"]]
        if not rows or not meta.get("source") or not meta.get("attribution") or not meta.get("installed_at"):
            raise ValueError("tanpa isi, sumber, atribusi atau waktu pasang")
        meta = {k: meta.get(k) for k in (*_KUNCI_META, "report")}
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise BatasError(f"Batas wilayah bawaan di {sumber} tidak terbaca ({e}); peta memakai ubin. "
                         "Pasang ulang dengan `python -m pilar boundaries install BERKAS --bawaan`.") from e
    return rows, meta


def muat(con, sumber: Path) -> bool:
    """Create the boundary tables in ``con`` (the database being built) from the shipped folder.

    Only when the units match the ``wilayah`` table exactly; otherwise a warning and no map
    (the build does not fail over an optional map). True when loaded.
    """
    try:
        got = baca(sumber)
    except BatasError as e:
        log.warning("%s", e.pesan)
        return False
    if got is None:
        return False
    rows, meta = got
    kode_db = [r[0] for r in con.execute("SELECT kode_bps FROM wilayah ORDER BY kode_bps").fetchall()]
    if sorted(r[0] for r in rows) != kode_db:
        log.warning("Batas wilayah bawaan di %s tidak cocok dengan daftar kabupaten/kota; tidak dimuat.", sumber)
        return False
    from .simpan import buat_tabel  # noqa: PLC0415 (simpan imports shapely; only needed here)
    buat_tabel(con, rows, meta, json_ringkas(meta.get("report") or {}))
    return True


def _catatan_lisensi(meta: dict, n: int) -> str:
    return (
        "# Batas kabupaten/kota bawaan\n\n"
        "Berkas di folder ini adalah keluaran `python -m pilar boundaries install … --bawaan`; jangan diubah "
        "dengan tangan. Build memuatnya ke basis data baru yang belum punya batas sendiri.\n\n"
        f"- Wilayah: {n}\n"
        f"- Sumber: {meta['source']}\n"
        f"- Lisensi: {meta['licence'] or '(tidak disebutkan)'}\n"
        f"- Atribusi (tampil di bawah peta): {meta['attribution']}\n"
        f"- Berkas masukan: {meta['input_name']} (sha256 {meta['input_sha256']})\n"
        f"- Dipasang: {meta['installed_at']}\n\n"
        "Batas lain (misalnya yang lebih rinci) dipasang dengan `python -m pilar boundaries install BERKAS`; "
        "yang terpasang di basis data selalu didahulukan daripada batas bawaan ini.\n")


def _tulis_atomik(path: Path, teks: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(teks)
        os.chmod(tmp, 0o644)  # files that go into the repository, readable like the other sources
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
