"""AppTest of the Proyeksi page on the fixture database.

Fixture units: 6301 (2.000 KPM, 8 pendamping), 6371 (12.000, 50), 6372 (4.000, 15; both estimasi).
Expected numbers come from ``ref`` below, a plain re-statement of the issue's model that does not
use pilar.proyeksi.
"""
import json

import pytest

from pilar import format as fmt

PAGE = "pages/4_Proyeksi.py"
UNITS = {6301: (2000, 8), 6371: (12000, 50), 6372: (4000, 15)}


def ref(kode, H, g=10, dp=0.0, masuk=0.0, keluar=0.0, p0=None, ganti=False):
    """Per year sums (K, G, cumulative G, P) of per-unit projections, in plain Python."""
    ks = [UNITS[k][0] for k in kode]
    ps = list(p0) if p0 is not None else [UNITS[k][1] for k in kode]
    tot = sum(ks)
    out = [(sum(ks), 0.0, 0.0, sum(ps))]
    cum = 0.0
    for _ in range(H):
        gs = [min(g * p, k) for k, p in zip(ks, ps)]
        ks = [k - gr - keluar * (k - gr) + masuk * k0 / tot + (gr if ganti else 0)
              for k, gr, k0 in zip(ks, gs, [UNITS[c][0] for c in kode])]
        ps = [max(0.0, p + dp * UNITS[c][0] / tot) for p, c in zip(ps, kode)]
        cum += sum(gs)
        out.append((sum(ks), sum(gs), cum, sum(ps)))
    return out


def ref_p_needed(k0, g, share, years):
    """Smallest constant pendamping by counting up (no bisection), one unit, no flows."""
    p = 0
    while True:
        k, cum = k0, 0
        for _ in range(years):
            gr = min(g * p, k)
            k, cum = k - gr, cum + gr
        if cum >= share * k0:
            return p
        p += 1


@pytest.fixture()
def app(buka):
    return lambda **params: buka(PAGE, jalankan=False, **params)


def metrics(at):
    return {m.label: m.value for m in at.metric}


def banding(at):
    """The side-by-side table: {figure: {scenario: text}}."""
    df = at.dataframe[0].value
    return {r.iloc[0]: dict(zip(df.columns[1:], r.iloc[1:])) for _, r in df.iterrows()}


def charts(at):
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def test_whole_province_default_scenarios(app):
    at = app().run()
    assert not at.exception
    m = metrics(at)
    assert m["KPM PKH triwulan 2 2022, K(0)"] == "18.000" and m["Pendamping PKH, P(0)"] == "73"
    assert m["Graduasi/tahun (g = 10)"] == "730"

    b = banding(at)
    # fixture reference values: Kemensos' minimum 10, the 2025 realisation 2,5 (F01)
    names = ["Target Kemensos: 10/pendamping (tanpa pengganti)", "Realisasi 2025: ≈ 2,5/pendamping (tanpa pengganti)",
             "Target Kemensos: 10/pendamping (kuota tetap, lulusan diganti KPM baru)"]
    assert list(b["Graduasi tahun pertama"]) == names
    kode = [6301, 6371, 6372]
    r1, r2, r3 = ref(kode, 10), ref(kode, 10, g=2.5), ref(kode, 10, ganti=True)
    assert b["Tergraduasi dalam 10 tahun"][names[0]] == fmt.angka(r1[10][2]) == "7.300"
    assert b["KPM aktif setelah 10 tahun"][names[0]] == fmt.angka(r1[10][0])
    assert b["Tergraduasi dalam 10 tahun"][names[1]] == fmt.angka(r2[10][2]) == "1.825"
    # a fixed quota: every graduate's place is taken, the caseload stays
    assert b["KPM aktif setelah 10 tahun"][names[2]] == fmt.angka(r3[10][0]) == "18.000"
    assert b["Tergraduasi dalam 10 tahun"][names[2]] == fmt.angka(r3[10][2]) == "7.300"
    assert not any(k.startswith("KPM aktif turun") for k in b)  # no target was chosen, none is shown

    # charts: K(t) per scenario, cumulative graduates, KPM per pendamping with the 250-350 band
    c = charts(at)
    assert len(c) == 3
    assert all(f["layout"]["separators"] == ",." for f in c)
    assert [tr["name"] for tr in c[0]["data"]] == names
    assert c[0]["data"][0]["y"] == pytest.approx([r[0] for r in r1])
    assert c[1]["data"][1]["y"] == pytest.approx([r[2] for r in r2])
    band = c[2]["layout"]["shapes"][0]
    assert (band["y0"], band["y1"]) == (250, 350)
    # defaults and their sources are on the page; the URL holds the whole scenario
    assert any("F01" in md.value and "| Target Kemensos | 10 |" in md.value for md in at.markdown)
    assert at.query_params["g"] == "10" and at.query_params["g2"] == "2.5" and at.query_params["ganti3"] == "1"
    assert at.query_params["target"] == "0" and any("Isi target" in i.value for i in at.info)
    assert at.query_params["H"] == "10" and "kab" not in at.query_params
    # like with like: the same "years to clear the caseload" nationally, 10.000.000 / 330.000
    assert any("**30,3 tahun**" in md.value for md in at.markdown)


