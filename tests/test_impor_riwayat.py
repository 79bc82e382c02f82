"""Import, dry run, re-import with and without --ganti, history, undo, rebuild: exact."""
from __future__ import annotations

import duckdb
import pytest

import impor_korpus as K
from impor_korpus import KODE, UNITS, nilai_pilar, rows_pilar
from pilar import build, impor
from pilar import db as pdb
from pilar.impor import ImporError

P = "2025-09-23"  # the period of pilar.csv: imports of it replace the CSV figures


@pytest.fixture()
def data(tmp_path, real_db_path, monkeypatch):
    return K.siapkan_data(tmp_path, real_db_path, monkeypatch)


def dump(db, tabel=("pilar", "kpm", "sumber")):
    con = duckdb.connect()
    try:
        con.execute(f"ATTACH '{db}' AS d (READ_ONLY)")
        return {t: con.execute(f"SELECT * FROM d.{t} ORDER BY ALL").fetchall() for t in tabel}
    finally:
        con.close()


def berkas(tmp, nama, tambah=0, kode=None):
    rows = rows_pilar(kode=kode)
    for row in rows[1:]:
        row[2:] = [v + tambah for v in row[2:]]
    return K.xlsx(tmp / nama, {"Data": rows})


def status(db) -> dict[int, str]:
    return dict(zip(impor.riwayat(db_path=db)["id"], impor.riwayat(db_path=db)["status"]))


def test_rencana_lama_baru_selisih_dan_bentrok_tanpa_menulis(data, tmp_path):
    db = data / "pilar.duckdb"
    lama = K.angka_db(db, "pilar", P)
    sebelum = K.snapshot(data)
    r = impor.baca(berkas(tmp_path, "a.xlsx"), "pilar", P)
    df = r.tabel()
    assert len(df) == 91 and list(df.columns) == ["kode_bps", "wilayah", "ukuran", "lama", "baru", "selisih",
                                                   "asal_lama", "baris"]
    baris = df[(df["kode_bps"] == 6301) & (df["ukuran"] == "LKS")].iloc[0]
    assert (baris["lama"], baris["baru"], baris["selisih"]) == (lama[(6301, "lks")][0], 11, 11 - lama[(6301, "lks")][0])
    assert baris["asal_lama"] == "sumber S01 (estimasi)" and baris["baris"] == 2
    assert len(r.bentrok) == 91
    with pytest.raises(ImporError, match="sudah ada untuk 91 angka pilar .*ulangi dengan --ganti"):
        impor.terapkan(r)
    assert K.snapshot(data) == sebelum


def test_ganti_batal_mengembalikan_persis(data, tmp_path):
    db = data / "pilar.duckdb"
    awal = dump(db)
    a = impor.terapkan(impor.baca(berkas(tmp_path, "a.xlsx"), "pilar", P), ganti=True, sumber="Dinsos Kalsel")
    assert {k: v[0] for k, v in K.angka_db(db, "pilar", P).items()} == K.harapan_pilar()
    b = impor.terapkan(impor.baca(berkas(tmp_path, "b.xlsx", tambah=5), "pilar", P), ganti=True)
    assert (a, b) == (1, 2) and status(db) == {1: "diganti", 2: "aktif"}
    assert K.angka_db(db, "pilar", P)[(6372, "tagana")] == (nilai_pilar(6372, 5) + 5, "resmi", "IMP0002")
    assert impor.batal(b) == [1]
    assert status(db) == {1: "aktif", 2: "dibatalkan"}
    assert K.angka_db(db, "pilar", P)[(6372, "tagana")] == (nilai_pilar(6372, 5), "resmi", "IMP0001")
    sumber = dict((r[0], r[2]) for r in dump(db)["sumber"])
    assert sumber["IMP0001"] == "Dinsos Kalsel" and "IMP0002" not in sumber
    impor.batal(a)
    assert dump(db) == awal  # every CSV figure back, no import source left
    assert status(db) == {1: "dibatalkan", 2: "dibatalkan"}
    with pytest.raises(ImporError, match="impor #1 sudah dibatalkan"):
        impor.batal(a)
    with pytest.raises(ImporError, match="impor #9 tidak ada; yang ada: 1, 2"):
        impor.batal(9)


def test_ganti_sebagian_wilayah(data, tmp_path):
    db = data / "pilar.duckdb"
    impor.terapkan(impor.baca(berkas(tmp_path, "a.xlsx", tambah=1), "pilar", "2025-06-30"))
    r = impor.baca(berkas(tmp_path, "tapin.xlsx", tambah=2, kode=[6305]), "pilar", "2025-06-30")
    assert r.bentrok and all("impor #1" in b for b in r.bentrok)
    impor.terapkan(r, ganti=True)
    assert status(db) == {1: "aktif", 2: "aktif"}  # import 1 still holds the other 12 units
    got = K.angka_db(db, "pilar", "2025-06-30")
    assert got[(6305, "lks")] == (nilai_pilar(6305, 0) + 2, "resmi", "IMP0002")
    assert got[(6301, "lks")] == (nilai_pilar(6301, 0) + 1, "resmi", "IMP0001")
    impor.batal(2)
    assert K.angka_db(db, "pilar", "2025-06-30")[(6305, "lks")] == (nilai_pilar(6305, 0) + 1, "resmi", "IMP0001")


