"""XLSX exports: a first sheet that says what the table is, a data sheet equal to the query result,
text that no spreadsheet runs as a formula, and a CLI that writes the file whole or not at all."""
import datetime as dt
import io
import math
import os
import re
import subprocess
import sys

import openpyxl
import pandas as pd
import pytest

from conftest import ROOT
from pilar import db, ekspor, ekspor_xlsx, ukuran
from test_cli import assert_one_indonesian_paragraph, run_main

PEMICU = ("=", "+", "-", "@", "\t", "\r")
BERBAHAYA = ['=HYPERLINK("http://x","y")', "+1", "-cmd", "@SUM(A1)", "\tx", "=1+1"]
DICETAK = dt.datetime(2026, 11, 30, 1, 55, tzinfo=dt.timezone.utc)


def buka(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data))


def keterangan(wb) -> list[tuple]:
    """(label, text) rows of the first sheet; a row without its own label keeps the one above."""
    rows, label = [], None
    for a, b in wb.worksheets[0].iter_rows(min_col=1, max_col=2, values_only=True):
        label = a or label
        rows.append((label, b))
    return rows


def nilai_untuk(rows, label) -> list:
    return [b for a, b in rows if a == label]


def harapan(v):
    """What a data cell must hold for a frame value, worked out here (not by the writer)."""
    if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
        return None
    if isinstance(v, str):
        return "'" + v if v.startswith(PEMICU) else v
    return v.item() if hasattr(v, "item") else v


def sama_dengan_frame(ws, df: pd.DataFrame) -> None:
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == tuple(harapan(c) for c in df.columns)
    assert len(rows) == len(df) + 1
    for got, want in zip(rows[1:], df.itertuples(index=False)):
        assert got == tuple(harapan(v) for v in want)
    for j, c in enumerate(df.columns, start=1):  # numbers are numbers, never text
        if pd.api.types.is_numeric_dtype(df[c]):
            assert all(cell.data_type == "n" for (cell,) in ws.iter_rows(min_row=2, min_col=j, max_col=j)
                       if cell.value is not None), c


# ---------------------------------------------------------------- the writer

def test_first_sheet_carries_title_sources_period_filter_definitions_status_and_printed_at(real_con):
    df = db.run(real_con, "pilar_per_wilayah", kode=[6371, 6372])
    kode = ("lks", "tksk_per_kecamatan")
    data = ekspor_xlsx.xlsx_bytes(
        df, judul="Pilar per wilayah", periode="23 September 2025", wilayah="Kota Banjarmasin, Kota Banjarbaru",
        sumber=["S01: Pemprov", "S19: Dinsos"], definisi_ukuran=ekspor_xlsx.definisi(df.columns, "id", kode),
        dicetak=DICETAK)
    wb = buka(data)
    assert wb.sheetnames == ["Keterangan", "Data"]
    rows = keterangan(wb)
    assert rows[0] == ("Judul", "Pilar per wilayah")
    assert nilai_untuk(rows, "Sumber") == ["S01: Pemprov", "S19: Dinsos"]
    assert nilai_untuk(rows, "Periode") == ["23 September 2025"]
    assert nilai_untuk(rows, "Wilayah") == ["Kota Banjarmasin, Kota Banjarbaru"]
    definisi = nilai_untuk(rows, "Definisi")
    # the named measures first, then every pillar column the table holds, each once, from the catalog
    want = [ukuran.UKURAN[k] for k in dict.fromkeys((*kode, *ukuran.PILAR))]
    assert definisi == [f"{u.label('id')}: {u.definisi('id')}" for u in want]
    legend = nilai_untuk(rows, "Status angka")[0]
    assert all(w in legend for w in ("resmi:", "berita:", "estimasi:")) and "**" not in legend
    assert nilai_untuk(rows, "Dicetak pada") == ["30 November 2026 01.55 UTC"]
    assert wb.worksheets[0]["A1"].font.b and wb.worksheets[0]["B1"].font.b
    ws = wb["Data"]
    sama_dengan_frame(ws, df)
    assert all(c.font.b for c in ws[1]) and ws.freeze_panes == "A2"
    assert ws.column_dimensions["B"].width >= len("Kota Banjarmasin")


def test_english_workbook_and_a_table_without_catalog_measures():
    df = pd.DataFrame({"Data": ["desa"], "Period": ["2025"]})
    rows = keterangan(buka(ekspor_xlsx.xlsx_bytes(df, judul="T", periode="P", wilayah="W", sumber=[], lang="en",
                                                  dicetak=DICETAK)))
    assert buka(ekspor_xlsx.xlsx_bytes(df, judul="T", periode="P", wilayah="W", sumber=[], lang="en")).sheetnames == [
        "About", "Data"]
    assert rows[:4] == [("Title", "T"), ("Sources", "–"), ("Period", "P"), ("Area", "W")]
    assert nilai_untuk(rows, "Definition") == ["This table shows no measure from the measure catalog."]
    assert nilai_untuk(rows, "Printed on") == ["November 30, 2026, 01:55 UTC"]
    assert "official:" in nilai_untuk(rows, "Figure status")[0]


