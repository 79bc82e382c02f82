"""The Profil page: one unit's figures with province value and rank, from the profile builder."""
from pilar import lembar, profil


def _teks(at) -> str:
    return " ".join(str(x.value) for x in [*at.markdown, *at.caption, *at.metric, *at.subheader])


def test_profile_page_shows_the_selected_unit_with_every_row(buka):
    at = buka("pages/3_Profil.py", kab="6371")
    pr = profil.susun(6371)
    assert pr.nama in _teks(at)
    df = at.dataframe[0].value
    assert list(df.iloc[:, 0]) == [b.label for b in pr.baris]
    assert list(df.iloc[:, 1]) == [b.teks for b in pr.baris]
    assert list(df.iloc[:, 6]) == [b.peringkat_teks for b in pr.baris]
    assert {m.label: m.value for m in at.metric} == {b.label: b.teks for b in pr.baris[:8]}
    assert any(pr.proyeksi_teks[0] in m.value for m in at.markdown)


def test_several_units_selected_show_the_province(buka):
    at = buka("pages/3_Profil.py", kab="6371,6372")
    assert profil.susun(None).nama in _teks(at)


def test_choosing_a_unit_on_the_page_sets_the_filter(buka):
    at = buka("pages/3_Profil.py")
    at.selectbox(key="_profil_wilayah").set_value(6372).run()
    assert not at.exception
    assert at.session_state["kab"] == [6372]
    assert profil.susun(6372).nama in _teks(at)