def test_filter_and_url_scenario(app):
    at = app(kab="6372", H="3", sk="1", g="20", dp="5", masuk="100", keluar="0.1").run()
    assert not at.exception
    m = metrics(at)
    assert m["KPM PKH triwulan 2 2022, K(0)"] == "4.000" and m["Pendamping PKH, P(0)"] == "15"
    assert m["Graduasi/tahun (g = 20)"] == "300"
    assert any("estimasi" in w.value for w in at.warning)
    assert any(":orange-badge[estimasi]" in md.value for md in at.markdown)

    r = ref([6372], 3, g=20, dp=5, masuk=100, keluar=0.1)
    # by hand: K1 = 4000 - 300 - 370 + 100 = 3430; P1 = 20; G1 = 400; ...
    assert r[1][0] == pytest.approx(3430)
    b = banding(at)
    (name,) = b["Pendamping awal"]
    assert name == "Tambah 5 pendamping/tahun (g = 20; +100 KPM baru/tahun; keluar lain 10,0%/tahun; tanpa pengganti)"
    assert b["Tergraduasi dalam 3 tahun"][name] == fmt.angka(r[3][2]) == "1.200"  # 300 + 400 + 500
    assert b["KPM aktif setelah 3 tahun"][name] == fmt.angka(r[3][0])
    assert b["KPM per pendamping tahun ke-3"][name] == fmt.angka(r[3][0] / r[3][3], desimal=1)
    unit = at.dataframe[1].value
    assert unit["Kabupaten/kota"].tolist() == ["Banjarbaru"]
    assert unit["KPM awal"].tolist() == ["4.000 *"] and unit["Pendamping awal"].tolist() == ["15 *"]
    assert len(charts(at)) == 3 and len(charts(at)[0]["data"]) == 1
    # the filter and the scenario stay in the URL
    assert at.query_params["kab"] == "6372" and at.query_params["g"] == "20"
    assert at.query_params["keluar"] == "0.1" and at.query_params["sk"] == "1" and "g2" not in at.query_params


def test_what_it_takes_for_two_units(app):
    at = app(kab="6301,6371", target="50", dalam="3", D="5").run()
    assert not at.exception
    m = metrics(at)
    need = {k: ref_p_needed(UNITS[k][0], 10, 0.5, 3) for k in (6301, 6371)}
    assert need == {6301: 34, 6371: 200}
    assert m["Pendamping dibutuhkan (g = 10)"] == fmt.angka(sum(need.values()))
    assert m["Selisih dari pendamping sekarang"] == "+176"  # 234 - (8 + 50)
    # g at current pendamping: 3 * 8 * g >= 1000 -> 42; 3 * 50 * g >= 6000 -> 40; every unit: 42
    assert m["g dibutuhkan (pendamping sekarang)"] == "42"
    # the duration lens with D = 5: 14.000 / 5 = 2.800 needed against 580 delivered
    assert m["Dibutuhkan di tahun 1"] == "2.800"
    assert m["Diberikan g·P sekarang"] == "580"
    assert m["Pendamping penutup celah"] == "280"
    assert m["g penutup celah"] == fmt.angka(14000 / (5 * 58), desimal=1) == "48,3"
    # the 3-to-5-year aspiration: the same exact solver for each horizon
    rentang = next(d.value for d in at.dataframe if "Dalam (tahun)" in d.value.columns)
    assert rentang["Dalam (tahun)"].tolist() == ["3", "4", "5"]
    assert rentang["Pendamping dibutuhkan"].tolist() == [
        fmt.angka(sum(ref_p_needed(UNITS[k][0], 10, 0.5, y) for k in (6301, 6371))) for y in (3, 4, 5)]
    per_unit = at.dataframe[-1].value
    assert per_unit["Pendamping dibutuhkan"].tolist() == ["34", "200"]
    assert per_unit["g dibutuhkan"].tolist() == ["42", "40"]


def test_changing_an_input_updates_numbers_and_url(app):
    at = app(kab="6371", sk="1").run()
    at.text_input(key="_proy_g").input("15").run()
    assert not at.exception
    assert at.query_params["g"] == "15"
    assert metrics(at)["Graduasi/tahun (g = 15)"] == "750"
    at.slider(key="_proy_H").set_value(4).run()
    assert at.query_params["H"] == "4"
    assert banding(at)["Tergraduasi dalam 4 tahun"]["15 graduasi/pendamping (tanpa pengganti)"] == "3.000"
    at.text_input(key="_proy_keluar").input("2,5").run()  # typed as an Indonesian reader writes it
    assert at.query_params["keluar"] == "0.025"
    assert at.text_input(key="_proy_keluar").value == "2,5"


@pytest.mark.parametrize("ketik, pesan", [("2.5", "Bukan angka yang terbaca; tulis misalnya 2,5."),
                                          ("2.000", "Di luar rentang 0–1.000; nilai tidak diubah.")])
def test_a_bad_number_is_one_message_and_changes_nothing(app, ketik, pesan):
    at = app(kab="6371", sk="1").run()
    url = dict(at.query_params)
    at.text_input(key="_proy_g").input(ketik).run()
    assert not at.exception
    assert [e.value for e in at.error] == [pesan + (" Nilai tidak diubah." if "terbaca" in pesan else "")]
    assert dict(at.query_params) == url and at.text_input(key="_proy_g").value == "10"


def test_english_and_bad_url_values(app):
    at = app(lang="en", H="99", g="-5").run()
    assert not at.exception
    m = metrics(at)
    assert m["PKH families quarter 2, 2022, K(0)"] == "18,000"
    shown = [w.value.replace("\\", "") for w in at.warning]  # URL text is escaped, so it stays text
    assert any("H=99" in w and "g=-5" in w for w in shown)
    assert at.query_params["H"] == "10" and at.query_params["g"] == "10"
    assert "Kemensos target: 10/facilitator (no replacement)" in banding(at)["Graduations in year one"]
    assert charts(at)[0]["layout"]["separators"] == ".,"


def test_filter_from_home_page_carries_over(buka):
    at = buka(PAGE, kab="6301")
    assert metrics(at)["KPM PKH triwulan 2 2022, K(0)"] == "2.000"
    assert at.query_params["kab"] == "6301"
    assert metrics(at)["KPM per pendamping"] == "250,0"
