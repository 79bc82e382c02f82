"""The admin import page and what an import changes on the pages (AppTest; uploads themselves are
driven in the browser test, AppTest cannot use a file uploader)."""
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
    at = masuk(buka_app(PAGE))
    assert any("Impor data" in link.proto.label for link in at.get("page_link"))
    assert len(at.get("download_button")) == 2  # the two templates
    history = at.dataframe[-1].value
    assert history["No."].tolist() == [nomor] and history["Status"].tolist() == ["aktif"]
    at.checkbox(key="impor_batal_yakin").check().run()
    at.button(key="impor_batal").click().run()
    assert not at.exception
    assert any(f"#{nomor}" in s.value for s in at.success)
    assert impor.riwayat()["status"].tolist() == ["dibatalkan"]


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
