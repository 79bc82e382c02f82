"""Sheets as the kabupaten/kota offices really write them (all generated here): title rows, a 'No.' column,
two-row headers under 'Pilar Sosial', the row of column numbers, '-' for nil, numbers as text '1.263',
subtotals per group, a JUMLAH row, footnotes and the signature block; a cover sheet; a misspelt unit.
Each is read back value by value, or refused with messages naming sheet, row and column, the data folder
unchanged."""
from __future__ import annotations

import subprocess
import sys

import pytest
from openpyxl.utils import range_boundaries

import impor_korpus as K
from conftest import ROOT
from impor_korpus import JUDUL, PILAR, UNITS
from pilar import impor
from pilar.impor import ImporError

PERIODE = "2025-12-31"
NAMA = {6301: "Kab. Tanah Laut", 6302: "Kab. Kotabaru", 6303: "Kab. Banjar", 6304: "Kab. Barito Kuala",
        6305: "Kab. Tapin", 6306: "Kab. Hulu Sungai Selatan", 6307: "Kab. Hulu Sungai Tengah",
        6308: "Kab. Hulu Sungai Utara", 6309: "Kab. Tabalong", 6310: "Kab. Tanah Bumbu", 6311: "Kab. Balangan",
        6371: "Kota Banjarmasin", 6372: "Kota Banjarbaru"}
KAB = [k for k, _ in UNITS if k < 6370]
KOTA = [6371, 6372]
NIHIL = (6305, 2)  # Tapin's PSM is written '-'


@pytest.fixture()
def data(tmp_path, real_db_path, monkeypatch):
    return K.siapkan_data(tmp_path, real_db_path, monkeypatch)


def nilai(kode: int, i: int) -> int:
    return 0 if (kode, i) == NIHIL else (kode % 100) * 100 + 7 * i + 3


def tulis(n: int) -> str:
    """As an office types a count: '1.263' with the Indonesian thousands dot; '-' for nil."""
    return "-" if n == 0 else f"{n:,}".replace(",", ".")


def sel(kode: int) -> list:
    return [tulis(nilai(kode, i)) for i in range(7)]


def jumlah(kode: list[int]) -> list[str]:
    return [tulis(sum(nilai(k, i) for k in kode)) for i in range(7)]


def harapan(kode: list[int]) -> dict[tuple[int, str], int]:
    return {(k, PILAR[i]): nilai(k, i) for k in kode for i in range(7)}


def rekap_provinsi(**ubah) -> tuple[list[list], list[str]]:
    """All 13 units: 11 kabupaten, 'Jumlah Kabupaten', 2 kota, 'Jumlah Kota', 'JUMLAH', then the footer."""
    bawah = [[None, "Jumlah Kabupaten", *ubah.get("kab", jumlah(KAB))]]
    bawah += [[i, NAMA[k], *sel(k)] for i, k in enumerate(KOTA, len(KAB) + 1)]
    bawah += [[None, "Jumlah Kota", *ubah.get("kota", jumlah(KOTA))],
              [None, "JUMLAH", *ubah.get("semua", jumlah(KAB + KOTA))]]
    return K.rows_kantor([(NAMA[k], sel(k)) for k in KAB], bawah=bawah, **ubah.get("kw", {}))


def berkas(tmp, fmt: str, rows: list[list], gabung: list[str], nama="kantor", lembar="Rekap", lain=None):
    lembar_ = {**(lain or {}), lembar: rows}
    if fmt == "xlsx":
        return K.xlsx(tmp / f"{nama}.xlsx", lembar_, {lembar: gabung})
    if fmt == "xls":
        pasang = [(r0 - 1, r1 - 1, c0 - 1, c1 - 1) for c0, r0, c1, r1 in map(range_boundaries, gabung)]
        return K.xls(tmp / f"{nama}.xls", lembar_, {lembar: pasang})
    if fmt == "ods":  # the title merged over the first row; 'Pilar Sosial' written once, as LibreOffice keeps it
        return K.ods(tmp / f"{nama}.ods", lembar_, judul_gabung=10)
    return K.csv_(tmp / f"{nama}.csv", rows, ";")


def baris_ke(rows: list[list], teks: str) -> int:
    """The spreadsheet row (1-based) of the first row holding ``teks``: computed from the fixture itself."""
    return next(r for r, row in enumerate(rows, 1) if teks in row)


# ---------------------------------------------------------------- accepted