def test_definitions_follow_column_labels_codes_and_long_tables():
    peringkat = ["Kabupaten/kota", ukuran.UKURAN["lks"].label("en"), ukuran.UKURAN["kpm_per_pendamping"].label("en")]
    assert ekspor_xlsx.definisi(peringkat, "en") == [
        (ukuran.UKURAN[k].label("en"), ukuran.UKURAN[k].definisi("en")) for k in ("lks", "kpm_per_pendamping")]
    # a query column 'kpm' is the catalog's KPM PKH; a long table names base figures in 'indikator'
    got = ekspor_xlsx.definisi(["kode_bps", "kpm"], "id", indikator=["penduduk", "kpm_pkh"])
    assert got == [(ukuran.UKURAN["kpm_pkh"].label("id"), ukuran.UKURAN["kpm_pkh"].definisi("id")),
                   (ukuran.label_dasar("penduduk"), ukuran.DASAR["penduduk"][2]("id"))]


def test_numbers_keep_the_catalog_decimals_and_codes_have_no_grouping():
    label = ukuran.UKURAN["tksk_per_kecamatan"].label("id")
    df = pd.DataFrame({"kode_bps": [6371, 6372], label: [0.6666, 1.25], "psm": [1263, 75], "rasio": [0.5, 1.0 / 3]})
    df.attrs["desimal"] = {label: ukuran.UKURAN["tksk_per_kecamatan"].desimal}
    ws = buka(ekspor_xlsx.xlsx_bytes(df, judul="T", periode="P", wilayah="W", sumber=[]))["Data"]
    assert [c.number_format for c in ws[2]] == [
        "0", "#,##0." + "0" * ukuran.UKURAN["tksk_per_kecamatan"].desimal, "#,##0", "General"]
    assert ws["B2"].value == 0.6666  # the stored number is exact; only its display is rounded
    sama_dengan_frame(ws, df)


def test_formula_like_text_is_neutralised_numbers_stay_numbers():
    df = pd.DataFrame({"nama": BERBAHAYA, "selisih": [-5, -1, 0, 3, -200, 7],
                       "-kolom": ["a", "b\x01c", "c", "d", "e", "-5"]})
    data = ekspor_xlsx.xlsx_bytes(df, judul="=1+1", periode="+62", wilayah="-", sumber=["@x"],
                                  definisi_ukuran=[("=a", "b")])
    wb = buka(data)
    rows = keterangan(wb)
    assert [r[1] for r in rows[:4]] == ["'=1+1", "'@x", "'+62", "'-"]
    assert nilai_untuk(rows, "Definisi") == ["'=a: b"]
    ws = wb["Data"]
    assert [c.value for c in ws[1]] == ["nama", "selisih", "'-kolom"]
    assert [c.value for (c,) in ws.iter_rows(min_row=2, max_col=1)] == ["'" + s for s in BERBAHAYA]
    assert [c.value for (c,) in ws.iter_rows(min_row=2, min_col=2, max_col=2)] == [-5, -1, 0, 3, -200, 7]
    assert [c.value for (c,) in ws.iter_rows(min_row=2, min_col=3, max_col=3)] == [  # a control character is shown
        "a", "b<U+0001>c", "c", "d", "e", "'-5"]
    for sheet in wb.worksheets:  # no cell anywhere is a formula
        assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    assert df["nama"].tolist() == BERBAHAYA  # the caller's frame is untouched


# ---------------------------------------------------------------- the CLI

def test_cli_query_xlsx_equals_the_query_and_carries_its_context(real_db_path, real_con, monkeypatch, capsys,
                                                                  tmp_path):
    monkeypatch.setenv("PILAR_DB", str(real_db_path))
    out = tmp_path / "kpm.xlsx"
    rc, stdout, err = run_main(["query", "kpm_per_wilayah", "--param", "kode=6371,6372", "--format", "xlsx",
                                "--out", str(out)], capsys)
    assert rc == 0, err
    assert str(out) in stdout and sorted(p.name for p in tmp_path.iterdir()) == ["kpm.xlsx"]
    df = db.run(real_con, "kpm_per_wilayah", kode="6371,6372")
    wb = buka(out.read_bytes())
    sama_dengan_frame(wb["Data"], df)
    rows = keterangan(wb)
    assert db.get_query("kpm_per_wilayah").keterangan in rows[0][1]
    sumber = db.run(real_con, "sumber").set_index("sumber_id")
    got = nilai_untuk(rows, "Sumber")
    assert len(got) == df["sumber_id"].nunique()
    for sid, teks in zip(sorted(df["sumber_id"].unique()), got):
        assert teks.startswith(f"{sid}: {sumber.at[sid, 'penerbit']}") and sumber.at[sid, "judul"] in teks
    assert nilai_untuk(rows, "Periode") == [", ".join(f"triwulan {p[6]} {p[:4]}" for p in sorted(set(df["periode"])))]
    assert nilai_untuk(rows, "Wilayah") == [", ".join(df["nama"])]
    kpm = ukuran.UKURAN["kpm_pkh"]
    assert nilai_untuk(rows, "Definisi") == [f"{kpm.label()}: {kpm.definisi()}"]
    dicetak = nilai_untuk(rows, "Dicetak pada")[0]
    assert re.fullmatch(r"\d{1,2} \w+ \d{4} \d{2}\.\d{2} UTC", dicetak) and str(dt.datetime.now(dt.timezone.utc).year) in dicetak


