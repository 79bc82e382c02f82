"""Lembar fakta: the PDF is one A4 page with embedded fonts holding the unit's name, period and pillar
counts as the queries give them; the audience HTML is light, loads nothing, and holds the same figures;
hostile names stay text; the CLI writes every sheet and reports a failing one without stopping."""
import io
import re
import shutil

import pytest
from babel.numbers import format_decimal
from pypdf import PdfReader

from browser.expected import sheet_names
from conftest import FIXTURE_SOURCES, REAL_SOURCES
from pilar import build, cli, db, format as fmt, lembar, profil, ukuran
from pilar.lembar import isi
from pilar.lembar.cli import ikuti_basis_data

BAHAYA = "Kota #set text(red) <script>alert(1)</script> *tebal* $x$ [a](//x.test/i.png) `k` @ref"


@pytest.fixture()
def layani(monkeypatch, tmp_path):
    def buka(path, sources=FIXTURE_SOURCES):
        monkeypatch.setenv("PILAR_DB", str(path))
        monkeypatch.setenv("PILAR_SOURCES", str(sources))
        monkeypatch.setenv("PILAR_AUDIENS", str(tmp_path / "audiens"))
        ikuti_basis_data()
    return buka


def teks_pdf(data: bytes) -> tuple[PdfReader, str]:
    r = PdfReader(io.BytesIO(data))
    return r, " ".join(" ".join(p.extract_text() for p in r.pages).split())


def periode_pilar(con, kode: int) -> str:
    return con.execute("SELECT max(periode)::VARCHAR FROM pilar WHERE kode_bps = ?", [kode]).fetchone()[0]


def test_fact_sheet_is_one_page_with_name_period_and_pillar_counts(layani, fixture_db_path, fixture_con):
    layani(fixture_db_path)
    for kode in (6371, 6301):
        r, teks = teks_pdf(lembar.pdf(kode))
        assert len(r.pages) == 1
        box = r.pages[0].mediabox  # A4: 595 x 842 pt
        assert (round(float(box.width)), round(float(box.height))) == (595, 842)
        pil = db.run(fixture_con, "pilar_per_wilayah", kode=[kode]).iloc[0]
        assert pil["nama"] in teks
        assert fmt.tanggal(periode_pilar(fixture_con, kode), "id") in teks
        for k in ukuran.PILAR:
            label = ukuran.UKURAN[k].label("id")
            assert re.search(rf"{re.escape(label)} {re.escape(format_decimal(pil[k], locale='id'))}\*? ", teks), k
        kpm = db.run(fixture_con, "kpm_per_wilayah", kode=[kode]).iloc[0]["kpm"]
        assert f"KPM PKH {format_decimal(kpm, locale='id')}" in teks
        assert "dicetak pada" in teks


