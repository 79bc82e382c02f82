"""python -m pilar forum | masukan | notulen, and hostile texts through every output of the dialog."""
import csv
import io
import json
import re

import openpyxl
import pytest
from pypdf import PdfReader

from conftest import REAL_SOURCES
from pilar import cli
from pilar.dialog import aturan, simpan
from test_dialog_ponsel import BAHAYA


@pytest.fixture()
def nyata(real_db_path, monkeypatch):
    monkeypatch.setenv("PILAR_DB", str(real_db_path))
    monkeypatch.setenv("PILAR_SOURCES", str(REAL_SOURCES))


def jalankan(capsysbinary, *args) -> tuple[int, bytes, str]:
    kode = cli.main([str(a) for a in args])
    out, err = capsysbinary.readouterr()
    return kode, out, err.decode()


def isi(fid, teks, kode=6371, jenis="usulan", status="disetujui", token=None):
    mid, _ = simpan.kirim(fid, token or f"t-{teks[:20]}-{kode}-{jenis}", aturan.periksa(str(kode), "psm", jenis, teks, ""),
                          "10.0.0.1", 1000)
    if status != "baru":
        simpan.ubah_status([mid], status)
    return mid


def test_forum_open_json_close_and_refusals(capsysbinary):
    kode, out, _ = jalankan(capsysbinary, "forum", "buka", "--nama", "Dialog Pilar", "--tanggal", "2025-09-23",
                            "--tempat", "Banjarmasin", "--format", "json")
    d = json.loads(out)
    assert kode == 0 and d == {"id": d["id"], "alamat": f"/forum/{d['id']}"}
    kode, out, err = jalankan(capsysbinary, "forum", "buka", "--nama", "Lain", "--tanggal", "2025-10-01")
    assert kode == 1 and "masih dibuka" in err and err.count("\n") == 1
    assert jalankan(capsysbinary, "forum", "tutup", d["id"])[0] == 0
    kode, _, err = jalankan(capsysbinary, "forum", "tutup", d["id"])
    assert kode == 1 and "sudah ditutup" in err
    kode, _, err = jalankan(capsysbinary, "forum", "buka", "--nama", "X", "--tanggal", "kemarin")
    assert kode == 1 and "YYYY-MM-DD" in err and simpan.forum_terbuka() is None


def test_masukan_lists_in_three_formats_and_approves(capsysbinary, tmp_path):
    fid = simpan.buka_forum("Dialog", "2025-09-23")
    a = isi(fid, "Pertanyaan pertama", status="baru")
    b = isi(fid, "Usulan kedua", kode=6304)
    kode, out, _ = jalankan(capsysbinary, "masukan", "--forum", fid, "--format", "json")
    rows = json.loads(out)
    assert kode == 0 and [(r["id"], r["kode_bps"], r["jenis"], r["teks"], r["status"]) for r in rows] == [
        (a, 6371, "usulan", "Pertanyaan pertama", "baru"), (b, 6304, "usulan", "Usulan kedua", "disetujui")]
    assert jalankan(capsysbinary, "masukan", "setujui", a)[0] == 0
    assert simpan.satu(a)["status"] == "disetujui"
    kode, _, err = jalankan(capsysbinary, "masukan", "setujui", a, 999)
    assert kode == 1 and "999" in err
    _, out, _ = jalankan(capsysbinary, "masukan", "--forum", fid, "--format", "csv")
    got = list(csv.DictReader(io.StringIO(out.decode())))
    assert [(int(r["id"]), r["teks"], r["status"]) for r in got] == [(a, "Pertanyaan pertama", "disetujui"),
                                                                     (b, "Usulan kedua", "disetujui")]
    assert jalankan(capsysbinary, "masukan", "--forum", fid, "--format", "xlsx", "--out", tmp_path / "m.xlsx")[0] == 0
    wb = openpyxl.load_workbook(tmp_path / "m.xlsx")
    assert wb.sheetnames[0] == "Keterangan"
    data = wb.worksheets[1]
    kolom = [c.value for c in data[1]]
    assert [data.cell(i, kolom.index("teks") + 1).value for i in (2, 3)] == ["Pertanyaan pertama", "Usulan kedua"]
    kode, _, err = jalankan(capsysbinary, "masukan", "--forum", 77, "--format", "json")
    assert kode == 1 and "77" in err


def pdf_teks(path) -> str:
    return " ".join("".join(p.extract_text() for p in PdfReader(path).pages).split())


def kpm_sampai(kode: int, kuartal: str) -> int:
    """KPM PKH of a unit as published up to a quarter, read from the source CSV (not through the app)."""
    with open(REAL_SOURCES / "kpm.csv", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["kode_bps"] == str(kode) and r["program"] == "pkh"
                and r["periode"] <= kuartal]
    return int(max(rows, key=lambda r: r["periode"])["jumlah"])