def test_cli_whole_province_without_period_names_the_latest(real_db_path, real_con, tmp_path):
    out = tmp_path / "pilar.xlsx"
    r = subprocess.run([sys.executable, "-m", "pilar", "query", "pilar_per_wilayah", "--format", "xlsx",
                        "--out", str(out)], cwd=ROOT, env={**os.environ, "PILAR_DB": str(real_db_path)},
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    wb = buka(out.read_bytes())
    sama_dengan_frame(wb["Data"], db.run(real_con, "pilar_per_wilayah"))
    rows = keterangan(wb)
    assert nilai_untuk(rows, "Wilayah") == ["Seluruh Kalimantan Selatan (13 kabupaten/kota)"]
    latest = real_con.execute("SELECT max(periode) FROM pilar").fetchone()[0]
    y, m, d = map(int, str(latest).split("-"))
    bulan = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
             "November", "Desember"][m - 1]
    assert nilai_untuk(rows, "Periode") == [f"{d} {bulan} {y} (periode terbaru di basis data)"]
    assert len(nilai_untuk(rows, "Definisi")) == len(ukuran.PILAR)


def test_cli_out_for_text_formats_writes_what_stdout_would_show(real_db_path, monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("PILAR_DB", str(real_db_path))
    rc, shown, _ = run_main(["query", "pilar_per_wilayah", "--format", "csv"], capsys)
    rc2, _, err = run_main(["query", "pilar_per_wilayah", "--format", "csv", "--out", str(tmp_path / "p.csv")], capsys)
    assert rc == rc2 == 0, err
    assert (tmp_path / "p.csv").read_text(encoding="utf-8") == shown


@pytest.mark.parametrize("argv", [
    ["query", "pilar_per_wilayah", "--format", "xlsx"],
    ["query", "pilar_per_wilayah", "--format", "xlsx", "--out", "{tmp}/tidak/ada.xlsx"],
    ["query", "pilar_per_wilayah", "--format", "xlsx", "--out", "{tmp}/hasil.csv"],
    ["query", "pilar_per_wilayah", "--format", "xlsx", "--out", "{tmp}"],
    ["query", "pilar_per_wilayah", "--format", "xlsx", "--out", ""],
    ["query", "pilar_per_wilayah", "--format", "xlsx", "--out"],
    ["query", "pilar_per_wilayah", "--format", "pdf", "--out", "{tmp}/hasil.pdf"],
    ["query", "pilar_per_wilayah", "--format", "csv", "--out", "{tmp}/tidak/ada.csv"],
    ["query", "pilar_per_wilayah", "--param", "kode=9999", "--format", "xlsx", "--out", "{tmp}/hasil.xlsx"],
    ["query", "tidak_ada", "--format", "xlsx", "--out", "{tmp}/hasil.xlsx"],
])
def test_bad_format_or_path_is_one_indonesian_line_and_writes_nothing(argv, real_db_path, monkeypatch, capsys,
                                                                      tmp_path):
    monkeypatch.setenv("PILAR_DB", str(real_db_path))
    (tmp_path / "lama.xlsx").write_bytes(b"isi lama")
    rc, out, err = run_main([a.replace("{tmp}", str(tmp_path)) for a in argv], capsys)
    assert rc == 2 and out == ""
    assert_one_indonesian_paragraph(err)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lama.xlsx"]
    assert (tmp_path / "lama.xlsx").read_bytes() == b"isi lama"


def test_atomic_write_replaces_whole_or_keeps_the_old_file(tmp_path):
    path = tmp_path / "a.xlsx"
    path.write_bytes(b"lama")
    ekspor.tulis_atomik(path, b"baru")
    assert path.read_bytes() == b"baru"
    with pytest.raises(TypeError):
        ekspor.tulis_atomik(path, "bukan bytes")  # fails while writing
    assert path.read_bytes() == b"baru" and [p.name for p in tmp_path.iterdir()] == ["a.xlsx"]


def test_gaps_booleans_dates_and_pandas_strings_keep_their_kind():
    df = pd.DataFrame({"teks": pd.array(["a", None, "=b"], dtype="string"), "nilai": [1.5, float("nan"), -2.0],
                       "artefak": [True, False, True], "tanggal": pd.to_datetime(["2025-09-23", None, "2022-06-30"])})
    ws = buka(ekspor_xlsx.xlsx_bytes(df, judul="T", periode="P", wilayah="W", sumber=[]))["Data"]
    assert list(ws.iter_rows(min_row=2, values_only=True)) == [
        ("a", 1.5, True, dt.datetime(2025, 9, 23)), (None, None, False, None),
        ("'=b", -2.0, True, dt.datetime(2022, 6, 30))]
    assert [c.data_type for c in ws[2]] == ["s", "n", "b", "d"]
