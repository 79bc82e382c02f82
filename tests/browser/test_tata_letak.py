"""Layout at projector and phone sizes: no chart's axis labels cut, hatched bars visible with a unit
selected, card labels and values whole, the sidebar out of the way on a phone."""
import pytest
from playwright.sync_api import expect

from browser.harness import wait_for_app, wait_for_charts
from browser.helpers import goto

UKURAN_LAYAR = [(1024, 768), (1280, 720), (1920, 1080)]
HALAMAN = [("/?kab=6371", 2), ("/Rasio?kab=6371", 6), ("/Peta?kab=6371", 1), ("/Proyeksi?kab=6371", 3),
           ("/Presentasi?kab=6371&slide=2", 1),
           ("/Presentasi?kab=6371&slide=3", 1), ("/Presentasi?kab=6371&slide=4", 1)]

# Every axis tick label (a map's colour bar too) and legend entry of every chart: its box, its chart's
# box (.main-svg) and the viewport.
_LABELS_JS = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].flatMap((el, i) => {
  const svg = el.querySelector('svg.main-svg').getBoundingClientRect();
  return [...el.querySelectorAll('g.xtick text, g.ytick text, g.colorbar text, g.legend text')]
    .filter(t => (t.textContent || '').trim())
    .map(t => { const b = t.getBoundingClientRect();
      return {chart: i, text: t.textContent, l: b.left, r: b.right, t: b.top, b: b.bottom,
              cl: svg.left, cr: svg.right, ct: svg.top, cb: svg.bottom, vw: window.innerWidth}; });
})"""


def clipped(labels, tol: float = 1.0) -> list[str]:
    """Labels whose box leaves their chart's box or the viewport's width."""
    out = []
    for x in labels:
        if (x["l"] < x["cl"] - tol or x["r"] > x["cr"] + tol or x["t"] < x["ct"] - tol or x["b"] > x["cb"] + tol
                or x["l"] < -tol or x["r"] > x["vw"] + tol):
            out.append(f"chart {x['chart']}: {x['text']!r} {x['l']:.0f}-{x['r']:.0f} in {x['cl']:.0f}-{x['cr']:.0f}")
    return out


@pytest.mark.parametrize("lebar,tinggi", UKURAN_LAYAR, ids=lambda v: str(v))
@pytest.mark.parametrize("path,grafik", HALAMAN, ids=[h[0] for h in HALAMAN])
def test_no_axis_label_is_cut(new_context, lebar, tinggi, path, grafik):
    page = new_context(viewport={"width": lebar, "height": tinggi}).new_page()
    goto(page, path)
    wait_for_charts(page, grafik)
    page.wait_for_timeout(300)  # plotly lays out again once the column has its final width
    labels = page.evaluate(_LABELS_JS)
    assert len({x["chart"] for x in labels}) >= grafik and any(x["text"] for x in labels)
    assert clipped(labels) == []


# The fill a bar shows: its own, or the background of the hatching pattern it points at.
_BAR_FILLS_JS = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')[0]
  .querySelectorAll('g.trace.bars g.point path')].map(p => {
    const fill = getComputedStyle(p).fill;
    const m = fill.match(/url\\("?#([^")]+)"?\\)/);
    if (!m) return {pola: false, fill, opacity: getComputedStyle(p).fillOpacity};
    const rect = document.getElementById(m[1]).querySelector('rect');
    return {pola: true, fill: rect ? rect.getAttribute('fill') : 'none',
            opacity: rect ? rect.getAttribute('fill-opacity') ?? '1' : '0'};
  })"""

TAK_TERLIHAT = {"none", "transparent", "rgb(255, 255, 255)", "white", "#ffffff", "rgba(0, 0, 0, 0)"}


def test_hatched_bars_have_a_visible_fill_with_a_unit_selected(page):
    goto(page, "/?kab=6371")
    wait_for_charts(page, 1)
    bars = page.evaluate(_BAR_FILLS_JS)
    assert len(bars) == 7 and any(b["pola"] for b in bars)  # Banjarmasin's estimated pillars are hatched
    for b in bars:
        assert b["fill"].replace(" ", "") not in {x.replace(" ", "") for x in TAK_TERLIHAT}, b
        assert float(b["opacity"]) > 0.5, b


_METRIC_JS = """() => [...document.querySelectorAll('[data-testid="stMetric"]')].map(m => {
  const cut = el => el && (el.scrollWidth > el.clientWidth + 1);
  const parts = [...m.querySelectorAll('[data-testid="stMetricLabel"] *, [data-testid="stMetricValue"] *')];
  return {label: m.querySelector('[data-testid="stMetricLabel"]').innerText, cut: parts.some(cut)};
})"""


@pytest.mark.parametrize("lebar,tinggi", UKURAN_LAYAR[:2], ids=lambda v: str(v))
def test_card_labels_and_values_are_whole(new_context, lebar, tinggi):
    page = new_context(viewport={"width": lebar, "height": tinggi}).new_page()
    goto(page, "/?kab=6371")
    cards = page.evaluate(_METRIC_JS)
    assert len(cards) == 8
    assert [c["label"] for c in cards if c["cut"]] == []


def test_phone_opens_with_the_sidebar_collapsed(new_context):
    page = new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True).new_page()
    goto(page, "/?kab=6371")
    wait_for_app(page)
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar).to_have_attribute("data-collapsed", "true")
    box = sidebar.bounding_box()
    assert box is None or box["x"] + box["width"] <= 0  # nothing of it over the content
    title = page.locator("h1").first.bounding_box()
    assert title and title["x"] >= 0 and title["x"] + title["width"] <= 390 + 1


def test_projector_sidebar_is_narrow_and_names_selected_units_whole(new_context):
    page = new_context(viewport={"width": 1024, "height": 768}).new_page()
    goto(page, "/?kab=6306,6371")
    assert page.get_by_test_id("stSidebar").bounding_box()["width"] <= 290
    chips = page.get_by_test_id("stSidebar").locator("[data-tag] > span")
    expect(chips).to_have_count(2)
    cut = chips.evaluate_all("els => els.filter(e => e.scrollWidth > e.clientWidth + 1"
                             " || e.getBoundingClientRect().right > e.parentElement.getBoundingClientRect().right + 1)"
                             ".map(e => e.innerText)")
    assert cut == [] and {c.inner_text().replace("\n", " ") for c in chips.all()} == {
        "Kabupaten Hulu Sungai Selatan", "Kota Banjarmasin"}