@pytest.mark.parametrize("fmt", ["xlsx", "xls", "ods", "csv"])
def test_rekap_kantor_dengan_tanda_tangan_diterima_dan_angkanya_sama(data, tmp_path, fmt):
    rows, gabung = rekap_provinsi()
    r = impor.baca(berkas(tmp_path, fmt, rows, gabung), "pilar", PERIODE)
    assert r.nilai == harapan(KAB + KOTA)
    assert r.baris_judul == 5  # the second header row, under 'Pilar Sosial'
    assert list(r.kolom) == list(PILAR)
    dilewati = "\n".join(r.baris_diabaikan)
    lembar = "" if fmt == "csv" else ", lembar 'Rekap'"
    for teks in ("Sumber: Dinas Sosial Kabupaten Tabalong", "Keterangan: - = nihil", *[x for x in K.TTD if x]):
        assert f"{lembar}, baris {baris_ke(rows, teks)} ('{teks}'): bukan baris data" in dilewati, teks
    assert f"{lembar}, baris 6: nomor kolom ('(1)' ...), diabaikan" in dilewati
    assert f"{lembar}, baris 1 s.d. 4 (" in dilewati  # title rows above the header
    # Tapin's PSM '-' is nil, and said so: row of Tapin, column E (PSM)
    assert r.nihil == [f"kantor.{fmt}{lembar}, baris {baris_ke(rows, NAMA[6305])}, kolom E (PSM)"]
    assert r.konfirmasi and not any("judul lembar" in k for k in r.konfirmasi)  # the title says TW IV 2025


def test_rekap_satu_kabupaten_ttd_di_kolom_lain_dan_tanpa_nomor_kolom(data, tmp_path):
    rows, gabung = K.rows_kantor([("Kabupaten Tabalong", sel(6309))], nomor_kolom=False, ttd_kolom=1)
    r = impor.baca(K.xlsx(tmp_path / "tabalong.xlsx", {"Rekap": rows}, {"Rekap": gabung}), "pilar", PERIODE)
    assert r.nilai == harapan([6309]) and r.nihil == []
    assert "NIP. 19680101 199003 1 005" in "\n".join(r.baris_diabaikan)  # the signing official's NIP: ignored


def test_sampul_dilewati_dan_lembar_disebut(data, tmp_path):
    rows, gabung = rekap_provinsi()
    sampul = {"Sampul": [["LAPORAN TRIWULAN"], ["DINAS SOSIAL PROVINSI KALIMANTAN SELATAN"], ["Tahun 2025"]]}
    path = berkas(tmp_path, "xlsx", rows, gabung, lain=sampul)
    r = impor.baca(path, "pilar", PERIODE)
    assert r.lembar == "Rekap" and r.lembar_semua == ["Sampul", "Rekap"] and r.lembar_otomatis
    assert "lembar 'Rekap' (ditemukan sendiri; lembar lain: 'Sampul')" in r.ringkasan()
    r = impor.baca(path, "pilar", PERIODE, "Rekap")
    assert "lembar 'Rekap' (dipilih; lembar lain: 'Sampul')" in r.ringkasan() and r.nilai == harapan(KAB + KOTA)


def test_dua_lembar_data_minta_dipilih_dengan_daftar_lembar(data, tmp_path):
    rows, gabung = rekap_provinsi()
    path = K.xlsx(tmp_path / "dua.xlsx", {"Sampul": [["Laporan"]], "TW3": rows, "TW4": rows},
                  {"TW3": gabung, "TW4": gabung})
    with pytest.raises(ImporError) as e:
        impor.baca(path, "pilar", PERIODE)
    assert e.value.lembar == ["Sampul", "TW3", "TW4"]
    assert e.value.pesan == ["dua.xlsx: ada beberapa lembar data ('TW3', 'TW4'); pilih satu (halaman Impor: pilihan "
                             "Lembar; CLI: --sheet)"]
    assert impor.baca(path, "pilar", PERIODE, "TW4").lembar == "TW4"


def test_periode_di_judul_berbeda_adalah_peringatan_yang_menyebut_keduanya(data, tmp_path):
    rows, gabung = rekap_provinsi(kw={"judul": "TRIWULAN III TAHUN 2024"})
    r = impor.baca(berkas(tmp_path, "xlsx", rows, gabung), "pilar", PERIODE)
    assert r.nilai == harapan(KAB + KOTA)
    assert r.konfirmasi[0] == ("kantor.xlsx, lembar 'Rekap', baris 2, kolom A: judul lembar menyebut triwulan III "
                               "tahun 2024 ('DINAS SOSIAL KABUPATEN/KOTA TRIWULAN III TAHUN 2024'), tetapi periode "
                               "yang dipilih 2025-12-31 (triwulan IV tahun 2025); pastikan periodenya benar")


