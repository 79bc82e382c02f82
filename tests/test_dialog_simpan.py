"""The dialog store and its rules (pilar/dialog/simpan.py, aturan.py): what is refused, stored once, moderated."""
import sqlite3

import pytest

from pilar import build, config
from pilar.dialog import aturan, simpan
from pilar.dialog.aturan import Tolak


def kiriman(teks="Kapan pendamping baru direkrut?", kode=6304, pihak="pendamping_pkh", jenis="pertanyaan", nama=""):
    return aturan.periksa(str(kode), pihak, jenis, teks, nama)


@pytest.fixture()
def fid():
    return simpan.buka_forum("Dialog Pilar Sosial", "2025-09-23", "Banjarmasin", [6371, 6304])


@pytest.mark.parametrize("teks,sebab", [
    ("NIK saya 6371012345678901 mohon dicek", "NIK"),
    ("NIK 6371 0123 4567 8901", "NIK"),
    ("hubungi 0812-3456-7890", "telepon"),
    ("WA +62 812 3456 7890 ya", "telepon"),
    ("", "kosong"),
    ("   \n\t ", "kosong"),
    ("x" * 1001, "terlalu panjang"),
])
def test_bad_text_is_refused_with_the_reason(teks, sebab):
    with pytest.raises(Tolak) as e:
        kiriman(teks)
    assert sebab in e.value.pesan and "\n" not in e.value.pesan


@pytest.mark.parametrize("teks", ["Anggaran 2025 naik 15 persen untuk 1263 PSM", "x" * 1000,
                                  "Tagana 1411 orang, 56 pelopor, 98636 KPM"])
def test_ordinary_numbers_and_the_longest_text_are_taken(teks):
    assert kiriman(teks).teks == teks


@pytest.mark.parametrize("kode,pihak,jenis,kata", [
    ("9999", "psm", "usulan", "kabupaten/kota"), ("6171", "psm", "usulan", "kabupaten/kota"),
    ("63O4", "psm", "usulan", "kabupaten/kota"), ("6304", "presiden", "usulan", "atas nama"),
    ("6304", "psm", "keluhan", "Pilih jenis")])
def test_fields_outside_the_lists_are_refused(kode, pihak, jenis, kata):
    with pytest.raises(Tolak) as e:
        aturan.periksa(kode, pihak, jenis, "teks", "")
    assert kata in e.value.pesan


def test_the_kalsel_units_are_the_sources_thirteen():
    import csv
    with open(config.sources_dir() / "wilayah.csv", encoding="utf-8") as f:
        kode = {int(r["kode_bps"]) for r in csv.DictReader(f)}
    assert set(aturan.wilayah()) == kode and len(kode) == 13


def test_control_characters_become_spaces_and_tampil_shows_bidi():
    k = kiriman("a\x00b\x1bc\r\nd")
    assert k.teks == "a b c\nd"
    assert aturan.tampil("abc\u202edef") == "abc<U+202E>def"


def test_one_open_forum_and_a_closed_one_takes_nothing(fid):
    with pytest.raises(Tolak, match="masih dibuka"):
        simpan.buka_forum("Lain", "2025-10-01")
    simpan.tutup_forum(fid)
    with pytest.raises(Tolak, match="ditutup"):
        simpan.kirim(fid, "t1", kiriman(), "10.0.0.2", 10)
    assert simpan.pilih(fid) == []
    assert simpan.buka_forum("Berikutnya", "2026-03-01") != fid


@pytest.mark.parametrize("tanggal", ["2025-13-01", "23-09-2025", ""])
def test_bad_forum_date_is_refused_and_nothing_opens(tanggal):
    with pytest.raises(Tolak, match="YYYY-MM-DD"):
        simpan.buka_forum("Dialog", tanggal)
    assert simpan.forum_terbuka() is None


def test_same_token_stores_once(fid):
    a = simpan.kirim(fid, "tok", kiriman(), "10.0.0.2", 10)
    b = simpan.kirim(fid, "tok", kiriman("another text"), "10.0.0.2", 10)
    assert a == (a[0], True) and b == (a[0], False)
    assert [m["teks"] for m in simpan.pilih(fid)] == ["Kapan pendamping baru direkrut?"]


