"""The small parts of an import: periods, counts as people type them, headers, unit names, file kinds."""
from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from pilar import build
from pilar.batas import simpan as batas_simpan
from pilar.impor import angka, dasar, judul, terap, urai, wadah
from pilar.impor.konteks import Wilayah

HARI = dt.date(2025, 11, 15)


@pytest.mark.parametrize("jenis, periode, sah", [
    ("pilar", "2025-09-30", True), ("pilar", "2025-11-15", True), ("pilar", "2025-11-16", False),
    ("pilar", "2025-02-29", False), ("pilar", "2025-9-30", False), ("pilar", "2025-Q3", False), ("pilar", "", False),
    ("kpm", "2025-Q4", True), ("kpm", "2026-Q1", False), ("kpm", "2025-Q5", False), ("kpm", "Q3/2025", False),
    ("kpm", "2025-09-30", False), ("kpm", None, False)])
def test_periode(jenis, periode, sah):
    assert (dasar.periksa_periode(jenis, periode, HARI) is None) == sah


@pytest.mark.parametrize("sel, n", [
    (5, 5), (5.0, 5), ("5", 5), (" 1.263 ", 1263), ("1.263.000", 1263000), ("12,0", 12), ("1.263,00", 1263),
    ("1 263", 1263), ("'42", 42), ("\u00a0 7", 7), (0, 0), ("-", 0), (" – ", 0), ("—", 0)])
def test_cacah_diterima(sel, n):
    assert angka.cacah(sel) == (n, None)


@pytest.mark.parametrize("sel, bagian", [
    (-1, "negatif"), ("-4", "negatif"), (2.5, "2,5 bukan bilangan bulat"), ("1,5", "bukan bilangan bulat"),
    ("12.5", "bukan bilangan bulat"), ("1,263", "bukan bilangan bulat"), ("lima", "'lima' bukan angka"),
    ("12,5", "bukan bilangan bulat"), (True, "benar/salah"), (dt.date(2025, 1, 2), "tanggal"), (float("nan"), "bukan angka"),
    (2**40, "terlalu besar")])
def test_cacah_ditolak(sel, bagian):
    n, salah = angka.cacah(sel)
    assert n is None and bagian in salah


@pytest.mark.parametrize("teks, harapan", [
    ("TKSK", ("ukuran", "tksk")), ("tksk", ("ukuran", "tksk")),
    ("Tenaga Kesejahteraan Sosial Kecamatan (TKSK)", ("ukuran", "tksk")),
    ("Jumlah Karang Taruna", ("ukuran", "karang_taruna")), ("Pendamping PKH (orang)", ("ukuran", "pendamping_pkh")),
    ("Taruna Siaga Bencana", ("ukuran", "tagana")), ("Jumlah KPM PKH", ("ukuran", "kpm")), ("KPM", ("ukuran", "kpm")),
    ("KPM Graduasi", ("ukuran", "graduasi")), ("Graduasi", ("ukuran", "graduasi")),
    ("Kode BPS", ("kode", None)), ("Kode Kab/Kota", ("kode", None)), ("Kabupaten/Kota", ("nama", None)),
    ("Kab./Kota", ("nama", None)), ("Wilayah", ("nama", None)), ("Nama", ("nama_polos", None)),
    ("No.", ("abaikan", None)), ("Keterangan", ("abaikan", None)), ("Jumlah Penduduk", ("abaikan", None)),
    ("Karang Tarun", ("mirip", "karang_taruna")), ("Tagan", ("mirip", "tagana")), ("LKSA", ("mirip", "lks")),
    ("Pelopor Perdamaia", ("mirip", "pelopor_perdamaian")), (None, ("kosong", None)), ("  ", ("kosong", None))])
def test_judul_kolom(teks, harapan):
    assert judul.kenali(teks) == harapan


UNITS = [Wilayah(6301, "63.01", "Kabupaten Tanah Laut", "Tanah Laut", "kabupaten"),
         Wilayah(6302, "63.02", "Kabupaten Kotabaru", "Kotabaru", "kabupaten"),
         Wilayah(6303, "63.03", "Kabupaten Banjar", "Banjar", "kabupaten"),
         Wilayah(6371, "63.71", "Kota Banjarmasin", "Banjarmasin", "kota"),
         Wilayah(6372, "63.72", "Kota Banjarbaru", "Banjarbaru", "kota")]


