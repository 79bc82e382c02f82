"""The Profil page: one unit's figures with province value and rank, from the profile builder."""
import pytest

from browser.expected import sheet_names
from pilar import lembar, profil


@pytest.fixture(autouse=True)
def audiens(tmp_path, monkeypatch):
    """Audience pages go to a temporary folder, not the repository's static/."""
    monkeypatch.setenv("PILAR_AUDIENS", str(tmp_path))
    return tmp_path


def _teks(at) -> str:
    return " ".join(str(x.value) for x in [*at.markdown, *at.caption, *at.metric, *at.subheader, *at.text])


def test_profile_page_shows_the_selected_unit_with_every_row(buka):
    at = buka("pages/3_Profil.py", kab="6371")
    pr = profil.susun(6371)
    assert pr.nama in _teks(at)
    df = at.dataframe[0].value
    assert list(df.iloc[:, 0]) == [b.label for b in pr.baris]
    assert list(df.iloc[:, 1]) == [b.teks for b in pr.baris]
    assert list(df.iloc[:, 6]) == [b.peringkat_teks for b in pr.baris]
    assert {m.label: m.value for m in at.metric} == {b.label: b.teks for b in pr.baris[:8]}
    assert all(s in _teks(at) for s in pr.proyeksi_teks + pr.sumber)


def test_several_units_selected_show_the_province(buka):
    at = buka("pages/3_Profil.py", kab="6371,6372")
    assert profil.susun(None).nama in _teks(at)


def test_choosing_a_unit_on_the_page_sets_the_filter(buka):
    at = buka("pages/3_Profil.py")
    at.selectbox(key="_profil_wilayah").set_value(6372).run()
    assert not at.exception
    assert at.session_state["kab"] == [6372]
    assert profil.susun(6372).nama in _teks(at)


def test_home_and_map_link_to_the_profile_and_offer_the_fact_sheet(buka):
    at = buka("dashboard.py", kab="6371")
    nama = profil.susun(6371).nama
    assert any(x.proto.page == "Profil" and nama in x.proto.label for x in at.get("page_link"))
    tombol = [x for x in at.get("download_button") if x.proto.label == "Unduh lembar fakta (PDF)"]
    assert len(tombol) == 1
    at = buka("pages/1_Peta.py", kab="6371")
    assert any(x.proto.page == "Profil" and nama in x.proto.label for x in at.get("page_link"))


def test_profile_page_writes_the_audience_pages(buka, audiens, fixture_db_path):
    buka("pages/3_Profil.py", kab="6371")
    lembar.tunggu_latar()
    assert {p.name for p in audiens.glob("*.html")} == {f"{n}.html" for n in sheet_names(fixture_db_path)}


def test_profile_page_in_english(buka):
    at = buka("pages/3_Profil.py", kab="6372", lang="en")
    pr = profil.susun(6372, None, "en")
    assert pr.nama in _teks(at) and pr.periode in _teks(at)
    assert list(at.dataframe[0].value.iloc[:, 1]) == [b.teks for b in pr.baris]