def test_angka_jauh_dari_periode_sebelumnya_perlu_dipastikan(data, tmp_path):
    lalu = {int(b.split(",")[0]): int(b.split(",")[3]) for b in (data / "sources" / "pilar.csv").read_text().splitlines()
            if ",lks,2025-09-23," in b}
    dekat = {k: lalu[k] + 1 for k in lalu}  # one more than last quarter: no warning
    jauh = {**dekat, 6309: lalu[6309] * 3}  # Tabalong tripled: a warning to confirm
    rows = [["Kabupaten/Kota", "LKS"], *[[NAMA[k], jauh[k]] for k in sorted(jauh)]]
    r = impor.baca(K.xlsx(tmp_path / "lks.xlsx", {"Data": rows}), "pilar", PERIODE)
    baris = sorted(jauh).index(6309) + 2
    assert r.konfirmasi == [f"Kabupaten Tabalong LKS {jauh[6309]} (baris {baris}): periode sebelumnya (2025-09-23) "
                            f"{lalu[6309]}, berubah +200% (batas 50%); pastikan angkanya benar"]


# ---------------------------------------------------------------- refused, naming the cell

def ditolak(path, data, **kw) -> ImporError:
    sebelum = K.snapshot(data)
    with pytest.raises(ImporError) as e:
        impor.baca(path, "pilar", PERIODE, **kw)
    assert K.snapshot(data) == sebelum
    return e.value


def test_nama_salah_ketik_disarankan_dan_bisa_diterima(data, tmp_path):
    rows, gabung = rekap_provinsi()
    r_tab = baris_ke(rows, NAMA[6309])
    rows[r_tab - 1][1] = "Kab. Tabalung"
    path = berkas(tmp_path, "xlsx", rows, gabung)
    e = ditolak(path, data)
    # one message only: the signature, footnotes, totals and column numbers around it are not problems
    assert e.pesan == [f"kantor.xlsx, lembar 'Rekap', baris {r_tab}, kolom B (Kabupaten/Kota): 'Kab. Tabalung': "
                       "maksudnya Kabupaten Tabalong? Nama ini bukan kabupaten/kota Kalimantan Selatan; perbaiki namanya, "
                       "atau terima sarannya (halaman Impor: tombol Terima; CLI: --cocokkan \"Kab. Tabalung=6309\")"]
    assert e.saran == {"Kab. Tabalung": 6309}
    r = impor.baca(path, "pilar", PERIODE, cocokkan={"Kab. Tabalung": 6309})
    assert r.nilai == harapan(KAB + KOTA) and r.cocokkan == {"Kab. Tabalung": 6309}


def test_nama_asing_tanpa_saran_dan_kode_asing(data, tmp_path):
    rows = [["Kode", "Kabupaten/Kota", "LKS"], [6305, "Kab. Tapin", 4], [None, "Kabupaten Bandung", 5],
            [3273, None, 6]]
    e = ditolak(K.xlsx(tmp_path / "asing.xlsx", {"Data": rows}), data)
    assert e.pesan == [
        "asing.xlsx, lembar 'Data', baris 3, kolom B (Kabupaten/Kota): 'Kabupaten Bandung' bukan kabupaten/kota "
        "Kalimantan Selatan; tulis nama atau kode BPS salah satu dari 13 kabupaten/kota (misalnya Kabupaten Tapin "
        "atau 6305)",
        "asing.xlsx, lembar 'Data', baris 4, kolom A (Kode): kode wilayah '3273' bukan kabupaten/kota Kalimantan "
        "Selatan; kode BPS Kalimantan Selatan adalah 6301 sampai 6311, 6371 dan 6372"]
    assert e.saran == {}


def test_angka_tanpa_wilayah_menyebut_kolom_wilayah(data, tmp_path):
    rows, gabung = K.rows_kantor([("Kabupaten Tabalong", sel(6309)), (None, sel(6301))])
    e = ditolak(K.xlsx(tmp_path / "tanpa.xlsx", {"Rekap": rows}, {"Rekap": gabung}), data)
    assert e.pesan == ["tanpa.xlsx, lembar 'Rekap', baris 8, kolom B (Kabupaten/Kota): kabupaten/kota kosong, padahal "
                       "baris ini berisi angka; tulis nama atau kode kabupaten/kota"]


@pytest.mark.parametrize("isi, pesan", [
    ("12,5", "'12,5' bukan bilangan bulat (koma adalah tanda desimal, titik pemisah ribuan: seribu dua ratus enam "
             "puluh tiga ditulis 1263 atau 1.263)"),
    (12.5, "12,5 bukan bilangan bulat; jumlah orang atau lembaga tidak berpecahan")])
