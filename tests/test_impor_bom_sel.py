"""Sheets that cannot expand: a few hundred bytes that declare gigabytes of cells are refused before
calamine builds the grid (this process never holds them), the reader runs in a child process whose
memory limit ends it instead of the caller, a refusal lists at most 50 problems, and a near-miss
header after junk gets its suggestion. Every file is written here by hand with zipfile."""
from __future__ import annotations

import io
import resource
import subprocess
import sys
import zipfile

import pytest

import impor_korpus as K
from impor_korpus import rows_pilar
from pilar import impor
from pilar.impor import anak, biff, buka, dasar, judul, pindai
from pilar.impor.dasar import ImporError
from conftest import ROOT
from test_impor_korpus import P_PILAR

NS_X = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_PR = "http://schemas.openxmlformats.org/package/2006/relationships"
NS_OD = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def ods(tabel: str) -> bytes:
    """An ODS holding ``tabel`` (the table:table elements of content.xml)."""
    isi = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
           'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
           f'<office:body><office:spreadsheet>{tabel}</office:spreadsheet></office:body></office:document-content>')
    manifest = ('<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")  # stored, first
        z.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", isi, zipfile.ZIP_DEFLATED, compresslevel=9)
    return b.getvalue()


def sel_ods(teks: str, kolom: int = 1, baris: int = 1) -> str:
    """One row of one text cell, repeated ``kolom`` times across and the row ``baris`` times down."""
    return (f'<table:table-row table:number-rows-repeated="{baris}"><table:table-cell '
            f'table:number-columns-repeated="{kolom}" office:value-type="string"><text:p>{teks}</text:p>'
            '</table:table-cell></table:table-row>')


def xlsx(baris_xml: str, bersama: list[str]) -> bytes:
    """An XLSX of one sheet 'S' with ``baris_xml`` (the <row> elements) and the shared strings ``bersama``."""
    bagian = {
        "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        "_rels/.rels": f'<Relationships xmlns="{NS_PR}"><Relationship Id="rId1" Type="{NS_OD}/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{NS_X}" xmlns:r="{NS_OD}"><sheets><sheet name="S" sheetId="1" '
        'r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{NS_PR}"><Relationship Id="rId1" '
        f'Type="{NS_OD}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" '
        f'Type="{NS_OD}/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{NS_X}"><sheetData>{baris_xml}</sheetData></worksheet>',
        "xl/sharedStrings.xml": f'<sst xmlns="{NS_X}">' + "".join(f"<si><t>{s}</t></si>" for s in bersama) + "</sst>",
    }
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for nama, isi in bagian.items():
            z.writestr(nama, isi)
    return b.getvalue()


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        return next(int(b.split()[1]) for b in f if b.startswith("VmRSS:")) / 1024


@pytest.fixture()
def tanpa_anak(monkeypatch):
    """The child reader must not even start: the counts refuse the file first."""
    def dipanggil(*a, **k):
        raise AssertionError("calamine was started on a file the counts should refuse")
    monkeypatch.setattr(anak, "baca", dipanggil)


def tulis(tmp_path, nama: str, data: bytes):
    path = tmp_path / nama
    path.write_bytes(data)
    return path


def ribuan(n: int) -> str:
    return f"{n:,}".replace(",", ".")


# ---------------------------------------------------------------- 1. count before expanding

def test_ods_satu_sel_diulang_ditolak_tanpa_dibuka(tmp_path, tanpa_anak):
    data = ods(f'<table:table table:name="S">{sel_ods("x" * 10_000, kolom=199, baris=4999)}</table:table>')
    assert len(data) < 1000  # a few hundred bytes...
    path = tulis(tmp_path, "bom.ods", data)
    sebelum_rss, sebelum_puncak = rss_mb(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with pytest.raises(ImporError) as e:
        buka.buka(path)
    assert rss_mb() - sebelum_rss < 100  # ...that would be 10 GB of text: this process never built it
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - sebelum_puncak < 100
    [pesan] = e.value.pesan
    assert "\n" not in pesan and pesan.startswith("bom.ods, lembar 'S': ")
    for bagian in ("4.999 baris × 199 kolom", ribuan(4999 * 199) + " sel", ribuan(4999 * 199 * 10_000) + " karakter",
                   ribuan(dasar.MAKS_SEL), ribuan(dasar.MAKS_TEKS)):
        assert bagian in pesan


def test_ods_spasi_berulang_dalam_satu_sel_ditolak(tmp_path, tanpa_anak):
    # <text:s text:c="n"/> is n spaces: one cell of half a gigabyte
    tabel = '<table:table table:name="S">' + sel_ods('a<text:s text:c="500000000"/>b') + "</table:table>"
    with pytest.raises(ImporError) as e:
        buka.buka(tulis(tmp_path, "spasi.ods", ods(tabel)))
    assert len(e.value.pesan) == 1 and ribuan(500_000_002) + " karakter" in e.value.pesan[0]


def test_ods_baris_dan_kolom_kosong_di_ujung_tetap_diterima(tmp_path):
    # As LibreOffice saves every sheet: empty cells repeated to column AMJ and empty rows to the last row.
    tabel = ('<table:table table:name="Data"><table:table-row><table:table-cell office:value-type="string">'
             '<text:p>Kode</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="7">'
             '<text:p>7</text:p></table:table-cell><table:table-cell table:number-columns-repeated="1022"/>'
             '</table:table-row><table:table-row table:number-rows-repeated="1048575">'
             '<table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table>')
    buku = buka.buka(tulis(tmp_path, "libre.ods", ods(tabel)))
    assert [(lb.nama, lb.sel) for lb in buku.lembar] == [("Data", [["Kode", 7.0]])]


def test_xlsx_rujukan_ke_satu_teks_bersama_ditolak_tanpa_dibuka(tmp_path, tanpa_anak):
    baris = "".join(f'<row r="{r}">' + "".join(f'<c r="{dasar.huruf_kolom(c)}{r}" t="s"><v>0</v></c>'
                                                for c in range(100)) + "</row>" for r in range(1, 2001))
    data = xlsx(baris, ["x" * 10_000])
    assert len(data) < 1_000_000  # passes the zip-bomb checks: each part packs less than 200 times
    sebelum = rss_mb()
    with pytest.raises(ImporError) as e:
        buka.buka(tulis(tmp_path, "bersama.xlsx", data))
    assert rss_mb() - sebelum < 100
    [pesan] = e.value.pesan
    assert pesan.startswith("bersama.xlsx, lembar 'S': ") and "\n" not in pesan
    assert f"{ribuan(200_000)} rujukan ke teks bersama: {ribuan(200_000 * 10_000)} karakter" in pesan
    assert ribuan(dasar.MAKS_TEKS) in pesan


def test_xlsx_teks_bersama_dihitung_dari_tabel_yang_dibaca_calamine():
    # calamine reads xl/sharedStrings.xml whatever the workbook's relationship names: a short decoy table
    # named there must not hide the long one
    data = xlsx('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', ["PANJANG" * 3])
    asli, keluar = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(keluar, "w") as z:
        for nama in asli.namelist():
            z.writestr(nama, asli.read(nama).replace(b'Target="sharedStrings.xml"', b'Target="umpan.xml"'))
        z.writestr("xl/umpan.xml", f'<sst xmlns="{NS_X}"><si><t>k</t></si></sst>')
    assert anak.baca(keluar.getvalue(), {"S": True}, dasar.MAKS_MEMORI_BACA, 20)[1][0][1] == [["PANJANG" * 3]]
    with zipfile.ZipFile(io.BytesIO(keluar.getvalue())) as z:
        assert pindai.pindai_xlsx(z)["S"].teks == len("PANJANG" * 3)


def test_xlsx_tabel_teks_bersama_terlalu_besar_ditolak(tmp_path, tanpa_anak, monkeypatch):
    # calamine loads every shared string, referred to or not
    monkeypatch.setattr(dasar, "MAKS_SEL", 100)
    data = xlsx('<row r="1"><c r="A1"><v>1</v></c></row>', [f"teks {i}" for i in range(150)])
    with pytest.raises(ImporError) as e:
        buka.buka(tulis(tmp_path, "sst.xlsx", data))
    assert e.value.pesan == [f"sst.xlsx: tabel teks bersama (xl/sharedStrings.xml) berisi 101 teks dengan "
                             f"{sum(len(f'teks {i}') for i in range(101))} karakter sebelum selesai dibaca; paling "
                             f"banyak 100 teks dan {ribuan(dasar.MAKS_TEKS)} karakter; berkas seperti ini tidak dibuka"]


def test_xls_rujukan_ke_satu_teks_bersama_ditolak_tanpa_dibuka(tmp_path, tanpa_anak):
    # xlwt writes text cells as LABELSST records: 1,000 cells, one 10,000-character string
    path = K.xls(tmp_path / "bersama.xls", {"S": [["y" * 10_000] * 10 for _ in range(100)]})
    with pytest.raises(ImporError) as e:
        buka.buka(path)
    [pesan] = e.value.pesan
    assert pesan.startswith("bersama.xls, lembar 'S': menyatakan 100 baris × 10 kolom = 1.000 sel")
    assert f"(1.000 rujukan ke teks bersama: {ribuan(10_000_000)} karakter)" in pesan


def test_xls_teks_bersama_dihitung_lintas_rekaman_continue(tmp_path):
    # 20,000 different strings: the SST runs over many CONTINUE records; every character is counted once per cell
    rows = [[f"teks {r}-{c} " + "z" * (r % 50) for c in range(20)] for r in range(1000)]
    p = biff.pindai_xls(K.xls(tmp_path / "banyak.xls", {"S": rows}).read_bytes())["S"]
    assert (p.isi, p.rujukan, p.teks) == (20_000, 20_000, sum(len(v) for row in rows for v in row))


def test_banyak_lembar_yang_masing_masing_di_bawah_batas_ditolak_bersama(tmp_path, tanpa_anak):
    # five sheets of 2,500 x 200 cells (a value in A1 and one in GR2500): 500,000 each, 2,500,000 together
    tepi = ('<table:table-row><table:table-cell office:value-type="float" office:value="1"/></table:table-row>'
            '<table:table-row table:number-rows-repeated="2498"><table:table-cell/></table:table-row>'
            '<table:table-row><table:table-cell table:number-columns-repeated="199"/>'
            '<table:table-cell office:value-type="float" office:value="2"/></table:table-row>')
    data = ods("".join(f'<table:table table:name="L{i}">{tepi}</table:table>' for i in range(5)))
    with pytest.raises(ImporError) as e:
        buka.buka(tulis(tmp_path, "lima.ods", data))
    assert e.value.pesan == [f"lima.ods: 5 lembarnya bila dibuka berisi {ribuan(5 * 2500 * 200)} sel dan 0 karakter "
                             f"teks; paling banyak {ribuan(dasar.MAKS_SEL_BERKAS)} sel dan {ribuan(dasar.MAKS_TEKS)} "
                             "karakter teks per berkas; berkas ini tidak dibuka"]


def test_lembar_biasa_dibaca_lewat_proses_anak(tmp_path):
    baris = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
             '<row r="2"><c r="A2"><v>6371</v></c><c r="B2"><v>12</v></c></row>')
    buku = buka.buka(tulis(tmp_path, "kecil.xlsx", xlsx(baris, ["Kode", "LKS"])))
    assert [(lb.nama, lb.sel) for lb in buku.lembar] == [("S", [["Kode", "LKS"], [6371.0, 12.0]])]


# ---------------------------------------------------------------- 2. the child's memory limit

def test_batas_memori_anak_menghentikan_anak_bukan_pemanggil(tmp_path, monkeypatch):
    # 1000 rows of a 7,900-character cell: under every count (7.9 M characters < 8 M), but more than a child
    # limited to 32 MB can build (the euro sign takes 3 bytes in Rust, 2 in Python)
    tabel = '<table:table table:name="S">' + sel_ods("€" * 7900, baris=1000) + "</table:table>"
    path = tulis(tmp_path, "berat.ods", ods(tabel))
    assert 1000 * 7900 < dasar.MAKS_TEKS
    monkeypatch.setattr(dasar, "MAKS_MEMORI_BACA", 32 * 2**20)
    with pytest.raises(ImporError) as e:
        buka.buka(path)
    assert e.value.pesan == ["berat.ods: berkas terlalu besar untuk dibaca: pembacaannya melebihi batas memori 32 MB "
                             "dan dihentikan. Simpan ulang hanya lembar rekapnya (beberapa kB) lalu unggah lagi"]
    monkeypatch.setattr(dasar, "MAKS_MEMORI_BACA", 1024 * 2**20)  # the caller lives on, and reads it at 1 GiB
    [lembar] = buka.buka(path).lembar
    assert len(lembar.sel) == 1000 and lembar.sel[999] == ["€" * 7900]


def test_batas_waktu_anak_menghentikan_anak_bukan_pemanggil(tmp_path, monkeypatch):
    # 477,600 numbers (under every count): tens of ms of CPU, more than a child allowed 0 s of it (SIGXCPU)
    tabel = ('<table:table table:name="S"><table:table-row table:number-rows-repeated="2400"><table:table-cell '
             'table:number-columns-repeated="199" office:value-type="float" office:value="1"/></table:table-row>'
             '</table:table>')
    path = tulis(tmp_path, "lama.ods", ods(tabel))
    monkeypatch.setattr(dasar, "MAKS_DETIK_BACA", 0)
    with pytest.raises(ImporError) as e:
        buka.buka(path)
    assert e.value.pesan == ["lama.ods: berkas terlalu besar untuk dibaca: pembacaannya melebihi batas waktu 0 detik "
                             "dan dihentikan. Simpan ulang hanya lembar rekapnya (beberapa kB) lalu unggah lagi"]
    monkeypatch.setattr(dasar, "MAKS_DETIK_BACA", 20)
    [lembar] = buka.buka(path).lembar
    assert len(lembar.sel) == 2400 and lembar.sel[2399] == [1.0] * 199


def test_anak_yang_tidak_bisa_dijalankan_satu_baris(tmp_path, monkeypatch):
    monkeypatch.setattr(anak.sys, "executable", str(tmp_path / "tidak-ada-python"))
    baris = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
    with pytest.raises(ImporError) as e:
        buka.buka(tulis(tmp_path, "kecil.xlsx", xlsx(baris, ["Kode"])))
    [pesan] = e.value.pesan
    assert pesan.startswith("kecil.xlsx: pembaca lembar kerja tidak bisa dijalankan (FileNotFoundError: ")
    assert pesan.endswith("berkas tidak dibaca, coba lagi sebentar lagi")


def test_berkas_rusak_tetap_berkas_rusak_di_proses_anak():
    # calamine's own error comes back as such (the parent names it), not as "too big"
    assert anak.baca(b"bukan buku kerja", {"S": True}, dasar.MAKS_MEMORI_BACA, dasar.MAKS_DETIK_BACA) == (
        "gagal", "CalamineError: Cannot detect file format")


# ---------------------------------------------------------------- 3. at most 50 problems

def test_pesan_menyebut_50_masalah_lalu_jumlah_sisanya():
    e = ImporError([f"berkas.xlsx, baris {i}: masalah" for i in range(1, 2001)])
    assert len(e.pesan) == 2000  # all kept for whoever composes them further
    daftar = e.daftar()
    assert daftar[:50] == [f"berkas.xlsx, baris {i}: masalah" for i in range(1, 51)]
    assert daftar[50:] == ["... dan 1.950 masalah lain"]
    p = e.paragraf()
    assert "(50) berkas.xlsx, baris 50: masalah;" in p and "baris 51" not in p and "(51)" not in p
    assert p.endswith("... dan 1.950 masalah lain") and "\n" not in p


def test_lima_puluh_masalah_disebut_semua():
    e = ImporError([f"m{i}" for i in range(50)])
    assert e.daftar() == [f"m{i}" for i in range(50)] and "masalah lain" not in e.paragraf()


# ---------------------------------------------------------------- 4. near-miss header after junk

@pytest.mark.parametrize("teks, harapan", [
    ("xx Karang Tarun", ("mirip", "karang_taruna")), ("Kolom tambahan xx Karang Tarun", ("mirip", "karang_taruna")),
    ("Data xx Tagan", ("mirip", "tagana")), ("ab12 cd Pelopor Perdamaia", ("mirip", "pelopor_perdamaian")),
    ("Keterangan", ("abaikan", None)), ("No.", ("abaikan", None)), ("Kecamatan", ("abaikan", None)),
    ("Nama Kecamatan", ("abaikan", None)), ("Jumlah Penduduk", ("abaikan", None)),
    ("Catatan Petugas", ("abaikan", None)), ("Jumlah Desa", ("abaikan", None)), ("Tenaga Kerja", ("abaikan", None))])
def test_judul_mirip_sesudah_kata_lain(teks, harapan):
    assert judul.kenali(teks) == harapan


@pytest.fixture()
def data(tmp_path, real_db_path, monkeypatch):
    return K.siapkan_data(tmp_path, real_db_path, monkeypatch)


@pytest.mark.parametrize("tulisan", ["xx Karang Tarun", "Kolom tambahan xx Karang Tarun"])
def test_judul_mirip_sesudah_sampah_disebut_dengan_saran(data, tmp_path, tulisan):
    rows = rows_pilar()
    rows[0][5] = tulisan  # column F, Karang Taruna
    path = K.xlsx(tmp_path / "sampah.xlsx", {"Data": rows})
    sebelum = K.snapshot(data)
    with pytest.raises(ImporError) as e:
        impor.baca(path, "pilar", P_PILAR)
    assert e.value.pesan == [f"sampah.xlsx, lembar 'Data', baris 1, kolom F ({tulisan}): judul kolom tidak dikenal; "
                             "maksudnya 'Karang Taruna'? Tulis judulnya 'Karang Taruna' (kolom yang mirip tidak "
                             "diabaikan diam-diam)"]
    assert K.snapshot(data) == sebelum


# ---------------------------------------------------------------- the CLI obeys all of it

def cli(*args):
    r = subprocess.run([sys.executable, "-m", "pilar", *map(str, args)], cwd=ROOT, capture_output=True, text=True,
                       timeout=120)
    assert "Traceback" not in r.stderr and r.returncode == 1 and r.stderr.count("\n") == 1, r.stderr
    return r.stderr


def test_cli_menolak_bom_dalam_satu_paragraf(data, tmp_path):
    path = tulis(tmp_path, "bom.ods", ods(f'<table:table table:name="S">{sel_ods("x" * 10_000, 199, 4999)}'
                                          "</table:table>"))
    sebelum = K.snapshot(data)
    pesan = cli("import", path, "--jenis", "pilar", "--periode", P_PILAR)
    assert pesan.startswith("Impor ditolak; basis data tidak diubah. bom.ods, lembar 'S': menyatakan 4.999 baris")
    assert K.snapshot(data) == sebelum


def test_cli_menyebut_50_masalah_lalu_sisanya(data, tmp_path):
    rows = rows_pilar() + [[None, f"Kota Khayalan {i}", *range(7)] for i in range(2000)]
    path = K.xlsx(tmp_path / "banyak.xlsx", {"Data": rows})
    with pytest.raises(ImporError) as e:
        impor.baca(path, "pilar", P_PILAR)
    assert len(e.value.pesan) == 2000  # every unknown unit is a problem of its own
    pesan = cli("import", path, "--jenis", "pilar", "--periode", P_PILAR)
    assert "(50) banyak.xlsx" in pesan and "(51) " not in pesan
    assert "'Kota Khayalan 49'" in pesan and "'Kota Khayalan 50'" not in pesan
    assert pesan.rstrip().endswith("... dan 1.950 masalah lain") and len(pesan) < 20_000
