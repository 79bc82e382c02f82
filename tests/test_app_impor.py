"""The admin import page and what an import changes on the pages (AppTest; uploads themselves are
driven in the browser test, AppTest cannot use a file uploader)."""
import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import impor_korpus as kor
from conftest import buka_app
from pilar import impor

PAGE = "pages/6_Impor.py"


@pytest.fixture()
def data(tmp_path, real_db_path, monkeypatch):
    return kor.siapkan_data(tmp_path, real_db_path, monkeypatch)


def masuk(at):
    at.text_input(key="admin_sandi_input").input("uji")
    at.button[0].click().run()
    assert not at.exception
    return at


def satu_unit(tmp_path, kode=6371, periode="2025-12-31"):
    """Banjarmasin's own sheet for a new quarter: one row, all seven pillars."""
    path = kor.xlsx(tmp_path / "banjarmasin.xlsx", {"Rekap": kor.rows_pilar(kode=[kode])})
    return impor.terapkan(impor.baca(path, "pilar", periode))


def test_no_page_content_without_the_admin(data, monkeypatch):
    monkeypatch.delenv("PILAR_ADMIN_SANDI", raising=False)
    at = buka_app(PAGE)
    assert any("PILAR_ADMIN_SANDI" in i.value for i in at.info) and not at.get("download_button")
    monkeypatch.setenv("PILAR_ADMIN_SANDI", "uji")
    at = buka_app(PAGE)
    assert any("masuk" in i.value for i in at.info) and not at.get("download_button")
    assert not any("Impor data" in link.proto.label for link in at.get("page_link"))  # not linked


def test_admin_sees_templates_and_history_and_can_undo(data, tmp_path, monkeypatch):
    monkeypatch.setenv("PILAR_ADMIN_SANDI", "uji")
    nomor = satu_unit(tmp_path)
    waktu = impor.riwayat()["waktu"].iloc[0]
    at = masuk(buka_app(PAGE))
    assert any("Impor data" in link.proto.label for link in at.get("page_link"))
    assert len(at.get("download_button")) == 2  # the two templates
    history = at.dataframe[-1].value
    assert history["No."].tolist() == [str(nomor)] and history["Status"].tolist() == ["aktif"]
    # the stored time (ISO, the machine's zone) in the office's zone, computed here independently
    lokal = dt.datetime.fromisoformat(waktu).astimezone(ZoneInfo("Asia/Makassar"))
    bulan = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
             "November", "Desember"][lokal.month - 1]
    assert history["Waktu"].tolist() == [f"{lokal.day} {bulan} {lokal.year} {lokal:%H}.{lokal:%M} WITA"]
    at.checkbox(key="impor_batal_yakin").check().run()
    at.button(key="impor_batal").click().run()
    assert not at.exception
    # the same run already shows the new state: the history says so and nothing is left to undo
    assert at.dataframe[-1].value["Status"].tolist() == ["dibatalkan"]
    assert not [b for b in at.button if b.key == "impor_batal"]
    assert not [s for s in at.selectbox if s.key == "impor_batal_id"]
    assert [s.value for s in at.success] == [
        f"Impor #{nomor} dibatalkan. Yang berlaku lagi untuk angka-angkanya: tidak ada angka lagi untuk periode "
        "31 Desember 2025: 7 angka."]
    assert impor.riwayat()["status"].tolist() == ["dibatalkan"]


def test_undo_names_the_earlier_import_in_force_again(data, tmp_path, monkeypatch):
    monkeypatch.setenv("PILAR_ADMIN_SANDI", "uji")
    pertama = satu_unit(tmp_path)
    rows = kor.rows_pilar(kode=[6371])
    rows[1][2] += 1  # Banjarmasin's LKS corrected in a second sheet
    path = kor.xlsx(tmp_path / "koreksi.xlsx", {"Rekap": rows})
    kedua = impor.terapkan(impor.baca(path, "pilar", "2025-12-31"), ganti=True)
    at = masuk(buka_app(PAGE))
    assert at.selectbox(key="impor_batal_id").options == [str(pertama), str(kedua)]
    assert at.dataframe[-1].value["Status"].tolist() == ["diganti", "aktif"]
    at.selectbox(key="impor_batal_id").set_value(kedua).run()
    at.checkbox(key="impor_batal_yakin").check().run()
    at.button(key="impor_batal").click().run()
    assert not at.exception
    assert at.dataframe[-1].value["Status"].tolist() == ["aktif", "dibatalkan"]
    assert at.selectbox(key="impor_batal_id").options == [str(pertama)]
    assert at.checkbox(key="impor_batal_yakin").value is False  # a fresh confirmation for the next undo
    assert [s.value for s in at.success] == [
        f"Impor #{kedua} dibatalkan. Yang berlaku lagi untuk angka-angkanya: impor #{pertama} (banjarmasin.xlsx): "
        "7 angka."]