def test_rate_limit_per_address_holds_and_stores_nothing_over_it(fid):
    for i in range(5):
        simpan.kirim(fid, f"t{i}", kiriman(f"teks {i}"), "10.0.0.7", 5)
    with pytest.raises(Tolak, match="Terlalu banyak"):
        simpan.kirim(fid, "t5", kiriman("teks 5"), "10.0.0.7", 5)
    simpan.kirim(fid, "t6", kiriman("teks 6"), "10.0.0.8", 5)  # another phone is not held back
    assert sorted(m["teks"] for m in simpan.pilih(fid)) == [f"teks {i}" for i in (0, 1, 2, 3, 4, 6)]


def test_moderation_approve_hide_merge_edit_and_votes(fid):
    a, _ = simpan.kirim(fid, "a", kiriman("Honor TKSK terlambat"), "10.0.0.1", 10)
    b, _ = simpan.kirim(fid, "b", kiriman("honor TKSK terlambat!"), "10.0.0.2", 10)
    c, _ = simpan.kirim(fid, "c", kiriman("Pelatihan Tagana", jenis="usulan"), "10.0.0.3", 10)
    assert simpan.ubah_status([a, b, c], "disetujui") == 3
    assert simpan.suara(c, "hp1") and not simpan.suara(c, "hp1")  # one vote per phone
    simpan.suara(b, "hp2")
    simpan.suara(b, "hp3")
    simpan.suara(a, "hp2")
    simpan.gabung(b, a)  # the duplicate's votes move over, hp2 counted once
    setuju = simpan.pilih(fid, status="disetujui")
    assert [(m["id"], m["suara"]) for m in setuju] == [(a, 2), (c, 1)]
    assert simpan.satu(b)["status"] == "digabung" and simpan.satu(b)["gabung_ke"] == a
    simpan.sunting(a, "Honor TKSK sering terlambat")
    simpan.sunting(a, "Honor TKSK sering terlambat.")
    m = simpan.satu(a)
    assert (m["teks"], m["teks_asli"]) == ("Honor TKSK sering terlambat.", "Honor TKSK terlambat")
    simpan.ubah_status([c], "disembunyikan")
    with pytest.raises(Tolak):
        simpan.suara(c, "hp9")  # a hidden item takes no votes
    with pytest.raises(Tolak, match="tidak ada"):
        simpan.ubah_status([a, 999], "disetujui")
    assert simpan.satu(a)["status"] == "disetujui"


def test_follow_up_keeps_every_step_with_its_date(fid):
    a, _ = simpan.kirim(fid, "a", kiriman(), "10.0.0.1", 10)
    with pytest.raises(Tolak, match="belum disetujui"):
        simpan.tindak_lanjut(a, "diterima", "Bidang Linjamsos", "")
    simpan.ubah_status([a], "disetujui")
    with pytest.raises(Tolak, match="tidak dikenal"):
        simpan.tindak_lanjut(a, "beres", "Bidang Linjamsos", "")
    simpan.tindak_lanjut(a, "diterima", "Bidang Linjamsos", "")
    simpan.tindak_lanjut(a, "selesai", "Bidang Linjamsos", "Rekrutmen dibuka Januari")
    assert [r["status"] for r in simpan.riwayat_tindak(a)] == ["diterima", "selesai"]
    m = simpan.satu(a)
    assert (m["status_tindak"], m["tanggapan"]) == ("selesai", "Rekrutmen dibuka Januari") and m["tindak_waktu"]


def test_store_is_wal_with_full_sync_and_build_never_touches_it(fid, tmp_path, monkeypatch):
    simpan.kirim(fid, "a", kiriman(), "10.0.0.1", 10)
    with simpan.koneksi() as con:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert con.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    path = config.dialog_path()
    sebelum = path.read_bytes()
    from conftest import FIXTURE_SOURCES
    build.build(FIXTURE_SOURCES, path.parent / "pilar.duckdb")  # a rebuild in the same folder
    assert path.read_bytes() == sebelum and len(simpan.pilih(fid)) == 1


def test_backup_is_a_whole_copy(fid, tmp_path):
    simpan.kirim(fid, "a", kiriman(), "10.0.0.1", 10)
    simpan.cadangkan(tmp_path / "cadangan.sqlite")
    con = sqlite3.connect(tmp_path / "cadangan.sqlite")
    assert con.execute("SELECT teks FROM masukan").fetchall() == [("Kapan pendamping baru direkrut?",)]


def test_readers_do_not_create_the_store():
    assert simpan.forum_terbuka() is None and simpan.pilih() == [] and not config.dialog_path().exists()
