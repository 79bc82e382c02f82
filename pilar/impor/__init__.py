"""Importing the office's own quarterly sheets (xlsx, xls, ods, csv) into the database. No Streamlit.

Public API (the CLI ``pilar/cli_impor.py`` and the admin page call these):

- ``baca(path, jenis, periode, sheet=None, *, nama=None, db_path=None, sources=None, cocokkan=None) -> Rencana``:
  check a file and return the plan (per unit and measure: old, new, difference; ignored columns and rows;
  figures it would replace; warnings; warnings to confirm), or raise ``ImporError`` whose ``pesan`` lists
  every problem (``saran``: misspelt unit names -> suggested code, for ``cocokkan``).
- ``terapkan(rencana, ganti=False, sumber=None, oleh=None) -> int``: store it; the import's id.
- ``riwayat(*, db_path=None, sources=None) -> DataFrame``: every import (id, waktu, jenis, periode,
  berkas, sha256, baris, oleh, status, ...).
- ``batal(id, oleh=None, *, db_path=None, sources=None) -> list[int]``: undo one import.
- ``isi_impor(id, ...) -> DataFrame``: the figures of one import.
- ``templat(jenis, *, db_path=None, sources=None) -> bytes``: the XLSX template.
- ``ekspor(folder, *, db_path=None, sources=None) -> list[Path]``: every import as a filled template.

Modules: ``dasar`` (limits, measures, periods, messages), ``wadah`` (what a file is; zip bomb),
``pindai``/``biff`` (formulas without a cached value, error cells, used area; cells and text as expanded),
``buka`` (cells per sheet), ``anak`` (calamine in a child process with a memory and CPU limit),
``pribadi`` (personal data), ``judul`` (headers), ``angka`` (counts), ``urai`` (rows), ``periode_judul`` (the
period a title names), ``konteks`` (the database before), ``rencana`` (``baca``), ``laporan`` (submissions per
period; what is in force after an undo), ``terap`` (tables and the build's apply step), ``simpan``
(writes and history), ``templat_xlsx`` and ``cadangan`` (XLSX out). See docs/IMPOR.md.

Attributes load lazily: ``pilar.build`` imports ``pilar.impor.terap`` without the readers.
"""
from __future__ import annotations

import importlib

_DARI = {"baca": "rencana", "Rencana": "rencana", "Perubahan": "rencana", "ImporError": "dasar",
         "terapkan": "simpan", "riwayat": "simpan", "batal": "simpan", "isi_impor": "simpan",
         "oleh_siapa": "simpan", "templat": "templat_xlsx", "ekspor": "cadangan", "JENIS": "dasar", "JUDUL": "dasar",
         "UKURAN": "dasar", "periksa_periode": "dasar"}

__all__ = sorted(_DARI)


def __getattr__(nama: str):
    if nama in _DARI:
        return getattr(importlib.import_module(f".{_DARI[nama]}", __name__), nama)
    raise AttributeError(f"module {__name__!r} has no attribute {nama!r}")