def test_impor_bertahan_saat_build_dan_ensure_built(data, tmp_path):
    db, src = data / "pilar.duckdb", data / "sources"
    impor.terapkan(impor.baca(berkas(tmp_path, "a.xlsx"), "pilar", "2025-06-30"))
    sesudah = dump(db, ("pilar", "kpm", "sumber", "impor_riwayat", "impor_pilar", "impor_kpm"))
    build.build(src, db)
    assert dump(db, tuple(sesudah)) == sesudah
    (src / "sumber.csv").write_text((src / "sumber.csv").read_text() + "S99,Uji,Penguji,,2025,,\n")
    build.ensure_built(src, db)  # the sources changed: the app rebuilds by itself
    baru = dump(db, tuple(sesudah))
    assert baru["pilar"] == sesudah["pilar"] and baru["impor_pilar"] == sesudah["impor_pilar"]
    assert ("S99", "Uji", "Penguji", None, "2025", None, None) in baru["sumber"]


def test_periode_yang_dibatalkan_boleh_diimpor_lagi_tanpa_ganti(data, tmp_path):
    path = berkas(tmp_path, "a.xlsx")
    impor.terapkan(impor.baca(path, "pilar", "2025-06-30"))
    with pytest.raises(ImporError, match=r"\(impor #1\)"):
        impor.terapkan(impor.baca(path, "pilar", "2025-06-30"))
    impor.batal(1)
    assert impor.terapkan(impor.baca(path, "pilar", "2025-06-30")) == 2


def test_bentrok_diperiksa_lagi_saat_menyimpan(data, tmp_path):
    # The plan was made before another import of the same period was stored (a second admin, say).
    r = impor.baca(berkas(tmp_path, "a.xlsx"), "pilar", "2025-06-30")
    assert r.bentrok == []
    impor.terapkan(impor.baca(berkas(tmp_path, "b.xlsx", tambah=3), "pilar", "2025-06-30"))
    sebelum = K.snapshot(data)
    with pytest.raises(ImporError, match="sudah ada untuk 91 angka pilar"):
        impor.terapkan(r)
    assert K.snapshot(data) == sebelum


def test_riwayat_kolom_dan_oleh(data, tmp_path, monkeypatch):
    path = berkas(tmp_path, "a.xlsx")
    r = impor.baca(path, "pilar", "2025-06-30")
    impor.terapkan(r)
    monkeypatch.delenv("PILAR_OLEH")
    impor.terapkan(impor.baca(path, "pilar", "2025-03-31"), oleh="Budi")
    df = impor.riwayat()
    assert list(df.columns)[:9] == ["id", "waktu", "jenis", "periode", "berkas", "sha256", "baris", "oleh", "status"]
    assert list(df["oleh"]) == ["penguji", "Budi"]
    assert list(df["baris"]) == [91, 91] and list(df["sha256"]) == [r.sha256] * 2
    assert list(df["berkas"]) == ["a.xlsx"] * 2 and list(df["lembar"]) == ["Data"] * 2
    assert list(df["periode"]) == ["2025-06-30", "2025-03-31"]
    assert impor.oleh_siapa() not in ("", None)


def test_kpm_graduasi_tersimpan_dan_terbaca_oleh_kueri(data, tmp_path):
    db = data / "pilar.duckdb"
    rows = [["Kabupaten/Kota", "KPM PKH", "Graduasi"], *([n, K.nilai_kpm(k), K.nilai_graduasi(k)] for k, n in UNITS)]
    r = impor.baca(K.xlsx(tmp_path / "kpm.xlsx", {"KPM": rows}), "kpm", "2022-Q2")
    assert len(r.bentrok) == 13  # the CSV has 2022-Q2
    impor.terapkan(r, ganti=True)
    con = duckdb.connect(str(db), read_only=True)
    try:
        got = con.execute(SQL_GRADUASI, ["2022-Q2"]).fetchall()
    finally:
        con.close()
    assert got == [(k, K.nilai_kpm(k), K.nilai_graduasi(k)) for k in KODE]
    con = pdb.connect(db)
    try:
        df = pdb.run(con, "kpm_per_wilayah", periode="2022-Q2")
    finally:
        con.close()
    assert list(zip(df["kode_bps"], df["kpm"], df["graduasi"], df["sumber_id"])) == [
        (k, K.nilai_kpm(k), K.nilai_graduasi(k), "IMP0001") for k in KODE]


# What queries/kpm_per_wilayah.sql adds for a graduasi column (see docs/IMPOR.md): every database has the
# impor_kpm table (empty without imports), and at most one active row per unit, program and period.
SQL_GRADUASI = """
SELECT k.kode_bps, k.jumlah AS kpm, g.graduasi
FROM kpm AS k
LEFT JOIN impor_kpm AS g
       ON g.aktif AND g.kode_bps = k.kode_bps AND g.program = k.program AND g.periode = k.periode
WHERE k.program = 'pkh' AND k.periode = ?
ORDER BY k.kode_bps
"""


