"""What a newcomer saw (issue 21): estimate marks that say the right thing, the interface language in
widgets, the app's own words as text, and slide 5 whole above its bar at 1024x768.

Expected figures and statuses come from the database through the named queries (browser.expected),
never from the code under test.
"""
import csv
import io

import pytest
from playwright.sync_api import expect

from browser.expected import estimated, totals
from browser.harness import TIMEOUT_MS, wait_for_app
from browser.helpers import goto, id_number, metric, no_exception, open_select
from pilar import db

# Records every text the page draws on a canvas: the tables (glide data grid) draw their cells there,
# and their accessible copy holds the raw numbers, not what the reader sees.
_CATAT_KANVAS = """(() => { const asli = CanvasRenderingContext2D.prototype.fillText;
  window.__digambar = new Set();
  CanvasRenderingContext2D.prototype.fillText = function (teks, ...r) {
    window.__digambar.add(String(teks)); return asli.call(this, teks, ...r); }; })()"""


def _tanda(est: bool) -> str:
    return "*" if est else ""


def test_estimate_caption_in_english_keeps_its_star(page):
    goto(page, "/?kab=6371,6372&lang=en")
    caption = page.get_by_test_id("stCaptionContainer").filter(has_text="and hatching")
    expect(caption).to_have_text("* and hatching = estimate figure.")
    assert caption.locator("li").count() == 0  # a caption, not a bulleted list


def test_province_profile_stars_the_summary_as_its_cards(page, app_db):
    goto(page, "/Profil")
    tot, est = totals(app_db, []), estimated(app_db, [])
    for label, k in (("KPM PKH", "kpm_pkh"), ("Pendamping PKH", "pendamping_pkh")):
        expect(metric(page, label)).to_have_text(id_number(tot[k]) + _tanda(est[k]))
    ringkasan = page.get_by_test_id("stText").filter(has_text="pendamping PKH (").inner_text()
    assert f"{id_number(tot['kpm_pkh'])}{_tanda(est['kpm_pkh'])} KPM" in ringkasan, ringkasan
    assert f"{id_number(tot['pendamping_pkh'])}{_tanda(est['pendamping_pkh'])} pendamping" in ringkasan, ringkasan
    tahun_est = est["kpm_pkh"] or est["pendamping_pkh"]
    assert ("* tahun" in ringkasan) == tahun_est, ringkasan  # years rest on both figures


def test_ranking_cells_carry_the_mark_and_the_csv_whole_numbers(page, app_db):
    page.add_init_script(_CATAT_KANVAS)
    goto(page, "/?kab=6371")
    tot, est = totals(app_db, [6371]), estimated(app_db, [6371])
    assert est["lks"] and est["pendamping_pkh"]  # the case the issue saw: Banjarmasin's shares are estimates
    wrapper = page.locator(".st-key-ringkasan_urut")
    open_select(page, wrapper)
    page.get_by_role("option", name="Pendamping PKH", exact=True).click()  # its column comes second
    wait_for_app(page)
    tabel = page.get_by_test_id("stDataFrame").last
    tabel.scroll_into_view_if_needed()
    want = id_number(tot["pendamping_pkh"]) + "*"
    page.wait_for_function("w => window.__digambar.has(w)", arg=want, timeout=TIMEOUT_MS)

    with page.expect_download(timeout=2 * TIMEOUT_MS) as dl:
        page.locator(".st-key-unduh_peringkat_wilayah").get_by_role("button", name="Unduh CSV").click()
    text = open(dl.value.path(), encoding="utf-8-sig").read()
    rows = list(csv.DictReader(io.StringIO("\n".join(x for x in text.splitlines() if not x.startswith("#")))))
    assert rows[0]["LKS"] == str(tot["lks"]) and rows[0]["KPM PKH"] == str(tot["kpm_pkh"])  # 32, not 32.0
    assert rows[0]["Pendamping PKH"] == str(tot["pendamping_pkh"])


def test_profile_placeholder_is_indonesian(page):
    goto(page, "/Profil")
    box = page.get_by_test_id("stSelectbox").filter(has_text="Wilayah profil")
    expect(box.get_by_role("combobox")).to_have_attribute("placeholder", "Provinsi Kalimantan Selatan")


def _g_realisasi(app_db) -> float:
    con = db.connect(app_db)
    try:
        a = db.run(con, "acuan").set_index("indikator")
    finally:
        con.close()
    return float(a.at["graduasi_realisasi_per_pendamping", "nilai"])


@pytest.mark.parametrize("lang, koma", [("id", ","), ("en", ".")])
def test_graduation_rate_is_typed_with_the_languages_decimal_mark(page, app_db, lang, koma):
    goto(page, f"/Proyeksi?lang={lang}")
    g2 = _g_realisasi(app_db)
    assert not g2.is_integer()
    teks = f"{g2:.1f}".replace(".", koma)
    label = "Graduasi per pendamping per tahun (g)" if lang == "id" else "Graduations per facilitator per year (g)"
    expect(page.get_by_label(label).nth(1)).to_have_value(teks)  # scenario 2: the realised rate


