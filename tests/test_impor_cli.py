"""python -m pilar import | riwayat | batal | ekspor-impor | templat, as an official uses them: exit 0 on
success; a refusal is one paragraph on stderr with a non-zero exit and never a traceback."""
from __future__ import annotations

import getpass
import json
import os
import subprocess
import sys

import pytest

import impor_korpus as K
from conftest import ROOT
from impor_korpus import rows_pilar


@pytest.fixture()
def data(tmp_path, real_db_path, monkeypatch):
    return K.siapkan_data(tmp_path, real_db_path, monkeypatch)


def cli(*args, oleh=None):
    env = dict(os.environ)
    env.pop("PILAR_OLEH", None)
    if oleh:
        env["PILAR_OLEH"] = oleh
    r = subprocess.run([sys.executable, "-m", "pilar", *map(str, args)], cwd=ROOT, env=env, capture_output=True,
                       text=True, timeout=120)
    assert "Traceback" not in r.stderr
    return r


def satu_paragraf(r):
    assert r.returncode != 0 and r.stderr.count("\n") == 1 and r.stderr.strip(), r.stderr
    return r.stderr


def test_impor_uji_coba_lalu_simpan_lalu_riwayat_dan_batal(data, tmp_path):
    path = K.xlsx(tmp_path / "rekap.xlsx", {"Data": rows_pilar()})
    sebelum = K.snapshot(data)
    r = cli("import", path, "--jenis", "pilar", "--periode", "2025-06-30", "--dry-run")
    assert r.returncode == 0, r.stderr
    assert "lama" in r.stdout and "baru" in r.stdout and "selisih" in r.stdout
    assert "Kabupaten Tanah Laut" in r.stdout and "tidak ada yang disimpan" in r.stdout
    assert K.snapshot(data) == sebelum
    # the corpus' figures are far from each unit's last period: saved only when the official confirms
    r = cli("import", path, "--jenis", "pilar", "--periode", "2025-06-30", "--sumber", "Dinsos Tala", oleh="Ani")
    assert "peringatan perlu dipastikan" in satu_paragraf(r) and "--yakin" in r.stderr
    # the sources' Pendamping PKH of 2023-12-31 is Banjarbaru's last figure before 2025-06-30
    lalu = next(int(b.split(",")[3]) for b in (data / "sources" / "pilar.csv").read_text().splitlines()
                if b.startswith("6372,pendamping_pkh,2023-12-31,"))
    n = K.nilai_pilar(6372, 4)
    persen = f"{round((n - lalu) / lalu * 100):,}".replace(",", ".")
    assert (f"Kota Banjarbaru Pendamping PKH {n} (baris 14): periode sebelumnya (2023-12-31) {lalu}, berubah "
            f"+{persen}% (batas 50%)") in r.stdout
    assert K.snapshot(data) == sebelum
    r = cli("import", path, "--jenis", "pilar", "--periode", "2025-06-30", "--sumber", "Dinsos Tala", "--yakin",
            oleh="Ani")
    assert r.returncode == 0, r.stderr
    assert "Impor #1 disimpan: 91 angka pilar periode 2025-06-30" in r.stdout
    r = cli("import", path, "--jenis", "pilar", "--periode", "2025-06-30")
    assert "sudah ada untuk 91 angka pilar" in satu_paragraf(r) and "--ganti" in r.stderr
    r = cli("import", path, "--jenis", "pilar", "--periode", "2025-06-30", "--dry-run")
    assert r.returncode == 1 and "--ganti" in r.stderr  # a dry run says what the import would do
    assert cli("import", path, "--jenis", "pilar", "--periode", "2025-06-30", "--ganti", "--yakin").returncode == 0
    r = cli("riwayat", "--format", "json")
    rows = json.loads(r.stdout)
    assert [(x["id"], x["status"], x["oleh"], x["berkas"], x["baris"]) for x in rows] == [
        (1, "diganti", "Ani", "rekap.xlsx", 91), (2, "aktif", getpass.getuser(), "rekap.xlsx", 91)]
    assert {"id", "waktu", "jenis", "periode", "berkas", "sha256", "baris", "oleh", "status"} <= set(rows[0])
    r = cli("batal", "2")
    assert r.returncode == 0 and "Impor #2 dibatalkan" in r.stdout and "#1" in r.stdout
    assert "dibatalkan" in cli("riwayat").stdout
    assert "impor #7 tidak ada" in satu_paragraf(cli("batal", "7"))


def test_penolakan_satu_paragraf(data, tmp_path):
    path = K.xlsx(tmp_path / "salah.xlsx", {"Data": [["Kabupaten/Kota", "LKS", "TKSK"], ["Tala", -1, "x"],
                                                     ["Kota Banjar", 3, 4]]})
    sebelum = K.snapshot(data)
    pesan = satu_paragraf(cli("import", path, "--jenis", "pilar", "--periode", "2025-06-30"))
    assert pesan.startswith("Impor ditolak; basis data tidak diubah. (1) salah.xlsx, lembar 'Data', baris 2, kolom B")
    assert "(3) salah.xlsx, lembar 'Data', baris 3, kolom A (Kabupaten/Kota): 'Kota Banjar'" in pesan
    pesan = satu_paragraf(cli("import", path, "--jenis", "pilar", "--periode", "2025-13-01"))
    assert "periode '2025-13-01' tidak sah" in pesan
    assert K.snapshot(data) == sebelum


@pytest.mark.parametrize("args", [["import", "x.xlsx", "--jenis", "pkh", "--periode", "2025-Q1"],
                                  ["import", "x.xlsx", "--periode", "2025-Q1"], ["batal", "satu"],
                                  ["templat", "--jenis", "pilar"], ["riwayat", "--format", "xml"]])
def test_argumen_salah(args, data):
    r = cli(*args)
    assert r.returncode == 2 and r.stderr.count("\n") == 1


def test_templat_dan_ekspor_impor(data, tmp_path):
    r = cli("templat", "--jenis", "kpm", "--out", tmp_path / "templat_kpm.xlsx")
    assert r.returncode == 0 and (tmp_path / "templat_kpm.xlsx").stat().st_size > 0
    r = cli("ekspor-impor", tmp_path / "cadangan")
    assert r.returncode == 0 and "Belum ada impor" in r.stdout
    assert cli("import", K.xlsx(tmp_path / "a.xlsx", {"Data": rows_pilar()}), "--jenis", "pilar", "--periode",
               "2025-06-30", "--yakin").returncode == 0
    r = cli("ekspor-impor", tmp_path / "cadangan")
    assert r.returncode == 0 and r.stdout.strip().endswith("impor-0001-pilar-2025-06-30.xlsx")
    assert cli("riwayat").returncode == 0