def test_pecahan_ditolak_menyebut_sel(data, tmp_path, isi, pesan):
    rows, gabung = K.rows_kantor([("Kabupaten Tabalong", [*sel(6309)[:3], isi, *sel(6309)[4:]])])
    e = ditolak(K.xlsx(tmp_path / "pecahan.xlsx", {"Rekap": rows}, {"Rekap": gabung}), data)
    assert e.pesan == [f"pecahan.xlsx, lembar 'Rekap', baris 7, kolom F (Karang Taruna): {pesan}"]


def test_nol_desimal_diterima(data, tmp_path):
    rows, gabung = K.rows_kantor([("Kabupaten Tabalong", ["12,0", *sel(6309)[1:]])])
    r = impor.baca(K.xlsx(tmp_path / "nol.xlsx", {"Rekap": rows}, {"Rekap": gabung}), "pilar", PERIODE)
    assert r.nilai == {**harapan([6309]), (6309, "lks"): 12}


def test_jumlah_salah_menyebut_kedua_angka(data, tmp_path):
    benar = sum(nilai(k, 0) for k in KAB + KOTA)
    rows, gabung = rekap_provinsi(semua=[tulis(benar + 10), *jumlah(KAB + KOTA)[1:]])
    e = ditolak(berkas(tmp_path, "xlsx", rows, gabung), data)
    assert e.pesan == [f"kantor.xlsx, lembar 'Rekap', baris {baris_ke(rows, 'JUMLAH')}, kolom C (LKS): baris jumlah "
                       f"{tulis(benar + 10)} tidak sama dengan jumlah 13 baris kabupaten/kota di lembar ini, "
                       f"{tulis(benar)}; periksa angka atau rumus jumlahnya"]


def test_subtotal_diperiksa_terhadap_kelompoknya(data, tmp_path):
    kota = sum(nilai(k, 1) for k in KOTA)
    rows, gabung = rekap_provinsi(kota=[jumlah(KOTA)[0], tulis(kota + 1), *jumlah(KOTA)[2:]])
    e = ditolak(berkas(tmp_path, "xlsx", rows, gabung), data)
    assert e.pesan == [f"kantor.xlsx, lembar 'Rekap', baris {baris_ke(rows, 'Jumlah Kota')}, kolom D (TKSK): baris "
                       f"jumlah kota {tulis(kota + 1)} tidak sama dengan jumlah 2 baris kota di lembar ini, "
                       f"{tulis(kota)}; periksa angka atau rumus jumlahnya"]


def test_data_pribadi_tetap_ditolak_di_samping_tanda_tangan(data, tmp_path):
    rows, gabung = K.rows_kantor([("Kabupaten Tabalong", sel(6309))])
    penerima = [["NIK", "Nama", "Alamat"], ["6309012345678901", "Siti", "Jl. Mawar 1"]]
    e = ditolak(K.xlsx(tmp_path / "pribadi.xlsx", {"Rekap": rows, "Penerima": penerima}, {"Rekap": gabung}), data)
    assert len(e.pesan) == 1 and e.pesan[0].startswith("pribadi.xlsx, lembar 'Penerima': berisi data pribadi")
    assert "6309012345678901" not in e.pesan[0]


# ---------------------------------------------------------------- the CLI takes the suggestion

def test_cli_cocokkan_dan_yakin(data, tmp_path):
    rows, gabung = K.rows_kantor([("Kab. Tabalung", sel(6309))])
    path = K.xlsx(tmp_path / "tabalung.xlsx", {"Rekap": rows}, {"Rekap": gabung})
    jalan = [sys.executable, "-m", "pilar", "import", str(path), "--jenis", "pilar", "--periode", PERIODE]
    r = subprocess.run(jalan, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 1 and '--cocokkan "Kab. Tabalung=6309"' in r.stderr and "Traceback" not in r.stderr
    r = subprocess.run([*jalan, "--cocokkan", "Kab. Tabalung=6309", "--yakin"], cwd=ROOT, capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "Kab. Tabalung = 6309" in r.stdout and "Sel '-' dibaca 0" not in r.stdout
    assert {k: v[0] for k, v in K.angka_db(data / "pilar.duckdb", "pilar", PERIODE).items()} == harapan([6309])
    r = subprocess.run([*jalan, "--cocokkan", "Kab. Tabalung"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and "tulis NAMA=KODE" in r.stderr