@pytest.mark.parametrize("kode, nama, harapan", [
    (None, "Banjar", 6303), (None, "Kab. Banjar", 6303), (None, "BANJARMASIN", 6371), (None, "Banjar Baru", 6372),
    (None, "Kota Baru", 6302), (None, "Tala", 6301), (6371, None, 6371), ("63.72", None, 6372), (6371.0, "Kota Banjarmasin", 6371),
    (None, "Kota Banjar", None), (6371, "Banjarbaru", None), (3273, None, None), (None, None, None)])
def test_wilayah_dari_kode_atau_nama(kode, nama, harapan):
    unit, salah = urai._unit(kode, nama, UNITS)
    assert (unit.kode_bps if unit else None) == harapan
    assert bool(salah) == (harapan is None)


def test_saran_nama_yang_salah_ketik():
    _, salah = urai._unit(None, "Banjarmasinn", UNITS)
    assert salah == ["'Banjarmasinn': maksudnya Kota Banjarmasin? Nama ini bukan kabupaten/kota Kalimantan Selatan; "
                     "perbaiki namanya, atau terima sarannya (halaman Impor: tombol Terima; CLI: --cocokkan "
                     "\"Banjarmasinn=6371\")"]


@pytest.mark.parametrize("isi, jenis", [
    (b"Kode;LKS\n6301;1\n", "csv"), (b"\xef\xbb\xbfKode,LKS\n", "csv"), (b"%PDF-1.4", "pdf"),
    (b"<!DOCTYPE html><html>", "html"), (b"\x00\x01\x02", "biner"), (b"PK\x03\x04rusak", "zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "ole")])
def test_jenis_isi(isi, jenis):
    assert wadah.jenis_isi(isi) == jenis


def test_tempat_dan_kolom():
    assert [dasar.huruf_kolom(c) for c in (0, 25, 26, 701, 702)] == ["A", "Z", "AA", "ZZ", "AAA"]
    assert dasar.Tempat("a.xlsx", "Data")(7, 2, "LKS") == "a.xlsx, lembar 'Data', baris 7, kolom C (LKS)"
    assert dasar.Tempat("a.csv")(3) == "a.csv, baris 3"
    assert dasar.kutip(6371.0) == "'6371'"


def test_build_membawa_tabel_batas_dan_impor_dan_pasang_batas_tidak_menghapus_impor(fixture_db_path, tmp_path):
    assert build.PRESERVED_PREFIX == ("batas", "impor")
    target = tmp_path / "pilar.duckdb"
    target.write_bytes(fixture_db_path.read_bytes())
    con = duckdb.connect(str(target))
    con.execute("CREATE TABLE batas_uji (x INTEGER)")
    con.execute("INSERT INTO impor_riwayat VALUES (1, '2025-01-01T00:00:00+00:00', 'pilar', '2024-01-01', 'a.xlsx', "
                "NULL, 'ab', 1, 'u', NULL, 'aktif', NULL, NULL)")
    con.execute("INSERT INTO impor_pilar VALUES (1, 6371, 'lks', '2024-01-01', 42, 2, true)")
    con.close()
    build.build(build.config.ROOT / "tests" / "fixtures" / "sources", target)
    con = duckdb.connect(str(target))
    try:
        assert con.execute("SELECT count(*) FROM batas_uji").fetchone() == (0,)
        assert con.execute("SELECT jumlah, status, sumber_id, catatan FROM pilar WHERE kode_bps = 6371 AND "
                           "jenis_pilar = 'lks' AND periode = '2024-01-01'").fetchone() == (42, "resmi", "IMP0001",
                                                                                          "Impor #1 (a.xlsx)")
        batas_simpan._ganti_tabel(con, [(6371, "Kota Banjarmasin", "{}", 1, 1)], {"source": "s", "licence": None, "attribution": "a", "installed_at": "t",
                                            "input_name": None, "input_sha256": None}, "{}")
        tabel = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    finally:
        con.close()
    assert {"impor_riwayat", "impor_pilar", "impor_kpm", "batas_wilayah", "batas_meta"} <= tabel
    assert "batas_uji" not in tabel


def test_tabel_impor_selalu_ada_tanpa_impor(fixture_db_path):
    con = duckdb.connect(str(fixture_db_path), read_only=True)
    try:
        for t in terap.TABEL:
            assert con.execute(f"SELECT count(*) FROM {t}").fetchone() == (0,)
    finally:
        con.close()