def test_fact_sheet_fonts_are_embedded(layani, fixture_db_path):
    layani(fixture_db_path)
    r, _ = teks_pdf(lembar.pdf(None))
    fonts = [f.get_object() for f in r.pages[0]["/Resources"]["/Font"].values()]
    assert fonts
    for f in fonts:
        desc = (f["/DescendantFonts"][0].get_object() if "/DescendantFonts" in f else f)["/FontDescriptor"]
        assert any(k in desc.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")), f["/BaseFont"]


def _angka(d: dict) -> list[str]:
    return [r[c] for r in d["pilar"] + d["rasio"] for c in ("nilai", "provinsi", "peringkat")]


def test_audience_page_is_light_loads_nothing_and_holds_the_pdf_figures(layani, fixture_db_path):
    layani(fixture_db_path)
    page = lembar.html(6371)
    assert len(page.encode("utf-8")) < 300_000
    assert not re.search(r"https?:|//|@import|url\(|<script|<link|<img|<iframe|src=", page, re.I)
    _, teks = teks_pdf(lembar.pdf(6371))
    d = isi.konten(profil.susun(6371))
    for figur in _angka(d) + [d["nama"], d["periode"]]:
        assert figur in teks and figur in page, figur
    # the figures of the page's table rows are exactly those of the sheet
    sel = re.findall(r'<td class="n"[^>]*>(?:<[^>]+>)?([^<]*)', page)
    assert sel == [v for r in d["pilar"] + d["rasio"] for v in (r["nilai"], r["provinsi"], r["peringkat"])]


def test_audience_pages_for_every_unit_and_the_province(layani, fixture_db_path, tmp_path):
    layani(fixture_db_path)
    ditulis = lembar.tulis_audiens(tmp_path / "a")
    assert {p.name for p in ditulis} == {f"{n}.html" for n in sheet_names(fixture_db_path)}
    assert not list((tmp_path / "a").glob("*.tmp"))
    d = lembar.pastikan_audiens()
    assert {p.name for p in d.glob("*.html")} == {p.name for p in ditulis}


def test_hostile_unit_name_stays_text(layani, tmp_path):
    sumber = tmp_path / "sources"
    shutil.copytree(FIXTURE_SOURCES, sumber)
    w = sumber / "wilayah.csv"
    w.write_text(w.read_text(encoding="utf-8").replace("Kota Banjarmasin", f'"{BAHAYA}"'), encoding="utf-8")
    layani(build.build(sumber, tmp_path / "bahaya.duckdb").path, sumber)
    assert profil.susun(6371).nama == BAHAYA
    _, teks = teks_pdf(lembar.pdf(6371))
    rapat = "".join(teks.split())  # a long name wraps; the extracted line break is a space
    assert "".join(BAHAYA.split()) in rapat  # typeset as it is: nothing was read as Typst markup
    page = lembar.html(6371)
    assert "<script" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert not re.search(r"https?:|src=", page)
    assert re.findall(r'href="([^"]*)"', page) == ["/forum?kab=6371"]  # only the forum's phone form, same server


def _cli(*args) -> int:
    return cli.main(["lembar-fakta", *map(str, args)])


def test_cli_one_sheet_and_bad_code(layani, fixture_db_path, tmp_path, capsys):
    layani(fixture_db_path)
    out = tmp_path / "b.pdf"
    assert _cli("--kab", 6371, "--out", out) == 0
    assert len(PdfReader(out).pages) == 1
    assert _cli("--kab", 9999, "--out", tmp_path / "x.pdf") == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["Kode wilayah tidak dikenal: 9999. Kode yang sah: 6301, 6371, 6372."]
    assert not (tmp_path / "x.pdf").exists()


def test_cli_all_writes_14_sheets_and_pages(layani, real_db_path, tmp_path):
    layani(real_db_path, REAL_SOURCES)
    assert _cli("--semua", "--out", tmp_path) == 0
    assert len(list(tmp_path.glob("*.pdf"))) == 14 and len(list(tmp_path.glob("*.html"))) == 14
    assert (tmp_path / "kalsel.pdf").exists()
    for f in tmp_path.glob("*.pdf"):
        assert len(PdfReader(f).pages) == 1, f.name


def test_cli_one_failing_sheet_does_not_stop_the_rest(layani, fixture_db_path, tmp_path, monkeypatch, capsys):
    layani(fixture_db_path)
    asli = lembar.pdf

    def gagal(kode, *a, **k):
        if kode == 6371:
            raise lembar.LembarError("uji: gagal disengaja")
        return asli(kode, *a, **k)

    monkeypatch.setattr(lembar, "pdf", gagal)
    assert _cli("--semua", "--out", tmp_path) == 1
    ditulis = {p.stem for p in tmp_path.glob("*.pdf")}
    assert ditulis == sheet_names(fixture_db_path) - {"6371"}
    err = capsys.readouterr().err
    assert "Lembar fakta Kota Banjarmasin (6371) gagal dibuat: uji: gagal disengaja" in err
