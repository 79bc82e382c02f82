"""The build: deterministic, atomic, self-repairing, and strict about bad source rows."""
import hashlib
import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from conftest import FIXTURE_SOURCES, ROOT
from pilar import build, status, sumber

TABLES = ["sumber", "wilayah", "pilar_jenis", "fakta_wilayah", "fakta_provinsi", "acuan", "kpm", "pilar", "meta"]


def dump(path):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in TABLES}
    finally:
        con.close()


def sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot(folder):
    """sha256 of every file under ``folder`` (names relative to it)."""
    return {str(p.relative_to(folder)): sha(p) for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture()
def fixture_sources(tmp_path):
    dst = tmp_path / "src"
    shutil.copytree(FIXTURE_SOURCES, dst)
    return dst


@pytest.fixture()
def data_dir(tmp_path):
    """A data folder laid out like data/: sources/ and pilar.duckdb built from them."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_SOURCES, data / "sources")
    build.build(data / "sources", data / "pilar.duckdb")
    return data


def replace_line(path, old, new):
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


# ---------------------------------------------------------------- determinism and atomicity

def test_build_twice_gives_identical_content(tmp_path):
    a = build.build(FIXTURE_SOURCES, tmp_path / "a.duckdb").path
    b = build.build(FIXTURE_SOURCES, tmp_path / "b.duckdb").path
    assert dump(a) == dump(b)
    assert dump(a)["pilar"]  # not trivially equal


def test_build_twice_gives_identical_bytes_after_duckdbs_file_header(tmp_path):
    # What build.py's docstring promises: only DuckDB's random database identifier (and the
    # checksum of the header that holds it) differ, within the first 4 KiB.
    a = build.build(FIXTURE_SOURCES, tmp_path / "a.duckdb").path.read_bytes()
    b = build.build(FIXTURE_SOURCES, tmp_path / "b.duckdb").path.read_bytes()
    assert len(a) == len(b)
    assert a[4096:] == b[4096:]


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


def test_installed_boundary_tables_survive_a_rebuild_with_their_constraints(tmp_path):
    target = build.build(FIXTURE_SOURCES, tmp_path / "pilar.duckdb").path
    con = duckdb.connect(str(target))
    con.execute("CREATE TABLE batas_uji (kode_bps INTEGER PRIMARY KEY, geojson VARCHAR NOT NULL)")
    con.execute("INSERT INTO batas_uji VALUES (6371, 'geom')")
    con.close()
    build.build(FIXTURE_SOURCES, target)
    con = duckdb.connect(str(target))
    try:
        assert con.execute("SELECT * FROM batas_uji").fetchall() == [(6371, "geom")]
        with pytest.raises(duckdb.ConstraintException):
            con.execute("INSERT INTO batas_uji VALUES (6371, 'lagi')")
    finally:
        con.close()


def test_orphan_temp_files_of_killed_builds_are_removed(tmp_path):
    target = build.build(FIXTURE_SOURCES, tmp_path / "pilar.duckdb").path
    dead = subprocess.Popen(["true"])
    dead.wait()  # a pid that no longer runs
    orphans = [f".pilar.duckdb.build.{dead.pid}.tmp", f".pilar.duckdb.build.{dead.pid}.tmp.wal",
               f".pilar.duckdb.{dead.pid}.tmp"]  # the last: name used by the build before berkas.ganti
    for name in orphans:
        (tmp_path / name).write_bytes(b"sisa build yang dibunuh")
    build.build(FIXTURE_SOURCES, target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pilar.duckdb", "pilar.duckdb.lock"]


# ---------------------------------------------------------------- status defined once

def test_status_words_come_only_from_status_py(tmp_path):
    assert not any(f"'{s}'" in build.SCHEMA.read_text() for s in status.STATUS)
    con = duckdb.connect(str(build.build(FIXTURE_SOURCES, tmp_path / "p.duckdb").path), read_only=True)
    try:
        for s, rank in status.RANK.items():
            assert con.execute("SELECT status_rank(?), status_of_rank(?)", [s, rank]).fetchone() == (rank, s)
        assert con.execute("SELECT status_rank('perkiraan'), status_of_rank(9)").fetchone() == (None, None)
        df = con.execute("SELECT status FROM pilar").df()
        assert set(df["status"]) <= set(status.STATUS) and df["status"].dtype != "category"
    finally:
        con.close()


# ---------------------------------------------------------------- ensure_built

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
    assert build.masalah_sumber(target) is None


def _truncated(data):
    return data[: len(data) // 2]


def _bad_checksum(data):
    return data[:12288] + bytes(64) + data[12288 + 64:]  # first data block: its checksum fails


DAMAGE = {
    "kosong": lambda data: b"",
    "sampah": lambda data: os.urandom(9000),
    "terpotong": _truncated,
    "checksum": _bad_checksum,
}


@pytest.mark.parametrize("damage", DAMAGE, ids=list(DAMAGE))
def test_damaged_database_is_set_aside_and_rebuilt(data_dir, damage):
    target = data_dir / "pilar.duckdb"
    target.write_bytes(DAMAGE[damage](target.read_bytes()))
    damaged = sha(target)
    assert build.ensure_built(data_dir / "sources", target) == target
    assert build.periksa(target).siap
    assert dump(target)["pilar"]
    aside = list(data_dir.glob("pilar.duckdb.rusak-*"))
    assert len(aside) == 1 and sha(aside[0]) == damaged  # kept, never deleted
    assert build.masalah_sumber(target) is None


def test_failed_swap_of_a_damaged_database_leaves_every_file_as_it_was(data_dir, monkeypatch):
    target = data_dir / "pilar.duckdb"
    target.write_bytes(b"bukan duckdb")
    (data_dir / "pilar.duckdb.wal").write_bytes(b"wal lama")
    before = snapshot(data_dir)

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)  # berkas.ganti fails after the new file is written
    with pytest.raises(OSError):
        build.build(data_dir / "sources", target)
    assert snapshot(data_dir) == before


def test_cli_build_also_repairs_a_damaged_database(data_dir):
    target = data_dir / "pilar.duckdb"
    target.write_bytes(b"")
    res = build.build(data_dir / "sources", target)
    assert res.disisihkan is not None and res.disisihkan.read_bytes() == b""
    assert build.periksa(target).siap


WAL_SCRIPT = """
import duckdb, os, sys
con = duckdb.connect(sys.argv[1])
con.execute("SET checkpoint_threshold = '1GB'")
con.execute("CREATE TABLE batas_dari_wal AS SELECT 6371 AS kode_bps")
os._exit(0)  # killed: the change is only in pilar.duckdb.wal
"""


def leave_wal(target):
    subprocess.run([sys.executable, "-c", WAL_SCRIPT, str(target)], check=True, timeout=60)
    assert (target.parent / "pilar.duckdb.wal").exists()


def test_wal_of_the_old_file_is_read_and_does_not_outlive_it(data_dir):
    # A .wal left next to the old file would not match the new one: DuckDB refuses to open that pair.
    target = data_dir / "pilar.duckdb"
    leave_wal(target)
    build.ensure_built(data_dir / "sources", target)  # same sources: nothing to do
    build.build(data_dir / "sources", target)
    assert sorted(p.name for p in data_dir.iterdir()) == ["pilar.duckdb", "pilar.duckdb.lock", "sources"]
    assert build.periksa(target).siap
    con = duckdb.connect(str(target), read_only=True)
    assert con.execute("SELECT * FROM batas_dari_wal").fetchall() == [(6371,)]
    con.close()


def test_database_with_a_wal_of_another_file_is_set_aside_with_it_and_rebuilt(data_dir, tmp_path):
    # The state the old build left: a new file next to the old file's .wal.
    target = data_dir / "pilar.duckdb"
    leave_wal(target)
    fresh = build.build(data_dir / "sources", tmp_path / "baru" / "pilar.duckdb").path
    shutil.copyfile(fresh, target)
    assert build.periksa(target).rusak
    build.ensure_built(data_dir / "sources", target)
    assert build.periksa(target).siap
    names = sorted(p.name for p in data_dir.iterdir())
    assert "pilar.duckdb.wal" not in names
    aside = [n for n in names if n.startswith("pilar.duckdb.rusak-")]
    assert len(aside) == 2 and aside[1] == aside[0] + ".wal"  # kept, side by side, for whoever investigates


@pytest.mark.parametrize("change", ["macro_hilang", "versi_tidak_ada"])
def test_database_of_another_schema_version_is_rebuilt(data_dir, change):
    target = data_dir / "pilar.duckdb"
    con = duckdb.connect(str(target))
    if change == "macro_hilang":
        con.execute("DROP MACRO status_of_rank")
        con.execute("UPDATE meta SET nilai = 'versi-lama' WHERE kunci = 'skema_versi'")
    else:  # a database written before the schema version existed
        con.execute("DELETE FROM meta WHERE kunci = 'skema_versi'")
    con.close()
    assert build.built_hash(target) == sumber.sources_hash(data_dir / "sources")  # same sources
    build.ensure_built(data_dir / "sources", target)
    con = duckdb.connect(str(target), read_only=True)
    try:
        assert con.execute("SELECT status_of_rank(2)").fetchone() == ("estimasi",)
        assert con.execute("SELECT nilai FROM meta WHERE kunci = 'skema_versi'").fetchone() == (build.skema_versi(),)
    finally:
        con.close()


def test_invalid_sources_keep_serving_the_last_good_database(data_dir):
    target, sources = data_dir / "pilar.duckdb", data_dir / "sources"
    before = sha(target)
    replace_line(sources / "kpm.csv", "6301,pkh,2022-Q2,2000", "6399,pkh,2022-Q2,2000")
    assert build.ensure_built(sources, target) == target
    assert sha(target) == before
    notice = build.masalah_sumber(target)
    assert "kpm.csv baris 5, kolom kode_bps: kode wilayah 6399 tidak ada di wilayah.csv" in notice
    assert "\n" not in notice  # one paragraph
    assert build.ensure_built(sources, target) == target  # the same notice, no second validation needed
    assert build.masalah_sumber(target) == notice
    replace_line(sources / "kpm.csv", "6399,pkh,2022-Q2,2000", "6301,pkh,2022-Q2,2000")
    build.ensure_built(sources, target)
    assert build.masalah_sumber(target) is None


def test_notice_is_one_paragraph_even_when_a_cell_holds_a_newline(data_dir):
    replace_line(data_dir / "sources" / "kpm.csv", "6301,pkh,2022-Q2,2000", '6301,pkh,"2022\nQ2",2000')
    build.ensure_built(data_dir / "sources", data_dir / "pilar.duckdb")
    notice = build.masalah_sumber(data_dir / "pilar.duckdb")
    assert "kpm.csv baris 5, kolom periode: periode '2022 Q2' tidak sah" in notice and "\n" not in notice


def test_notice_names_the_first_problems_and_counts_the_rest(data_dir):
    path = data_dir / "sources" / "pilar.csv"
    path.write_text(path.read_text().replace(",F01,berita,", ",F01,perkiraan,"))
    build.ensure_built(data_dir / "sources", data_dir / "pilar.duckdb")
    notice = build.masalah_sumber(data_dir / "pilar.duckdb")
    assert "pilar.csv baris 5, kolom status: status 'perkiraan' tidak dikenal" in notice
    assert "(dan 9 masalah lain;" in notice  # 14 rows, 5 named


def test_without_a_usable_database_invalid_sources_raise(tmp_path, fixture_sources):
    replace_line(fixture_sources / "kpm.csv", "6301,pkh,2022-Q2,2000", "6399,pkh,2022-Q2,2000")
    with pytest.raises(sumber.SumberError) as err:
        build.ensure_built(fixture_sources, tmp_path / "db" / "pilar.duckdb")
    assert any("kpm.csv baris 5, kolom kode_bps" in m for m in err.value.pesan)
    assert not (tmp_path / "db").exists() or not any((tmp_path / "db").iterdir())


def test_damaged_database_and_invalid_sources_raise_and_touch_nothing(data_dir):
    target = data_dir / "pilar.duckdb"
    target.write_bytes(b"bukan duckdb")
    replace_line(data_dir / "sources" / "kpm.csv", "6301,pkh,2022-Q2,2000", "6399,pkh,2022-Q2,2000")
    before = snapshot(data_dir)
    with pytest.raises(sumber.SumberError):
        build.ensure_built(data_dir / "sources", target)
    assert snapshot(data_dir) == before


# ---------------------------------------------------------------- bad sources

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
    ("pilar.csv", "6301,psm,2025-09-23,90,", "6301,psm,23/09/2025,90,",
     "pilar.csv baris 7, kolom periode: periode '23/09/2025' tidak sah"),
    ("kpm.csv", "6301,pkh,2022-Q2,2000", "6301,pkh,Q2/2022,2000",
     "kpm.csv baris 5, kolom periode: periode 'Q2/2022' tidak sah"),
    ("fakta_provinsi.csv", "pilar_psm,135,", "pilar_psm,1.263,",
     "fakta_provinsi.csv baris 4, kolom nilai: '1.263' tampak seperti angka dengan pemisah ribuan"),
    ("kpm.csv", "6301,pkh,2022-Q2,2000", "6301,pkh,2022-Q2,2.000",
     "kpm.csv baris 5, kolom jumlah: '2.000' tampak seperti angka dengan pemisah ribuan"),
]


@pytest.mark.parametrize("file,old,new,message", BAD_ROWS, ids=[b[3][:40] for b in BAD_ROWS])
def test_bad_source_row_fails_with_file_row_column_and_touches_no_file(data_dir, file, old, new, message):
    sources = data_dir / "sources"
    replace_line(sources / file, old, new)
    before = snapshot(data_dir)
    with pytest.raises(sumber.SumberError) as err:
        build.build(sources, data_dir / "pilar.duckdb")
    assert any(message in m for m in err.value.pesan), err.value.pesan
    assert snapshot(data_dir) == before


BAD_FILES = {
    "kpm_hanya_judul": ("kpm.csv", lambda b: b.split(b"\n")[0] + b"\n"),
    "pilar_kosong": ("pilar.csv", lambda b: b""),
    "wilayah_titik_koma": ("wilayah.csv", lambda b: b.replace(b",", b";")),
    "sumber_latin1": ("sumber.csv", lambda b: b.replace(b"Angka pilar uji", "Angka pilar ují".encode("latin-1"))),
}


@pytest.mark.parametrize("case", BAD_FILES, ids=list(BAD_FILES))
def test_bad_source_file_fails_and_touches_no_file(data_dir, case):
    name, breaking = BAD_FILES[case]
    path = data_dir / "sources" / name
    path.write_bytes(breaking(path.read_bytes()))
    before = snapshot(data_dir)
    with pytest.raises(sumber.SumberError) as err:
        build.build(data_dir / "sources", data_dir / "pilar.duckdb")
    assert any(m.startswith(name) for m in err.value.pesan), err.value.pesan
    assert snapshot(data_dir) == before


# ---------------------------------------------------------------- read-only data folder

RO_SCRIPT = """
import json, sys
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from pilar import build
try:
    p = build.ensure_built(Path(sys.argv[2]), Path(sys.argv[3]))
    print(json.dumps({"path": str(p), "masalah": build.masalah_sumber(Path(sys.argv[3]))}))
except Exception as e:
    print(json.dumps({"galat": f"{type(e).__name__}: {e}"}))
"""


def run_read_only(data, read_only: list[Path]):
    """ensure_built in a process that cannot write ``read_only``. Modes do it for a normal user; root
    ignores modes, so for root those paths become read-only mounts in a private mount namespace (as on a
    read-only volume), wherever the checkout is."""
    cmd = [sys.executable, "-c", RO_SCRIPT, str(ROOT), str(data / "sources"), str(data / "pilar.duckdb")]
    if os.geteuid() == 0:
        mounts = " && ".join(f"mount --bind {q} {q} && mount -o remount,bind,ro {q}"
                             for q in map(shlex.quote, map(str, read_only)))
        cmd = ["unshare", "--mount", "sh", "-c", f'{mounts} && exec "$@"', "sh", *cmd]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout.strip().splitlines()[-1])


def _outdated_database(folder):
    data = folder / "data"
    shutil.copytree(FIXTURE_SOURCES, data / "sources")
    build.build(data / "sources", data / "pilar.duckdb")
    with open(data / "sources" / "sumber.csv", "a") as f:  # a valid change: the database is out of date
        f.write("F03,Sumber baru,Penerbit,,2026,,\n")
    return data


@pytest.mark.parametrize("what", ["folder", "berkas"])
def test_read_only_data_serves_the_existing_database_with_a_notice(tmp_path, what):
    data = _outdated_database(tmp_path)
    db = data / "pilar.duckdb"
    if what == "folder":
        read_only = [data, data / "pilar.duckdb.lock", db]
    else:  # the folder and the lock writable, the database file not
        read_only = [db]
    for p in read_only:
        p.chmod(0o555 if p.is_dir() else 0o444)
    before = snapshot(data)
    try:
        got = run_read_only(data, read_only[:1])  # a read-only mount of the folder covers its files
    finally:
        for p in read_only:
            p.chmod(0o755 if p.is_dir() else 0o644)
    assert got.get("path") == str(db), got
    assert "hanya-baca" in got["masalah"]
    assert snapshot(data) == before
    assert sorted(p.name for p in data.iterdir()) == ["pilar.duckdb", "pilar.duckdb.lock", "sources"]
