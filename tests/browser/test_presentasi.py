"""Presentation mode in Chromium: a clicker's keys step through the slides, the filter and period stay
(URL and footer), the app chrome is hidden, and the QR code opens the unit's audience page."""
import re
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import expect

from browser.expected import latest_quarter, shown
from browser.harness import TIMEOUT_MS, wait_for_app, wait_for_charts
from browser.helpers import expect_metrics, goto, id_number, no_exception
from pilar import slide

N = len(slide.SLIDE)


def query(page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(page.url).query).items()}


def footer(page):
    return page.locator(".st-key-kaki_slide [data-testid='stText']")


def wait_slide(page, i: int) -> None:
    """The server has shown slide ``i``: it writes the number into the URL at the end of the run."""
    page.wait_for_function("i => new URL(location.href).searchParams.get('slide') === String(i)", arg=i,
                           timeout=TIMEOUT_MS)
    wait_for_app(page)
    expect(footer(page)).to_contain_text(f"{i}/{N}")


def test_clicker_keys_step_through_and_keep_the_filter(page, app_db):
    q = latest_quarter(app_db)
    goto(page, f"/Presentasi?kab=6371&periode={q}")
    wait_slide(page, 1)
    expect_metrics(page, shown(app_db, [6371], id_number))  # key figures: as the queries give them
    steps = [("ArrowRight", 2), ("PageDown", 3), (" ", 4), ("ArrowRight", 5), ("ArrowRight", 5),
             ("ArrowLeft", 4), ("PageUp", 3), ("PageUp", 2), ("ArrowLeft", 1), ("PageUp", 1)]
    for key, expected in steps:
        page.keyboard.press(key)
        wait_slide(page, expected)
        assert query(page) == {"kab": "6371", "periode": q, "slide": str(expected)}, key
        expect(footer(page)).to_contain_text("Banjarmasin")
        no_exception(page)


def test_buttons_step_and_deep_link_opens_the_slide(page):
    goto(page, "/Presentasi?kab=6372&slide=3")
    wait_slide(page, 3)
    page.get_by_role("button", name=re.compile("Berikutnya")).click()
    wait_slide(page, 4)
    page.get_by_role("button", name=re.compile("Sebelumnya")).click()
    wait_slide(page, 3)
    expect(footer(page)).to_contain_text("Banjarbaru")
    assert query(page)["kab"] == "6372"


def test_sidebar_and_chrome_hidden_footer_on_every_slide(page):
    page.set_viewport_size({"width": 1024, "height": 768})
    goto(page, "/Presentasi?kab=6371")
    wait_slide(page, 1)
    expect(page.get_by_test_id("stSidebar")).to_be_hidden()
    expect(page.get_by_test_id("stHeader")).to_be_hidden()
    for i in range(1, N + 1):
        if i > 1:
            page.keyboard.press("ArrowRight")
            wait_slide(page, i)
        box = footer(page).bounding_box()
        assert box and box["y"] + box["height"] <= 768 + 1, i  # fixed at the bottom, in view
        expect(footer(page)).to_contain_text("estimasi")    # the status legend
        expect(page.get_by_role("button", name=re.compile("Berikutnya"))).to_be_in_viewport()


def qr_checks(page, kode: str) -> None:
    img = page.locator(".st-key-slide [data-testid='stImage'] img").first
    expect(img).to_be_visible()
    page.wait_for_function("el => el.complete && el.naturalWidth > 0", arg=img.element_handle(),
                           timeout=TIMEOUT_MS)
    alamat = f"{re.match(r'https?://[^/]+', page.url).group(0)}/app/static/lembar/{kode}.html"
    expect(page.locator(".st-key-slide [data-testid='stText']").filter(has_text=alamat)).to_have_count(1)
    # the phone's request: the static audience page (written in the background on the first QR shown)
    page.wait_for_function("""async url => (await fetch(url, {cache: 'no-store'})).status === 200""",
                           arg=alamat, timeout=TIMEOUT_MS, polling=500)
    r = page.request.get(alamat)
    assert r.status == 200 and "text/html" in r.headers["content-type"], r.status


def test_qr_code_opens_the_units_audience_page(page):
    goto(page, "/Presentasi?kab=6371")
    wait_slide(page, 1)
    qr_checks(page, "6371")
    goto(page, f"/Presentasi?kab=6371&slide={N}")
    wait_slide(page, N)
    qr_checks(page, "6371")
    goto(page, f"/Presentasi?slide={N}")  # no filter: the province's page
    wait_slide(page, N)
    qr_checks(page, "kalsel")


def test_each_chart_fits_above_the_bottom_bar_at_1024x768(page):
    """On a 1024x768 projector every slide's chart is seen whole, above the buttons and footer."""
    page.set_viewport_size({"width": 1024, "height": 768})
    for i in (2, 3, 4):
        goto(page, f"/Presentasi?kab=6371&slide={i}")
        wait_for_charts(page, 1)
        bar = page.locator(".st-key-kaki_slide").bounding_box()
        for chart in page.locator("[data-testid='stPlotlyChart'] svg.main-svg >> nth=0").all():
            box = chart.bounding_box()
            assert box["y"] >= 0 and box["y"] + box["height"] <= bar["y"] + 1, (i, box, bar)


def test_slides_1_to_4_show_everything_above_the_bottom_bar_at_1024x768(page):
    """No text or chart of a slide hides behind the bottom bar (the sources slide may scroll)."""
    page.set_viewport_size({"width": 1024, "height": 768})
    for i in (1, 2, 3, 4):
        goto(page, f"/Presentasi?kab=6371&slide={i}")
        wait_slide(page, i)
        bar = page.locator(".st-key-kaki_slide").bounding_box()
        isi = page.locator(".st-key-slide [data-testid='stElementContainer']:visible")
        assert isi.count() >= 2, i
        for el in isi.all():
            box = el.bounding_box()
            if box and box["height"] > 0:
                assert box["y"] + box["height"] <= bar["y"] + 1, (i, el.inner_text()[:60], box, bar)