def test_kueri_graduasi_tanpa_impor(real_db_path):
    con = duckdb.connect(str(real_db_path), read_only=True)
    try:
        got = con.execute(SQL_GRADUASI, ["2022-Q2"]).fetchall()
    finally:
        con.close()
    assert len(got) == 13 and all(g is None for _k, _n, g in got)


def test_ekspor_impor_bisa_dibaca_orang_dan_diimpor_lagi(data, tmp_path, real_db_path, monkeypatch):
    from openpyxl import load_workbook

    impor.terapkan(impor.baca(berkas(tmp_path, "a.xlsx", kode=[6301, 6371]), "pilar", "2025-06-30"))
    rows = [["Kabupaten/Kota", "KPM PKH", "Graduasi"], *([n, K.nilai_kpm(k), K.nilai_graduasi(k)] for k, n in UNITS)]
    impor.terapkan(impor.baca(K.xlsx(tmp_path / "kpm.xlsx", {"KPM": rows}), "kpm", "2024-Q4"))
    impor.batal(2)
    paths = impor.ekspor(tmp_path / "cadangan")
    assert [p.name for p in paths] == ["impor-0001-pilar-2025-06-30.xlsx", "impor-0002-kpm-2024-Q4.xlsx"]
    wb = load_workbook(paths[1])
    assert wb.sheetnames == ["Petunjuk", "Data"]
    assert "CADANGAN IMPOR #2: kpm periode 2024-Q4 (status: dibatalkan" in wb["Petunjuk"]["A1"].value
    lain = K.siapkan_data(tmp_path / "lain", real_db_path, monkeypatch)
    r1 = impor.baca(paths[0], "pilar", "2025-06-30")
    r2 = impor.baca(paths[1], "kpm", "2024-Q4")
    assert r1.nilai == K.harapan_pilar([6301, 6371])
    assert r2.nilai == {**{(k, "kpm"): K.nilai_kpm(k) for k in KODE}, **{(k, "graduasi"): K.nilai_graduasi(k)
                                                                           for k in KODE}}
    assert len(r1.baris_diabaikan) == 11  # the units the import did not cover: empty rows, skipped
    assert r1.db_path == lain / "pilar.duckdb"


def test_templat_petunjuk_dulu_lalu_13_wilayah_dengan_validasi(data):
    import io

    from openpyxl import load_workbook

    for jenis, judul in (("pilar", K.JUDUL), ("kpm", ["KPM PKH", "Graduasi"])):
        wb = load_workbook(io.BytesIO(impor.templat(jenis)))
        assert wb.sheetnames == ["Petunjuk", "Data"]
        teks = " ".join(str(c.value) for c in wb["Petunjuk"]["A"] if c.value)
        assert "Cara mengisi" in teks and "data pribadi" in teks and f"--jenis {jenis}" in teks
        ws = wb["Data"]
        assert [c.value for c in ws[1]] == ["Kode BPS", "Kabupaten/Kota", *judul]
        assert [(ws.cell(r, 1).value, ws.cell(r, 2).value) for r in range(2, 15)] == UNITS
        assert ws.max_row == 14
        (dv,) = ws.data_validations.dataValidation
        assert (dv.type, dv.operator, dv.formula1) == ("whole", "greaterThanOrEqual", "0")
        assert str(dv.sqref) == f"C2:{'I' if jenis == 'pilar' else 'D'}14"


def test_unggahan_dengan_nama_asli_dan_peringatan(data, tmp_path):
    # The admin page keeps an upload under a temp name: messages and the history use the real one.
    tmp = berkas(tmp_path, "upload-8f3a.tmp", kode=[6305])
    r = impor.baca(tmp, "pilar", "2025-10-01", nama="Rekap Tapin.xlsx")
    assert r.berkas == "Rekap Tapin.xlsx"
    assert r.peringatan == ["periode 2025-10-01 akan menjadi periode terbaru tetapi baru berisi 1 dari 13 "
                            "kabupaten/kota; halaman yang memakai periode terbaru menampilkan kosong untuk wilayah "
                            "lain sampai angkanya diimpor"]
    impor.terapkan(r)
    assert list(impor.riwayat()["berkas"]) == ["Rekap Tapin.xlsx"]
    with pytest.raises(ImporError, match=r"^Rekap Tapin\.csv: berakhiran \.csv tetapi isinya buku kerja"):
        impor.baca(tmp, "pilar", "2025-10-01", nama="Rekap Tapin.csv")
    r = impor.baca(berkas(tmp_path, "semua.xlsx"), "pilar", P)
    assert any(p.startswith("LKS: jumlah 13 kabupaten/kota sesudah impor") and "total provinsi yang terbit untuk "
               "periode ini (199, sumber S01)" in p for p in r.peringatan)
