"""The build: deterministic, atomic, and strict about bad source rows."""
import hashlib
import shutil

import duckdb
import pytest

from conftest import FIXTURE_SOURCES
from pilar import build, sumber

TABLES = ["sumber", "wilayah", "pilar_jenis", "fakta_wilayah", "fakta_provinsi", "acuan", "kpm", "pilar", "meta"]


def dump(path):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in TABLES}
    finally:
        con.close()


def sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture()
def fixture_sources(tmp_path):
    dst = tmp_path / "src"
    shutil.copytree(FIXTURE_SOURCES, dst)
    return dst


def test_build_twice_gives_identical_content(tmp_path):
    a = build.build(FIXTURE_SOURCES, tmp_path / "a.duckdb").path
    b = build.build(FIXTURE_SOURCES, tmp_path / "b.duckdb").path
    assert dump(a) == dump(b)
    assert dump(a)["pilar"]  # not trivially equal


def test_build_replaces_file_and_leaves_no_temp(tmp_path):
    target = tmp_path / "pilar.duckdb"
    build.build(FIXTURE_SOURCES, target)
    build.build(FIXTURE_SOURCES, target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pilar.duckdb", "pilar.duckdb.lock"]


def test_failure_midway_leaves_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "pilar.duckdb"
    build.build(FIXTURE_SOURCES, target)
    before = sha(target)

    def explode(con, *a):
        con.execute("CREATE TABLE setengah (x INTEGER)")
        raise RuntimeError("listrik padam")

    monkeypatch.setattr(build, "_carry_over", explode)
    with pytest.raises(RuntimeError):
        build.build(FIXTURE_SOURCES, target)
    assert sha(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pilar.duckdb", "pilar.duckdb.lock"]


def test_installed_boundary_tables_survive_a_rebuild(tmp_path):
    target = build.build(FIXTURE_SOURCES, tmp_path / "pilar.duckdb").path
    con = duckdb.connect(str(target))
    con.execute("CREATE TABLE batas_uji AS SELECT 6371 AS kode_bps, 'geom' AS geojson")
    con.close()
    build.build(FIXTURE_SOURCES, target)
    con = duckdb.connect(str(target), read_only=True)
    assert con.execute("SELECT * FROM batas_uji").fetchall() == [(6371, "geom")]
    con.close()


def test_ensure_built_rebuilds_only_when_sources_change(tmp_path, fixture_sources):
    target = tmp_path / "pilar.duckdb"
    build.ensure_built(fixture_sources, target)
    first = target.stat().st_mtime_ns
    build.ensure_built(fixture_sources, target)
    assert target.stat().st_mtime_ns == first
    with open(fixture_sources / "sumber.csv", "a") as f:
        f.write("F03,Sumber baru,Penerbit,,2026,,\n")
    build.ensure_built(fixture_sources, target)
    assert target.stat().st_mtime_ns != first
    assert build.built_hash(target) == sumber.sources_hash(fixture_sources)


def replace_line(path, old, new):
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


BAD_ROWS = [
    # (file, old text, new text, expected fragment of the message)
    ("kpm.csv", "6301,pkh,2022-Q2,2000", "6399,pkh,2022-Q2,2000",
     "kpm.csv baris 5, kolom kode_bps: kode wilayah 6399 tidak ada di wilayah.csv"),
    ("pilar.csv", "6371,tksk,2025-09-23,4,", "6371,tksk,2025-09-23,-4,",
     "pilar.csv baris 13, kolom jumlah: nilai negatif (-4) tidak boleh"),
    ("fakta_wilayah.csv", "6371,kecamatan,5,kecamatan,2025,F02", "6371,kecamatan,5,kecamatan,2025,",
     "fakta_wilayah.csv baris 8, kolom sumber_id: wajib diisi tetapi kosong"),
    ("kpm.csv", "6371,pkh,2022-Q2,12000,F01", "6371,pkh,2022-Q2,12000,F99",
     "kpm.csv baris 6, kolom sumber_id: sumber 'F99' tidak ada di sumber.csv"),
    ("pilar.csv", "6301,psm,2025-09-23,90,F01,berita", "6301,psm,2025-09-23,90,F01,perkiraan",
     "pilar.csv baris 7, kolom status: status 'perkiraan' tidak dikenal"),
    ("pilar.csv", "6301,psm,2025-09-23,90,", "6301,psm,2025-09-23,sembilan puluh,",
     "pilar.csv baris 7, kolom jumlah: 'sembilan puluh' bukan bilangan bulat"),
    ("pilar.csv", "6301,psm,2025-09-23,90,", "6301,psm,2025-09-23,91,",
     "jumlah 13 kabupaten/kota 136 tidak sama dengan total provinsi 135"),
]


@pytest.mark.parametrize("file,old,new,message", BAD_ROWS, ids=[b[3][:40] for b in BAD_ROWS])
def test_bad_source_row_fails_with_file_row_column(tmp_path, fixture_sources, file, old, new, message):
    target = build.build(fixture_sources, tmp_path / "pilar.duckdb").path
    before = sha(target)
    replace_line(fixture_sources / file, old, new)
    with pytest.raises(sumber.SumberError) as err:
        build.build(fixture_sources, target)
    assert any(message in m for m in err.value.pesan), err.value.pesan
    assert sha(target) == before


def test_missing_column_is_named(fixture_sources):
    replace_line(fixture_sources / "wilayah.csv", "kode_bps,kode_kemendagri,", "kode_bps,")
    with pytest.raises(sumber.SumberError) as err:
        sumber.read_sources(fixture_sources)
    assert "wilayah.csv baris 1 (judul kolom): kolom hilang: kode_kemendagri" in str(err.value)


def test_duplicate_key_is_named(fixture_sources):
    with open(fixture_sources / "kpm.csv", "a") as f:
        f.write("6301,pkh,2022-Q2,5,F01,berita,\n")
    with pytest.raises(sumber.SumberError) as err:
        sumber.read_sources(fixture_sources)
    assert "kpm.csv baris 8, kolom kode_bps, program, periode: duplikat dari baris 5" in str(err.value)