@pytest.mark.parametrize("tanggal,kuartal", [("2022-09-01", "2022-Q3"), ("2025-09-23", "2025-Q3")])
def test_minutes_pdf_holds_every_approved_item_and_the_figures_of_the_forums_date(nyata, capsysbinary, tmp_path,
                                                                                  tanggal, kuartal):
    fid = simpan.buka_forum("Dialog Pilar Sosial", tanggal, "Banjarmasin", [6371, 6304])
    disetujui = [isi(fid, "Kapan rekrutmen pendamping?", jenis="pertanyaan"),
                 isi(fid, "Pelatihan Tagana di Batola", kode=6304),
                 isi(fid, "Banjir rob di Alalak", kode=6304, jenis="pengalaman")]
    isi(fid, "Ini disembunyikan", status="disembunyikan")
    simpan.tindak_lanjut(disetujui[0], "ditindaklanjuti", "Bidang PFM", "Rekrutmen dibuka Januari")
    out = tmp_path / "notulen.pdf"
    kode, _, err = jalankan(capsysbinary, "notulen", "--forum", fid, "--out", out)
    assert kode == 0, err
    assert list(tmp_path.iterdir()) == [out]  # one file, no leftovers
    teks = pdf_teks(out)
    for s in ("Kapan rekrutmen pendamping?", "Pelatihan Tagana di Batola", "Banjir rob di Alalak",
              "Rekrutmen dibuka Januari", "Bidang PFM", "Kota Banjarmasin", "Kabupaten Barito Kuala"):
        assert s in teks, s
    assert "Ini disembunyikan" not in teks
    for k in (6371, 6304):
        n = kpm_sampai(k, kuartal)
        assert f"{n:,}".replace(",", ".") in teks, (k, n)
    if kuartal == "2022-Q3":  # the figures since then are not the forum's
        assert "16.049" not in teks and "15.526" in teks


def test_minutes_refusals_write_nothing(nyata, capsysbinary, tmp_path):
    kode, _, err = jalankan(capsysbinary, "notulen", "--forum", 5, "--out", tmp_path / "n.pdf")
    assert kode == 1 and "tidak ada" in err
    fid = simpan.buka_forum("D", "2025-09-23")
    kode, _, err = jalankan(capsysbinary, "notulen", "--forum", fid, "--out", tmp_path / "n.docx")
    assert kode == 1 and ".pdf" in err
    kode, _, err = jalankan(capsysbinary, "notulen", "--forum", fid, "--out", tmp_path / "tidak" / "n.pdf")
    assert kode == 1 and list(tmp_path.iterdir()) == []


def test_hostile_texts_through_pdf_xlsx_csv_json_and_the_audience_page(nyata, capsysbinary, tmp_path):
    from pilar import lembar
    fid = simpan.buka_forum("Dialog #set $x$ [a]", "2025-09-23", "=1+1", [6371])
    ids = [isi(fid, teks, token=f"b{i}") for i, teks in enumerate(BAHAYA)]
    for mid in ids:
        simpan.tindak_lanjut(mid, "diterima", "=CMD()", "@tanggapan #strong[x]")
    assert jalankan(capsysbinary, "notulen", "--forum", fid, "--out", tmp_path / "n.pdf")[0] == 0
    teks = pdf_teks(tmp_path / "n.pdf")
    rapat = "".join(teks.split())
    for s in BAHAYA:  # typeset as written (the direction override shown as its code), nothing evaluated
        assert "".join(aturan.tampil(s).split()) in rapat, s
    assert "Dialog #set $x$ [a]" in teks
    assert jalankan(capsysbinary, "notulen", "--forum", fid, "--out", tmp_path / "n.xlsx")[0] == 0
    wb = openpyxl.load_workbook(tmp_path / "n.xlsx")
    sel = [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert not [v for v in sel if v[0] in "=+-@" and not v.startswith("-")]  # formula-looking cells get a '
    assert "'=HYPERLINK(\"http://evil.example\",\"klik\")" in sel and "'=CMD()" in sel
    assert not [v for v in sel if "\u202e" in v]
    _, out, _ = jalankan(capsysbinary, "masukan", "--forum", fid, "--format", "csv")
    baris = list(csv.DictReader(io.StringIO(out.decode())))
    assert {r["teks"] for r in baris} >= {"'+SUM(1,2)", "'@SUM(A1)"} and "\u202e" not in out.decode()
    _, out, _ = jalankan(capsysbinary, "masukan", "--forum", fid, "--format", "json")
    assert out.isascii() and {r["teks"] for r in json.loads(out)} == set(BAHAYA)  # exact, escaped for terminals
    halaman = lembar.html(6371)
    for s in BAHAYA:
        assert s not in halaman or s == re.sub(r"[<>&\"'\u202e]", "", s)
    assert "<script" not in halaman and "\u202e" not in halaman and "&lt;script&gt;" in halaman
    assert "@tanggapan #strong[x]" in halaman  # the follow-up is listed on the unit's page
