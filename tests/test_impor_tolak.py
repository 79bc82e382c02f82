"""Files that must be refused, with a message naming file, sheet, row and column, listing every problem,
and every file of the data folder byte-identical afterwards (sha256 before and after)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

import impor_korpus as K
from impor_korpus import JUDUL, UNITS, Galat, Rumus, nilai_pilar, rows_pilar
from pilar import impor
from pilar.impor import ImporError
from test_impor_korpus import P_KPM, P_PILAR, TOTAL, Kasus


@pytest.fixture()
def data(tmp_path, real_db_path, monkeypatch):
    return K.siapkan_data(tmp_path, real_db_path, monkeypatch)


def _ubah(nama: str, ubah, fmt="xlsx"):
    """A file of the full pillar sheet after ``ubah(rows)`` (rows[1] is Tanah Laut, column C is LKS)."""
    def buat(tmp: Path) -> Path:
        rows = rows_pilar()
        ubah(rows)
        return K.xlsx(tmp / f"{nama}.xlsx", {"Data": rows}) if fmt == "xlsx" else K.xlsx_mentah(
            tmp / f"{nama}.xlsx", {"Data": rows})
    return buat


def _set(r, c, v):
    def f(rows):
        rows[r][c] = v
    return f


def _banyak_masalah(rows):
    rows[1][2] = -1                      # C2 negative
    rows[2][3] = 2.5                     # D3 fraction
    rows[3][4] = "banyak"                # E4 not a number
    rows[4][1] = "Kota Banjar"           # row 5: Jawa Barat
    rows[5][5] = None                    # F6 empty
    rows[0][8] = "Karang Tarun"          # I1: close to a known header (Pelopor Perdamaian column renamed)


def _dengan_nik(tmp: Path) -> Path:
    nik = [["No", "NIK", "Keterangan"], *([i, f"63010{i:011d}", "KPM"] for i in range(1, 6))]
    return K.xlsx(tmp / "rekap_dan_lampiran.xlsx", {"Rekap": rows_pilar(), "Lampiran": nik})


def _nik_angka(tmp: Path) -> Path:
    rows = rows_pilar()
    rows.append(["", "", 6371012345678901])
    return K.xlsx(tmp / "nik_angka.xlsx", {"Data": rows})


def _nama_alamat(tmp: Path) -> Path:
    orang = [["No", "Nama Penerima", "Alamat", "Desa"], [1, "Siti", "Jl. Mawar 1", "Sungai Tabuk"]]
    return K.xlsx(tmp / "penerima.xlsx", {"Rekap": rows_pilar(), "Penerima": orang})


def _besar(tmp: Path) -> Path:
    path = tmp / "besar.csv"
    with open(path, "wb") as f:
        f.write(b"Kode,LKS\n6301,1\n")
        f.truncate(21 * 2**20)
    return path


def _dua_lembar_pilar(tmp: Path) -> Path:
    return K.xlsx(tmp / "dua_pilar.xlsx", {"Triwulan 1": rows_pilar(), "Triwulan 2": rows_pilar()})


def _tulis(nama: str, isi: bytes):
    def buat(tmp: Path) -> Path:
        (tmp / nama).write_bytes(isi)
        return tmp / nama
    return buat


def _csv_sebagai_xlsx(tmp: Path) -> Path:
    path = K.csv_(tmp / "x.csv", rows_pilar())
    return path.rename(tmp / "sebenarnya_csv.xlsx")


def _xlsx_sebagai_csv(tmp: Path) -> Path:
    return K.xlsx(tmp / "x.xlsx", {"Data": rows_pilar()}).rename(tmp / "sebenarnya_xlsx.csv")


def _docx(tmp: Path) -> Path:
    import zipfile

    path = tmp / "surat.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    return path


def _terpotong(tmp: Path) -> Path:
    path = K.xlsx(tmp / "terpotong.xlsx", {"Data": rows_pilar()})
    path.write_bytes(path.read_bytes()[:2000])
    return path


def _xml_rusak(tmp: Path) -> Path:
    import zipfile

    path = K.xlsx_mentah(tmp / "xml_rusak.xlsx", {"Data": rows_pilar()})
    with zipfile.ZipFile(path) as z:
        isi = {n: z.read(n) for n in z.namelist()}
    isi["xl/worksheets/sheet1.xml"] = isi["xl/worksheets/sheet1.xml"][:300]
    with zipfile.ZipFile(path, "w") as z:
        for n, b in isi.items():
            z.writestr(n, b)
    return path


DITOLAK = [
    Kasus("xlsx_terpotong", _terpotong, pesan=["terpotong.xlsx: berakhiran .xlsx tetapi isinya arsip zip yang rusak"]),
    Kasus("xml_lembar_rusak", _xml_rusak, pesan=["xml_rusak.xlsx: berkas rusak, tidak bisa dibaca (ParseError"]),
    Kasus("wilayah_tak_dikenal", _ubah("kota_banjar", _set(5, 1, "Kota Banjar")),
          pesan=["kota_banjar.xlsx, lembar 'Data', baris 6, kolom B (Kabupaten/Kota): 'Kota Banjar' bukan kabupaten/kota Kalimantan Selatan"]),
    Kasus("kode_tak_dikenal", _ubah("kode_asing", _set(2, 0, 3273)),
          pesan=["kode_asing.xlsx, lembar 'Data', baris 3, kolom A (Kode): kode wilayah '3273' bukan kabupaten/kota Kalimantan Selatan"]),
    Kasus("wilayah_ganda", _ubah("ganda", lambda rows: rows.append(["", "Tala", *(1 for _ in range(7))])),
          pesan=["ganda.xlsx, lembar 'Data', baris 15: Kabupaten Tanah Laut sudah ada di baris 2"]),
    Kasus("kode_dan_nama_berbeda", _ubah("beda", _set(12, 1, "Banjarbaru")),
          pesan=["beda.xlsx, lembar 'Data', baris 13, kolom A (Kode): kode '6371' adalah Kota Banjarmasin, tetapi namanya "
                 "'Banjarbaru' (Kota Banjarbaru); kode dan nama tidak sama"]),
    Kasus("negatif", _ubah("negatif", _set(1, 3, -3)),
          pesan=["negatif.xlsx, lembar 'Data', baris 2, kolom D (TKSK): nilai negatif (-3) tidak boleh"]),
    Kasus("pecahan", _ubah("pecahan", _set(3, 4, 2.5)),
          pesan=["pecahan.xlsx, lembar 'Data', baris 4, kolom E (PSM): 2,5 bukan bilangan bulat"]),
    Kasus("bukan_angka", _ubah("teks", _set(4, 5, "banyak")),
          pesan=["teks.xlsx, lembar 'Data', baris 5, kolom F (Karang Taruna): 'banyak' bukan angka"]),
    Kasus("sel_kosong_di_baris_berisi", _ubah("kosong", _set(6, 6, None)),
          pesan=["kosong.xlsx, lembar 'Data', baris 7, kolom G (Pendamping PKH): kosong; tulis 0"]),
    Kasus("melebihi_penduduk", _ubah("besar_sekali", _set(11, 2, 200000)),
          pesan=["besar_sekali.xlsx, lembar 'Data', baris 12, kolom C (LKS): 200.000 lebih besar dari jumlah "
                 "penduduk Kabupaten Balangan (138.950 jiwa, 2025)"]),
    Kasus("rumus_tanpa_nilai_xlsx", _ubah("rumus", _set(2, 2, Rumus("10+5"))),
          pesan=["rumus.xlsx, lembar 'Data', baris 3, kolom C (LKS): rumus tanpa nilai tersimpan"]),
    Kasus("rumus_tanpa_nilai_xls", lambda t: K.xls(t / "rumus.xls", {"Data": [*rows_pilar()[:3],
                                                                              [6303, "Banjar", Rumus("1+2"), 1, 1, 1, 1, 1, 1]]}),
          pesan=["rumus.xls, lembar 'Data', baris 4, kolom C (LKS): rumus tanpa nilai tersimpan"]),
    Kasus("rumus_tanpa_nilai_ods", lambda t: K.ods(t / "rumus.ods", {"Data": [*rows_pilar()[:2],
                                                                              [6303, "Banjar", Rumus("1+2"), 1, 1, 1, 1, 1, 1]]}),
          pesan=["rumus.ods, lembar 'Data', baris 3, kolom C (LKS): rumus tanpa nilai tersimpan"]),
    Kasus("galat_tersimpan", _ubah("galat", _set(2, 4, Galat("#DIV/0!")), fmt="mentah"),
          pesan=["galat.xlsx, lembar 'Data', baris 3, kolom E (PSM): nilai galat #DIV/0!"]),
    Kasus("jumlah_tidak_cocok", _ubah("jumlah", lambda rows: rows.append(["", "Jumlah", 999, *TOTAL[1:]])),
          pesan=["jumlah.xlsx, lembar 'Data', baris 15, kolom C (LKS): baris jumlah 999 tidak sama dengan jumlah 13 "
                 f"baris kabupaten/kota di lembar ini, {TOTAL[0] // 1000}.{TOTAL[0] % 1000:03d}"]),
    Kasus("judul_mirip", _ubah("mirip", _set(0, 5, "Karang Tarun")),
          pesan=["mirip.xlsx, lembar 'Data', baris 1, kolom F (Karang Tarun): judul kolom tidak dikenal; maksudnya "
                 "'Karang Taruna'?"]),
    Kasus("banyak_masalah_sekaligus", _ubah("banyak", _banyak_masalah),
          pesan=["baris 2, kolom C (LKS): nilai negatif", "baris 3, kolom D (TKSK): 2,5 bukan", "baris 4, kolom E (PSM)",
                 "baris 5, kolom B (Kabupaten/Kota): 'Kota Banjar'", "baris 6, kolom F (Karang Taruna): kosong",
                 "baris 1, kolom I (Karang Tarun): judul kolom tidak dikenal"]),
    Kasus("tanpa_kolom_wilayah", lambda t: K.xlsx(t / "tanpa_wilayah.xlsx", {"Data": [["No", "LKS", "TKSK"], [1, 2, 3]]}),
          pesan=["tanpa_wilayah.xlsx, lembar 'Data', baris 1: tidak ada kolom kabupaten/kota"]),
    Kasus("tanpa_kolom_angka", lambda t: K.xlsx(t / "tanpa_angka.xlsx", {"Data": [["Kabupaten/Kota", "Penduduk"],
                                                                                   ["Tala", 5]]}),
          pesan=["tanpa_angka.xlsx, lembar 'Data': tidak ditemukan baris judul kolom"]),
    Kasus("lembar_pilar_sebagai_kpm", lambda t: K.xlsx(t / "pilar.xlsx", {"Data": rows_pilar()}), "kpm", P_KPM,
          pesan=["pilar.xlsx, lembar 'Data', baris 1: lembar ini berisi kolom LKS, TKSK, PSM, Karang Taruna, "
                 "Pendamping PKH, Tagana, Pelopor Perdamaian (data pilar), bukan data kpm; impor dengan --jenis pilar"]),
    Kasus("lembar_kpm_sebagai_pilar", lambda t: K.xlsx(t / "kpm.xlsx", {"Data": [["Kabupaten/Kota", "KPM PKH"],
                                                                                  ["Tala", 100]]}),
          pesan=["lembar ini berisi kolom KPM PKH (data kpm), bukan data pilar; impor dengan --jenis kpm"]),
    Kasus("periode_akan_datang", _ubah("depan", lambda rows: None), periode="2099-01-01",
          pesan=["depan.xlsx: periode 2099-01-01 belum terjadi (hari ini "]),
    Kasus("periode_triwulan_akan_datang", _tulis("kpm.csv", b"Kabupaten/Kota;KPM\nTala;5\n"), "kpm", "2099-Q1",
          pesan=["kpm.csv: periode 2099-Q1 belum terjadi"]),
    Kasus("periode_salah_bentuk_pilar", _ubah("bentuk", lambda rows: None), periode="23/09/2025",
          pesan=["bentuk.xlsx: periode '23/09/2025' tidak sah untuk impor pilar (tidak dikenali); tulis YYYY-MM-DD"]),
    Kasus("periode_triwulan_untuk_pilar", _ubah("triwulan", lambda rows: None), periode="2025-Q2",
          pesan=["periode '2025-Q2' tidak sah untuk impor pilar (berformat YYYY-Qn)"]),
    Kasus("periode_salah_kpm", _tulis("kpm.csv", b"Kabupaten/Kota;KPM\nTala;5\n"), "kpm", "2025-Q5",
          pesan=["kpm.csv: periode '2025-Q5' tidak sah untuk impor kpm (triwulan hanya Q1 sampai Q4); tulis YYYY-Qn"]),
    Kasus("berkas_kosong", _tulis("kosong.csv", b""), pesan=["kosong.csv: berkas kosong (0 bait)"]),
    Kasus("hanya_judul", lambda t: K.csv_(t / "judul.csv", [["Kabupaten/Kota", *JUDUL]]),
          pesan=["judul.csv: tidak ada baris kabupaten/kota yang berisi angka (hanya judul kolom?)"]),
    Kasus("csv_berakhiran_xlsx", _csv_sebagai_xlsx,
          pesan=["sebenarnya_csv.xlsx: berakhiran .xlsx tetapi isinya teks (CSV); berkas tidak dibaca"]),
    Kasus("xlsx_berakhiran_csv", _xlsx_sebagai_csv,
          pesan=["sebenarnya_xlsx.csv: berakhiran .csv tetapi isinya buku kerja Excel (xlsx)"]),
    Kasus("pdf_berakhiran_xls", _tulis("laporan.xls", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"),
          pesan=["laporan.xls: berakhiran .xls tetapi isinya dokumen PDF"]),
    Kasus("html_berakhiran_xls", _tulis("ekspor_aplikasi.xls", b"<html><body><table><tr><td>Kode</td></tr></table>"),
          pesan=["ekspor_aplikasi.xls: berakhiran .xls tetapi isinya halaman web (HTML)"]),
    Kasus("zip_lain_berakhiran_xlsx", _docx, pesan=["surat.xlsx: berakhiran .xlsx tetapi isinya arsip zip"]),
    Kasus("akhiran_tidak_didukung", _tulis("rekap.pdf", b"%PDF-1.4"),
          pesan=["rekap.pdf: jenis berkas '.pdf' tidak didukung; pakai .xlsx, .xls, .ods atau .csv"]),
    Kasus("lebih_dari_20_mb", _besar, pesan=["besar.csv: berkas 21,0 MB melebihi batas 20 MB"]),
    Kasus("bom_zip", lambda t: K.zip_bom(t / "bom.xlsx"), pesan=["bom.xlsx: bagian xl/media/isi.bin memadat",
                                                                  "(bom zip) tidak dibuka"]),
    Kasus("lembar_terlalu_luas", lambda t: K.xlsx_mentah(t / "luas.xlsx", {"Data": rows_pilar()}, sel_jauh="A100000"),
          pesan=["luas.xlsx, lembar 'Data': terpakai sampai baris 100000 dan kolom 9; paling besar 5000 baris"]),
    Kasus("nik_di_lembar_lain", _dengan_nik,
          pesan=["rekap_dan_lampiran.xlsx, lembar 'Lampiran': berisi data pribadi", "kolom B (NIK)",
                 "hanya menyimpan angka agregat per kabupaten/kota"]),
    Kasus("nik_sebagai_angka", _nik_angka,
          pesan=["nik_angka.xlsx, lembar 'Data': berisi data pribadi (kolom C: 1 sel berisi 16 angka seperti NIK"]),
    Kasus("nama_dan_alamat", _nama_alamat,
          pesan=["penerima.xlsx, lembar 'Penerima': berisi data pribadi (baris 1: kolom B (Nama Penerima) bersama "
                 "kolom C (Alamat))"]),
    Kasus("beberapa_lembar_data", _dua_lembar_pilar,
          pesan=["dua_pilar.xlsx: ada beberapa lembar data ('Triwulan 1', 'Triwulan 2'); pilih satu (halaman Impor: pilihan Lembar; CLI: --sheet)"]),
    Kasus("lembar_tidak_ada", _dua_lembar_pilar, sheet="Triwulan 3",
          pesan=["dua_pilar.xlsx: tidak ada lembar 'Triwulan 3'; lembar yang ada: 'Triwulan 1', 'Triwulan 2'"]),
]


@pytest.mark.parametrize("kasus", DITOLAK, ids=str)
def test_berkas_ditolak_dengan_pesan_dan_folder_data_tidak_berubah(kasus, data, tmp_path):
    berkas_dir = tmp_path / "masuk"
    berkas_dir.mkdir()
    path = kasus.buat(berkas_dir)
    sebelum = K.snapshot(data)
    with pytest.raises(ImporError) as e:
        impor.baca(path, kasus.jenis, kasus.periode, kasus.sheet)
    pesan = "\n".join(e.value.pesan)
    for bagian in kasus.pesan:
        assert bagian in pesan
    assert all(p.startswith(path.name) for p in e.value.pesan), pesan
    assert K.snapshot(data) == sebelum


def test_banyak_masalah_disebut_semua(data, tmp_path):
    path = _ubah("banyak", _banyak_masalah)(tmp_path)
    with pytest.raises(ImporError) as e:
        impor.baca(path, "pilar", P_PILAR)
    assert len(e.value.pesan) == 6
    assert e.value.paragraf().count("(") >= 6 and "\n" not in e.value.paragraf()


def test_pesan_data_pribadi_tidak_mengulang_nik(data, tmp_path):
    with pytest.raises(ImporError) as e:
        impor.baca(_dengan_nik(tmp_path), "pilar", P_PILAR)
    assert "6301000000" not in str(e.value)


def test_berkas_yang_tidak_ada(data, tmp_path):
    with pytest.raises(ImporError, match="tidak_ada.xlsx: berkas tidak ditemukan"):
        impor.baca(tmp_path / "tidak_ada.xlsx", "pilar", P_PILAR)


def test_jenis_tak_dikenal(data, tmp_path):
    with pytest.raises(ImporError, match="Jenis 'pkh' tidak dikenal"):
        impor.baca(tmp_path / "x.xlsx", "pkh", P_PILAR)


def test_bom_zip_yang_berbohong_tentang_ukurannya(data, tmp_path, monkeypatch):
    # A zip directory that declares small sizes: the real unpacked bytes are counted while reading.
    from pilar.impor import dasar, wadah

    path = K.xlsx_mentah(tmp_path / "sedang.xlsx", {"Data": rows_pilar()}, bagian_lain={"xl/media/a.bin": b"a" * 500_000})
    monkeypatch.setattr(dasar, "MAKS_TERURAI", 400_000)
    monkeypatch.setattr(wadah, "_periksa_ukuran", lambda nama, infos: None)  # as if the directory lied
    with pytest.raises(ImporError, match="isinya melebihi 0 MB bila dibuka; berkas seperti ini \\(bom zip\\)"):
        impor.baca(path, "pilar", P_PILAR)