def test_submissions_per_period_name_who_reported_and_far_figures(data, tmp_path, monkeypatch):
    monkeypatch.setenv("PILAR_ADMIN_SANDI", "uji")
    satu_unit(tmp_path, kode=6371)
    satu_unit(tmp_path, kode=6309)
    at = masuk(buka_app(PAGE))
    tabel = next(d.value for d in at.dataframe if "Laporan" in d.value.columns)
    sudah = tabel[tabel["Laporan"] == "sudah"]
    assert sudah["Kabupaten/kota"].tolist() == ["Kabupaten Tabalong", "Kota Banjarmasin"]
    assert (tabel["Laporan"] == "belum").sum() == 11
    assert any("2 dari 13 kabupaten/kota sudah melapor, 11 belum" in c.value for c in at.caption)
    # Banjarmasin's last LKS (2025-09-23, data/sources/pilar.csv) against the sheet's: far apart, flagged
    lalu = next(int(b.split(",")[3]) for b in (data / "sources" / "pilar.csv").read_text().splitlines()
                if b.startswith("6371,lks,2025-09-23,"))
    baru = kor.nilai_pilar(6371, 0)
    assert abs(baru - lalu) >= 0.5 * lalu  # the corpus' figure is far from it
    jauh = tabel.set_index("Kabupaten/kota").loc["Kota Banjarmasin", "Jauh dari periode sebelumnya"]
    assert f"LKS {baru} (periode sebelumnya 2025-09-23: {lalu})" in jauh
    assert any("Kota Banjarmasin" in w.value for w in at.warning)


def test_a_unit_that_has_not_reported_keeps_its_older_figure_marked(data, tmp_path):
    satu_unit(tmp_path, kode=6371, periode="2025-12-31")
    at = buka_app("dashboard.py")
    box = at.selectbox(key="_kuartal")
    assert box.options[1] == "triwulan 4 2025"  # the new period is selectable, and the latest
    assert "triwulan 3 2025" in box.options  # the old one is still there
    notes = [i.value for i in at.info if "sebelumnya" in i.value]
    # 12 units have not reported for 2025-Q4: their 23 September 2025 figures are shown, named
    assert len(notes) == 1 and "Tanah Laut (23 September 2025)" in notes[0] and "Banjarmasin" not in notes[0]
    at = buka_app("dashboard.py", periode="2025-Q3")
    assert not any("sebelumnya" in i.value for i in at.info)


def test_reported_graduations_are_set_against_the_projection(data, tmp_path):
    rows = [["Kode", "Kabupaten/Kota", "KPM PKH", "Graduasi"]]
    rows += [[k, n, 1000 + i, 10 + i] for i, (k, n) in enumerate(kor.UNITS)]
    path = kor.xlsx(tmp_path / "kpm.xlsx", {"KPM": rows})
    impor.terapkan(impor.baca(path, "kpm", "2025-Q4"))
    at = buka_app(PAGE.replace("6_Impor", "4_Proyeksi"))
    table = next(d.value for d in at.dataframe if "Graduasi dilaporkan" in d.value.columns)
    graduasi = sum(10 + i for i in range(13))
    pendamping = 385  # the forum's pendamping, the latest up to 2025-Q4
    assert table["Triwulan"].tolist() == ["triwulan 4 2025"]
    assert table["Graduasi dilaporkan"].tolist() == [graduasi]
    assert table["Harapan pada g = 10"].tolist() == [10 * pendamping / 4]
    assert table["Realisasi ÷ harapan"].iloc[0] == pytest.approx(graduasi / (10 * pendamping / 4))
