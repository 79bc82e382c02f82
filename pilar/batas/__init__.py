"""Administrative boundaries of the 13 units: read a geo file, keep Kalsel, store in DuckDB.

Public API (no Streamlit here):

- ``install(src, *, source, licence, attribution, db_path, max_bytes, timeout, deadline) -> Laporan``
- ``download(api_url, *, timeout, db_path, max_bytes, deadline) -> Laporan`` (geoBoundaries API)
- ``status(db_path) -> dict | None``
- ``load(con) -> (FeatureCollection, metadata) | None`` for plotly (feature id = "6371" ...)
- ``BatasError``: a one-paragraph message in Bahasa Indonesia (``.pesan``).
- ``cocokkan_wilayah(nilai, units)`` / ``cocokkan_kolom``: which unit a code or a typed name means.

Modules: ``cocok`` (matching codes and names, no geometry), ``baca`` (reading files), ``geometri``
(coverage cleaning, simplification, checks), ``simpan`` (tables, atomic write, read-back),
``unduh`` (HTTP with limits), ``pasang`` (the install steps), ``laporan`` (the report).

Storage: tables ``batas_wilayah`` (one row per unit, GeoJSON geometry text) and ``batas_meta``
(one row: source, licence, attribution, installed_at, report). ``build.py`` carries tables whose
name starts with ``batas`` over a rebuild. An install writes a copy of the database and swaps it
in with ``os.replace``: readers keep working and a failure leaves the old file byte-identical.
"""
from .cocok import SINGKATAN, Wilayah, cocokkan_kolom, cocokkan_wilayah, kode_wilayah
from .dasar import (ANGGARAN_BYTES, CARA_PASANG, GEOBOUNDARIES_API, MAX_BYTES, TABEL_META, TABEL_WILAYAH,
                    BatasError)
from .laporan import Laporan
from .pasang import download, install
from .simpan import baca_wilayah, load, status

__all__ = ["ANGGARAN_BYTES", "CARA_PASANG", "GEOBOUNDARIES_API", "MAX_BYTES", "SINGKATAN", "TABEL_META",
           "TABEL_WILAYAH", "BatasError", "Laporan", "Wilayah", "baca_wilayah", "cocokkan_kolom",
           "cocokkan_wilayah", "download", "install", "kode_wilayah", "load", "status"]
