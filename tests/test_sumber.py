"""Reading and checking the source CSVs: what officials type into them, and what Excel writes."""
import os
import shutil

import pytest

from conftest import FIXTURE_SOURCES, REAL_SOURCES
from pilar import alokasi, build, sumber


@pytest.fixture()
def src(tmp_path):
    dst = tmp_path / "src"
    shutil.copytree(FIXTURE_SOURCES, dst)
    return dst


def replace_line(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(folder, **kw):
    with pytest.raises(sumber.SumberError) as err:
        sumber.read_sources(folder, **kw)
    return err.value.pesan


def test_fixture_and_real_sources_pass():
    assert sumber.read_sources(FIXTURE_SOURCES)["pilar"]
    assert sumber.read_sources(REAL_SOURCES)["pilar"]


# ---------------------------------------------------------------- what Excel writes

def test_utf8_bom_and_crlf_of_excel_are_read(src, tmp_path):
    for name in sumber.file_names():
        p = src / name
        p.write_bytes(b"\xef\xbb\xbf" + p.read_bytes().replace(b"\n", b"\r\n"))
    assert sumber.read_sources(src) == sumber.read_sources(FIXTURE_SOURCES)
    assert build.build(src, tmp_path / "p.duckdb").rows["wilayah"] == 3


def test_semicolon_separated_file_is_explained(src):
    p = src / "wilayah.csv"
    p.write_text(p.read_text().replace(",", ";"))
    assert any(m.startswith("wilayah.csv baris 1 (judul kolom): kolom dipisah titik koma (;)") for m in problems(src))


def test_file_that_is_not_utf8_is_named(src):
    p = src / "sumber.csv"
    p.write_bytes(p.read_bytes().replace(b"Penerbit Uji", "Penerbit Ují".encode("cp1252")))
    assert any(m.startswith("sumber.csv: bukan teks UTF-8") for m in problems(src))


def test_file_over_the_size_limit_is_refused_without_reading_it(src):
    with open(src / "acuan.csv", "r+b") as f:
        f.truncate(sumber.MAKS_BYTE + 1)  # sparse: no 20 MB written
    assert "acuan.csv: berkas 20.0 MB melebihi batas 20 MB" in problems(src)[0]
    assert sumber.sources_hash(src) != sumber.sources_hash(FIXTURE_SOURCES)


# ---------------------------------------------------------------- rows as a spreadsheet numbers them

def test_row_numbers_count_blank_lines_and_multiline_cells_as_a_spreadsheet_does(src):
    p = src / "kpm.csv"
    text = p.read_text()
    text = text.replace("6301,pkh,2021-Q4,1,F01,resmi,periode lama", '6301,pkh,2021-Q4,1,F01,resmi,"periode\nlama"')
    text = text.replace("6371,pkh,2021-Q4,1,F01,resmi,periode lama\n", "6371,pkh,2021-Q4,1,F01,resmi,periode lama\n\n")
    p.write_text(text.replace("6301,pkh,2022-Q2,2000", "6301,pkh,2022-Q2,x"))
    # header 1, rows 2 (two lines) and 3, blank row 4, then 5, 6: the broken row is 6
    assert "kpm.csv baris 6, kolom jumlah: 'x' bukan bilangan bulat" in problems(src)


def test_more_cells_than_columns_is_named(src):
    replace_line(src / "kpm.csv", "6371,pkh,2022-Q2,12000,F01,berita,", "6371,pkh,2022-Q2,12,000,F01,berita,")
    assert any(m.startswith("kpm.csv baris 6: 8 sel, lebih banyak dari 7 kolom") for m in problems(src))


def test_missing_column_is_named(src):
    replace_line(src / "wilayah.csv", "kode_bps,kode_kemendagri,", "kode_bps,")
    assert "wilayah.csv baris 1 (judul kolom): kolom hilang: kode_kemendagri" in problems(src)[0]


def test_duplicate_key_is_named(src):
    with open(src / "kpm.csv", "a") as f:
        f.write("6301,pkh,2022-Q2,5,F01,berita,\n")
    assert any("kpm.csv baris 8, kolom kode_bps, program, periode: duplikat dari baris 5" in m for m in problems(src))


def test_header_only_table_is_refused(src):
    p = src / "kpm.csv"
    p.write_text(p.read_text().splitlines()[0] + "\n")
    assert "kpm.csv: tidak ada baris data (hanya judul kolom); tabel ini wajib berisi minimal satu baris" in problems(src)


def test_every_problem_is_listed_at_once(src):
    replace_line(src / "kpm.csv", "6301,pkh,2022-Q2,2000", "6301,pkh,2022-Q2,2.000")
    replace_line(src / "pilar.csv", "6301,psm,2025-09-23,90,", "6301,psm,2025-9-23,90,")
    replace_line(src / "sumber.csv", "F02,Angka wilayah uji,Penerbit Resmi Uji,,2025,", "F02,Angka wilayah uji,,,2025,")
    got = problems(src)
    assert [m.split(",")[0] for m in got] == ["sumber.csv baris 3", "kpm.csv baris 5", "pilar.csv baris 7"]


def test_a_bad_cell_in_a_referenced_table_does_not_cascade(src):
    # sumber F02 has a bad date: that is one problem, not one more per row that cites F02
    replace_line(src / "sumber.csv", "F02,Angka wilayah uji,Penerbit Resmi Uji,,2025,", "F02,Angka wilayah uji,"
                 "Penerbit Resmi Uji,,23/09/2025,")
    got = problems(src)
    assert len(got) == 1 and got[0].startswith("sumber.csv baris 3, kolom tanggal: tanggal '23/09/2025' tidak sah")


# ---------------------------------------------------------------- periods

BAD_PERIODS = [
    ("kpm.csv", "6301,pkh,2022-Q2,", "6301,pkh,Q2/2022,", "kpm.csv baris 5, kolom periode: periode 'Q2/2022' "
     "tidak sah (tidak dikenali); di kpm.csv pakai triwulan YYYY-Qn (misalnya 2022-Q2)"),
    ("kpm.csv", "6301,pkh,2022-Q2,", "6301,pkh,2022-Q5,", "periode '2022-Q5' tidak sah (triwulan hanya Q1 sampai Q4)"),
    ("kpm.csv", "6301,pkh,2022-Q2,", "6301,pkh,2022-06,", "periode '2022-06' tidak sah (berformat bulan YYYY-MM)"),
    ("pilar.csv", "6301,psm,2025-09-23,", "6301,psm,23/09/2025,", "pilar.csv baris 7, kolom periode: periode "
     "'23/09/2025' tidak sah (tidak dikenali); di pilar.csv pakai tanggal YYYY-MM-DD (misalnya 2025-09-23)"),
    ("pilar.csv", "6301,psm,2025-09-23,", "6301,psm,2025-13-01,", "periode '2025-13-01' tidak sah (bulan 13 tidak ada)"),
    ("pilar.csv", "6301,psm,2025-09-23,", "6301,psm,2025-02-30,", "'2025-02-30' tidak sah (bukan tanggal yang ada"),
    ("pilar.csv", "6301,psm,2025-09-23,", "6301,psm,2025,", "periode '2025' tidak sah (berformat tahun YYYY)"),
    ("fakta_wilayah.csv", "6301,penduduk_miskin,5000,jiwa,2024-03,", "6301,penduduk_miskin,5000,jiwa,2024-Q1,",
     "fakta_wilayah.csv baris 6, kolom periode: periode '2024-Q1' tidak sah (berformat triwulan YYYY-Qn)"),
    ("fakta_provinsi.csv", "kpm_pkh,18000,KPM,2022-Q2,", "kpm_pkh,18000,KPM,2022-06-30,",
     "fakta_provinsi.csv baris 9, kolom periode: periode '2022-06-30' tidak sah"),
    ("fakta_wilayah.csv", "6372,penduduk,200000,jiwa,2025,", "6372,penduduk,200000,jiwa,2025-06,",
     "fakta_wilayah.csv baris 17, kolom periode: '2025-06' berformat bulan YYYY-MM, padahal indikator penduduk "
     "di fakta_wilayah.csv baris 5 berformat tahun YYYY"),
    ("acuan.csv", "beban_pendamping_min,250,KPM per pendamping,2019-04-12,", "beban_pendamping_min,250,"
     "KPM per pendamping,1899,", "periode '1899' tidak sah (tahun 1899 di luar 1900 sampai 2100)"),
    ("sumber.csv", ",2025-09-23,,Data uji", ",Sept 2025,,Data uji",
     "sumber.csv baris 2, kolom tanggal: tanggal 'Sept 2025' tidak sah"),
]


@pytest.mark.parametrize("file,old,new,message", BAD_PERIODS, ids=[b[2] for b in BAD_PERIODS])
def test_periods_in_another_format_are_refused(src, file, old, new, message):
    replace_line(src / file, old, new)
    got = problems(src)
    assert any(message in m for m in got), got


def test_allowed_period_formats_per_table():
    assert sumber.periode_boleh("pilar") == ("tanggal",)
    assert sumber.periode_boleh("kpm") == ("triwulan",)
    assert sumber.periode_boleh("fakta_provinsi", "pilar_lks") == ("tanggal",)
    assert sumber.periode_boleh("fakta_provinsi", "kpm_pkh") == ("triwulan",)
    assert sumber.periode_boleh("fakta_provinsi", "penduduk_miskin") == ("tahun", "bulan", "tanggal")
    assert sumber.format_periode("2024-02-29") == ("tanggal", None)
    assert sumber.format_periode("2023-02-29")[0] is None


# ---------------------------------------------------------------- numbers

BAD_NUMBERS = [
    ("fakta_wilayah.csv", "6301,penduduk,100000,", "6301,penduduk,100.000,",
     "fakta_wilayah.csv baris 5, kolom nilai: '100.000' tampak seperti angka dengan pemisah ribuan; tulis 100000"),
    ("fakta_wilayah.csv", "6301,desa,100,", "6301,desa,100.5,",
     "fakta_wilayah.csv baris 3, kolom nilai: '100.5' bukan bilangan bulat, padahal satuan 'desa' adalah cacah"),
    ("fakta_provinsi.csv", "penduduk_miskin,45000,", "penduduk_miskin,45.000,", "'45.000' tampak seperti angka "
     "dengan pemisah ribuan"),
    ("fakta_provinsi.csv", "penduduk_miskin,45000,", "penduduk_miskin,\"45,000\",", "'45,000' tampak seperti"),
    ("acuan.csv", "graduasi_per_pendamping,10,", "graduasi_per_pendamping,\"10,5\",",
     "acuan.csv baris 2, kolom nilai: '10,5' memakai koma; pakai titik sebagai pemisah desimal (10.5)"),
    ("acuan.csv", "graduasi_per_pendamping,10,", "graduasi_per_pendamping,1e1,", "'1e1' bukan angka"),
    ("pilar.csv", "6301,psm,2025-09-23,90,", "6301,psm,2025-09-23,1.263,", "'1.263' tampak seperti angka dengan "
     "pemisah ribuan; tulis 1263"),
    ("kpm.csv", "6301,pkh,2022-Q2,2000,", "6301,pkh,2022-Q2,99999999999,", "99999999999 terlalu besar"),
    ("fakta_wilayah.csv", "6301,p0_persen,5,", "6301,p0_persen,105,", "105 persen lebih dari 100"),
]


@pytest.mark.parametrize("file,old,new,message", BAD_NUMBERS, ids=[b[2] for b in BAD_NUMBERS])
def test_numbers_with_thousands_separators_or_decimal_commas_are_refused(src, file, old, new, message):
    replace_line(src / file, old, new)
    got = problems(src, totals=False)
    assert any(message in m for m in got), got


def test_a_decimal_with_three_digits_is_fine_where_the_unit_is_not_a_count(src):
    replace_line(src / "fakta_wilayah.csv", "6301,p0_persen,5,", "6301,p0_persen,5.263,")
    assert sumber.read_sources(src)["fakta_wilayah"]


# ---------------------------------------------------------------- codes and references

BAD_CELLS = [
    ("wilayah.csv", "6371,63.71,", "6371,63.17,", "wilayah.csv baris 3, kolom kode_kemendagri: '63.17' tidak "
     "cocok dengan kode_bps 6371"),
    ("wilayah.csv", "Banjarmasin,kota", "Banjarmasin,kabupaten", "kode BPS 6371 adalah kota, bukan kabupaten"),
    ("pilar_jenis.csv", "lembaga,1,penduduk\n", "lembaga,1,jumlah_rumah\n", "basis alokasi 'jumlah_rumah' tidak dikenal"),
    ("pilar_jenis.csv", "orang,2,kecamatan\n", "orang,1,kecamatan\n", "pilar_jenis.csv baris 3, kolom urutan: '1' "
     "sudah dipakai di baris 2"),
    ("fakta_provinsi.csv", "pilar_lks,", "pilar_lsk,", "jenis pilar 'lsk' (dari pilar_lsk) tidak ada di pilar_jenis.csv"),
    ("kpm.csv", "6301,pkh,2022-Q2,", "6301,PKH Tahap 2,2022-Q2,", "kpm.csv baris 5, kolom program: 'PKH Tahap 2' "
     "bukan pengenal"),
    ("sumber.csv", "F01,Angka pilar uji,Penerbit Uji,,2025-09-23,", "F01,Angka pilar uji,Penerbit Uji,,2025-09-23,"
     "www.contoh.id", "sumber.csv baris 2, kolom url: 'www.contoh.id' bukan alamat web"),
]


@pytest.mark.parametrize("file,old,new,message", BAD_CELLS, ids=[b[2] for b in BAD_CELLS])
def test_codes_choices_and_references_are_checked(src, file, old, new, message):
    replace_line(src / file, old, new)
    got = problems(src, totals=False)
    assert any(message in m for m in got), got


# ---------------------------------------------------------------- what the pages need

def test_figures_the_pages_read_must_exist_for_every_unit(src):
    p = src / "fakta_wilayah.csv"
    p.write_text("".join(line for line in p.read_text().splitlines(True) if not line.startswith("6372,penduduk,")))
    assert "fakta_wilayah.csv, kolom indikator: 'penduduk' belum ada untuk kode wilayah 6372" in problems(src)


def test_reference_values_the_pages_read_must_exist(src):
    p = src / "acuan.csv"
    p.write_text("".join(line for line in p.read_text().splitlines(True) if "beban_pendamping_max" not in line))
    assert "acuan.csv, kolom indikator: 'beban_pendamping_max' belum ada" in problems(src)


def test_latest_kpm_period_must_cover_every_unit(src):
    p = src / "kpm.csv"
    p.write_text(p.read_text().replace("6372,pkh,2022-Q2,4000,F01,estimasi,sisa total\n", ""))
    assert "kpm.csv, kolom program: 'pkh' periode terbaru 2022-Q2 belum ada untuk kode wilayah 6372" in problems(src)


# ---------------------------------------------------------------- fingerprint and agreement with alokasi

def test_fingerprint_is_of_the_bytes_that_were_validated(src):
    data, digest = sumber.read_sources_hashed(src)
    assert digest == sumber.sources_hash(src) and data == sumber.read_sources(src)
    os.utime(src / "kpm.csv", ns=(1, 1))  # time alone is no change of content
    assert sumber.sources_hash(src) == digest


def test_allocation_bases_match_the_labels_of_alokasi():
    assert set(sumber.BASIS_ALOKASI) == set(alokasi.BASIS_LABEL)