def test_a_number_typed_the_indonesian_way_is_taken_and_a_bad_one_changes_nothing(page):
    goto(page, "/Proyeksi?sk=1")
    kotak = page.get_by_label("Graduasi per pendamping per tahun (g)")
    kotak.fill("12,5")
    kotak.press("Enter")
    page.wait_for_function("() => new URL(location.href).searchParams.get('g') === '12.5'", timeout=TIMEOUT_MS)
    wait_for_app(page)
    kotak = page.get_by_label("Graduasi per pendamping per tahun (g)")
    kotak.fill("12.5.")
    kotak.press("Enter")
    expect(page.get_by_test_id("stAlert").filter(has_text="Bukan angka yang terbaca")).to_be_visible()
    expect(page.get_by_label("Graduasi per pendamping per tahun (g)")).to_have_value("12,5")
    assert "g=12.5" in page.url
    no_exception(page)


def test_sources_page_names_every_dataset(page):
    page.add_init_script(_CATAT_KANVAS)
    goto(page, "/Sumber")
    page.get_by_test_id("stDataFrame").first.scroll_into_view_if_needed()
    page.wait_for_function("() => [...window.__digambar].some(t => t.startsWith('Batas bawah Tagana'))",
                           timeout=TIMEOUT_MS)
    assert not any(t.startswith("batas_bawah") for t in page.evaluate("[...window.__digambar]")), "a raw key"


@pytest.mark.parametrize("path, teks", [
    ("/Rasio?kab=6371", "adalah ucapan seorang koordinator PKH"),  # a definition's own words
    ("/Proyeksi", "Target Kemensos: 10/pendamping"),              # a tab named by the app
])
def test_the_apps_own_words_are_not_code(page, path, teks):
    goto(page, path)
    expect(page.get_by_text(teks).first).to_be_attached()
    dalam_kode = page.locator("[data-testid=stMain] code").filter(has_text=teks)
    assert dalam_kode.count() == 0, dalam_kode.all_inner_texts()


def test_slide_5_ends_above_its_bar_at_1024x768(new_context):
    page = new_context(viewport={"width": 1024, "height": 768}).new_page()
    goto(page, "/Presentasi?slide=5")
    legenda = page.locator(".st-key-slide [data-testid=stMarkdownContainer]").filter(has_text="resmi").last
    expect(legenda).to_be_visible()
    legenda.scroll_into_view_if_needed()
    page.evaluate("""() => { for (const el of document.querySelectorAll('*')) {
        const s = getComputedStyle(el).overflowY;
        if ((s === 'auto' || s === 'scroll') && el.scrollHeight > el.clientHeight) el.scrollTop = el.scrollHeight; } }""")
    bar = page.locator(".st-key-kaki_slide").bounding_box()
    akhir = page.locator(".st-key-slide [data-testid=stText], .st-key-slide [data-testid=stMarkdownContainer]")
    bawah = max(b["y"] + b["height"] for b in (e.bounding_box() for e in akhir.all()) if b)
    assert bawah <= bar["y"] + 1, (bawah, bar)  # the last source line and the legend are not under the bar


# ---------------------------------------------------------------- projector (1440 px) and phone (390 px)

_TERPOTONG_JS = """() => [...document.querySelectorAll('[data-testid=stMain] *')]
  .filter(e => getComputedStyle(e).textOverflow === 'ellipsis' && e.scrollWidth > e.clientWidth + 1)
  .map(e => e.innerText)"""


def test_profile_link_is_whole_at_1440(new_context):
    page = new_context(viewport={"width": 1440, "height": 900}).new_page()
    goto(page, "/Peta")  # the link sits in the narrow column beside the map
    link = page.get_by_test_id("stMain").get_by_test_id("stPageLink-NavLink")
    expect(link).to_contain_text("Buka profil Provinsi Kalimantan Selatan")
    assert page.evaluate(_TERPOTONG_JS) == []


def test_profile_table_names_its_measures_and_units_whole_at_1440(new_context):
    page = new_context(viewport={"width": 1440, "height": 900}).new_page()
    page.add_init_script(_CATAT_KANVAS)
    goto(page, "/Profil")
    page.get_by_test_id("stDataFrame").first.scroll_into_view_if_needed()
    # per population and per poor population must read differently, in the measure and in its unit
    utuh = ["KPM PKH per 1.000 penduduk", "KPM PKH per 1.000 penduduk miskin",
            "keluarga per 1.000 penduduk", "keluarga per 1.000 penduduk miskin"]
    page.wait_for_function("u => u.every(x => window.__digambar.has(x))", arg=utuh, timeout=TIMEOUT_MS)


# The chart toolbar's box against every chart title and small multiple's title of the same chart.
_ALAT_JS = """el => { const mb = el.querySelector('.modebar'); if (!mb) return [];
  const m = mb.getBoundingClientRect();
  return [...el.querySelectorAll('.g-gtitle text, .annotation-text')].map(t => t.getBoundingClientRect())
    .filter(b => b.width && b.left < m.right - 1 && m.left < b.right - 1 && b.top < m.bottom - 1 && m.top < b.bottom - 1)
    .map(b => [b.left, b.top]); }"""


