"""Readers during imports and undos never see a mixed state: every read of a period is all 13 old or all
13 new values (the new file is swapped in whole; berkas.ganti)."""
from __future__ import annotations

import threading
import time

import pytest

import impor_korpus as K
from impor_korpus import rows_pilar
from pilar import db as pdb
from pilar import impor

P = "2025-09-23"
KOLOM = list(K.PILAR)


@pytest.fixture()
def data(tmp_path, real_db_path, monkeypatch):
    return K.siapkan_data(tmp_path, real_db_path, monkeypatch)


def baca_periode(path) -> tuple:
    con = pdb.connect(path)
    try:
        df = pdb.run(con, "pilar_per_wilayah", periode=P)
    finally:
        con.close()
    return tuple(tuple(int(v) for v in row) for row in df[["kode_bps", *KOLOM]].itertuples(index=False))


def baca_segar(path) -> tuple:
    """The period as a reader opening the file now sees it. (``db.connect`` may hand back the instance
    another thread still holds, i.e. the file before the swap: DuckDB caches one instance per path.)"""
    got = K.angka_db(path, "pilar", P)
    return tuple((k, *(got[(k, m)][0] for m in KOLOM)) for k in K.KODE)


def test_pembaca_melihat_semua_lama_atau_semua_baru(data, tmp_path):
    target = data / "pilar.duckdb"
    lama = baca_periode(target)
    rows = rows_pilar()
    for row in rows[1:]:
        row[2:] = [v + 1000 for v in row[2:]]
    path = K.xlsx(tmp_path / "baru.xlsx", {"Data": rows})
    baru = tuple((k, *(K.nilai_pilar(k, i) + 1000 for i in range(7))) for k in K.KODE)
    assert lama != baru

    berhenti, terlihat, galat = threading.Event(), [], []

    def pembaca():
        while not berhenti.is_set():
            try:
                terlihat.append(baca_periode(target))
                time.sleep(0.002)  # moments without an open connection: the next one opens the file anew
            except Exception as e:  # noqa: BLE001 - any failure of a reader fails the test
                galat.append(repr(e))

    threads = [threading.Thread(target=pembaca) for _ in range(2)]
    for t in threads:
        t.start()
    try:
        for _ in range(3):
            nomor = impor.terapkan(impor.baca(path, "pilar", P), ganti=True)
            assert baca_segar(target) == baru
            impor.batal(nomor)
            assert baca_segar(target) == lama
    finally:
        berhenti.set()
        for t in threads:
            t.join()
    assert galat == []
    assert set(terlihat) == {lama, baru}  # both states were read, nothing in between