@pytest.mark.parametrize("path", ["/Rasio?kab=6371", "/?kab=6371"])
def test_chart_toolbar_is_not_over_a_title_at_1440(new_context, path):
    from browser.harness import wait_for_charts
    page = new_context(viewport={"width": 1440, "height": 900}).new_page()
    goto(page, path)
    wait_for_charts(page, 2)
    for chart in page.get_by_test_id("stPlotlyChart").all():
        if not chart.is_visible():
            continue
        chart.scroll_into_view_if_needed()
        chart.hover()  # the toolbar shows on hover
        assert chart.evaluate(_ALAT_JS) == []


def _ponsel(new_context):
    return new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True).new_page()


def test_sidebar_closes_after_choosing_a_page_on_a_phone(new_context):
    page = _ponsel(new_context)
    goto(page, "/?kab=6371")
    sidebar = page.get_by_test_id("stSidebar")
    page.get_by_test_id("stExpandSidebarButton").click()
    expect(sidebar).to_have_attribute("data-collapsed", "false")
    sidebar.get_by_text("Rasio", exact=True).click()
    page.wait_for_url("**/Rasio?kab=6371", timeout=TIMEOUT_MS)
    wait_for_app(page)
    expect(sidebar).to_have_attribute("data-collapsed", "true")
    page.wait_for_function("() => document.querySelector('[data-testid=stSidebar]').getBoundingClientRect().right <= 0",
                           timeout=TIMEOUT_MS)  # nothing of it over the page once it has slid away
    title = page.locator("h1").first.bounding_box()
    assert title and title["x"] >= 0


_JUDUL_BERTUMPUK_JS = """() => [...document.querySelectorAll('[data-testid=stPlotlyChart]')]
  .filter(el => el.getBoundingClientRect().width > 0).flatMap(el => {
    const b = [...el.querySelectorAll('.annotation-text')].map(t => [t.textContent, t.getBoundingClientRect()]);
    const out = [];
    for (let i = 0; i < b.length; i++) for (let j = i + 1; j < b.length; j++) {
      const [x, p] = b[i], [y, q] = b[j];
      if (p.left < q.right - 1 && q.left < p.right - 1 && p.top < q.bottom - 1 && q.top < p.bottom - 1) out.push([x, y]); }
    return out; })"""


@pytest.mark.parametrize("path", ["/?kab=6371", "/Rasio?kab=6371"])
def test_trend_titles_do_not_overlap_on_a_phone(new_context, path):
    page = _ponsel(new_context)
    goto(page, path)
    page.wait_for_function("""() => [...document.querySelectorAll('[data-testid=stPlotlyChart]')]
        .some(el => el.getBoundingClientRect().width > 0 && el.querySelectorAll('.annotation-text').length >= 4)""",
                           timeout=TIMEOUT_MS)
    assert page.evaluate(_JUDUL_BERTUMPUK_JS) == []


# Where a heading's text goes to a new line between two letters ("kabupaten/kot" / "a"): for each character,
# its box's top against the previous character's.
_PATAH_JS = """() => { const out = [];
  for (const h of document.querySelectorAll('[data-testid=stMain] :is(h1, h2, h3, h4)')) {
    const w = document.createTreeWalker(h, NodeFilter.SHOW_TEXT); let n;
    while ((n = w.nextNode())) { const t = n.textContent; let atas = null;
      for (let i = 0; i < t.length; i++) { const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 1);
        const b = r.getClientRects()[0]; if (!b) continue;
        if (atas !== null && b.top > atas + 5 && /\\S/.test(t[i - 1]) && /\\S/.test(t[i])) out.push(t);
        atas = b.top; } } }
  return out; }"""


@pytest.mark.parametrize("path", ["/Peta", "/Profil", "/?kab=6371"])
def test_headings_are_not_broken_mid_word_on_a_phone(new_context, path):
    page = _ponsel(new_context)
    goto(page, path)
    assert page.evaluate(_PATAH_JS) == []


def test_audience_page_needs_no_sideways_scroll_on_a_phone(new_context):
    page = _ponsel(new_context)
    goto(page, "/Presentasi?kab=6371")  # its QR code has the audience pages written (in the background)
    alamat = page.url.split("/Presentasi")[0] + "/app/static/lembar/6371.html"
    page.wait_for_function("async url => (await fetch(url, {cache: 'no-store'})).status === 200",
                           arg=alamat, timeout=TIMEOUT_MS, polling=500)
    page.goto(alamat)
    expect(page.locator("table").first).to_be_visible()
    lebar = page.evaluate("() => [document.documentElement.scrollWidth, ...[...document.querySelectorAll('.gulir')]"
                          ".map(g => g.scrollWidth - g.clientWidth)]")
    assert lebar[0] <= 390 and all(x <= 1 for x in lebar[1:]), lebar
    peringkat = page.locator("td[data-label^='Peringkat']").first
    expect(peringkat).to_be_visible()
    box = peringkat.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390 + 1, box  # the rank is on screen
