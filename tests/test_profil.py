"""The unit profile (pilar/profil.py): figures as the queries give them, province values, ranks that
leave out values which only echo an allocation rule, projection summary, and bad codes."""
import pytest
from babel.numbers import format_decimal

from browser.expected import estimated, totals
from browser.helpers import id_number
from conftest import FIXTURE_SOURCES, REAL_SOURCES
from pilar import db, profil, ukuran
from pilar.data import Indikator
from pilar.lembar.cli import ikuti_basis_data


@pytest.fixture()
def layani(monkeypatch):
    """Serve a database to the cached builders, as the dashboard and the CLI do."""
    def buka(path, sources=FIXTURE_SOURCES):
        monkeypatch.setenv("PILAR_DB", str(path))
        monkeypatch.setenv("PILAR_SOURCES", str(sources))
        ikuti_basis_data()
    return buka


def test_pillar_counts_and_kpm_are_the_queries_figures(layani, fixture_db_path, fixture_con):
    layani(fixture_db_path)
    for kode in (6371, 6372):
        pr = profil.susun(kode)
        pil = db.run(fixture_con, "pilar_per_wilayah", kode=[kode]).iloc[0]
        kpm = db.run(fixture_con, "kpm_per_wilayah", kode=[kode]).iloc[0]
        assert pr.nama == pil["nama"]
        for k in ukuran.PILAR:
            assert pr.baris_ukuran(k).nilai == pil[k]
            assert pr.baris_ukuran(k).teks.rstrip("*") == format_decimal(pil[k], locale="id")
        assert pr.baris_ukuran("kpm_pkh").nilai == kpm["kpm"]
        assert format_decimal(kpm["kpm"], locale="id") in pr.baris_ukuran("kpm_pkh").teks


def test_province_rows_are_the_sums_and_are_not_ranked(layani, fixture_db_path, fixture_con):
    layani(fixture_db_path)
    pr = profil.susun(None)
    semua = db.run(fixture_con, "pilar_per_wilayah")
    for k in ukuran.PILAR:
        b = pr.baris_ukuran(k)
        assert b.nilai == semua[k].sum() and b.peringkat is None and b.alasan
    unit = profil.susun(6371)
    assert all(b.provinsi_teks == p.teks for b, p in zip(unit.baris, pr.baris))


def _rank_sendiri(nilai: dict, kode: int) -> int:
    """1 = highest: one more than the units strictly above."""
    return 1 + sum(v > nilai[kode] for v in nilai.values())


def test_counts_are_ranked_only_among_figures_not_shared_out_by_another_figure(layani, fixture_db_path,
                                                                                 fixture_con):
    """An estimated count shared out by kecamatan, penduduk ... would only rank that basis."""
    layani(fixture_db_path)
    semua = db.run(fixture_con, "pilar_per_wilayah").set_index("kode_bps")
    basis = Indikator.load(fixture_con).basis()  # the allocation basis recorded with each figure
    dicek = set()
    for k in ukuran.PILAR:
        sendiri = {c: v for c, v in semua[k].items() if k not in basis or basis[k].isna().get(c, True)}
        for kode in semua.index:
            b = profil.susun(int(kode)).baris_ukuran(k)
            if kode in sendiri and len(sendiri) >= 2:
                assert (b.peringkat, b.dari) == (_rank_sendiri(sendiri, kode), len(sendiri)), (kode, k)
                dicek.add("peringkat")
            else:
                assert b.peringkat is None and b.alasan.startswith("tidak diperingkat"), (kode, k)
                dicek.add("dibagi" if "dibagi menurut" in b.alasan else "lain")
    assert {"peringkat", "dibagi"} <= dicek, dicek


def test_allocation_echoes_are_never_ranked(layani, real_db_path, real_con):
    """A value that only repeats an allocation rule gets no rank, says why, and ranks nobody else."""
    layani(real_db_path, REAL_SOURCES)
    ind = Indikator.load(real_con)
    dicek = 0
    for k in profil.RASIO_KUNCI:
        gema = ukuran.artefak_per_wilayah(ind, k)
        per = ukuran.per_wilayah(ind, k).set_index("kode_bps")
        banding = {c: v for c, v in per["nilai"].items() if not gema.get(c, False) and v == v}
        for kode in per.index:
            b = profil.susun(int(kode)).baris_ukuran(k)
            if gema.get(kode, False):
                dicek += 1
                assert b.artefak and b.peringkat is None and "aturan pembagian" in b.alasan
                assert any(ukuran.label_dasar(d) in b.alasan for d in ukuran.UKURAN[k].dasar)
            elif len(banding) >= 2:
                assert (b.peringkat, b.dari) == (_rank_sendiri(banding, kode), len(banding))
            else:  # one comparable unit: "1 of 1" compares nothing
                assert b.peringkat is None and "belum punya angka" in b.alasan
    assert dicek, "the real data have allocation echoes (e.g. TKSK per kecamatan)"


def test_projection_summary_names_each_default_scenario(layani, fixture_db_path):
    layani(fixture_db_path)
    pr = profil.susun(6371)
    assert pr.proyeksi and len(pr.proyeksi_teks) == len(pr.proyeksi) + 1
    k0, p0 = pr.baris_ukuran("kpm_pkh").nilai, pr.baris_ukuran("pendamping_pkh").nilai
    for b in pr.proyeksi:
        if b.tahun is not None:  # no entrants, exits or replacement: K(0) / (g P(0)) years
            assert b.tahun == pytest.approx(k0 / (b.g * p0))
        assert b.nama in b.teks


@pytest.mark.parametrize("kode", [6371, 6372, None])
def test_projection_summary_marks_what_rests_on_an_estimate(layani, fixture_db_path, kode):
    """Each figure starred as its card is: K(0) by the KPM's status, P(0) by the pendamping's, the years
    by either (a resmi province total is not starred because its shares per unit are estimates)."""
    layani(fixture_db_path)
    pr = profil.susun(kode)
    sel = [kode] if kode else []
    est, tot = estimated(fixture_db_path, sel), totals(fixture_db_path, sel)
    for k in ("kpm_pkh", "pendamping_pkh"):
        assert f"{id_number(tot[k])}{'*' if est[k] else ''} " in pr.proyeksi_teks[0], (k, est, pr.proyeksi_teks[0])
    mark = "*" if est["kpm_pkh"] or est["pendamping_pkh"] else ""
    for b, teks in zip(pr.proyeksi, pr.proyeksi_teks[1:]):
        if b.tahun is not None:
            assert (f"{format_decimal(round(b.tahun, 1), locale='id', format='#,##0.0')}{mark} ") in teks, teks


def test_unknown_code_is_one_indonesian_message(layani, fixture_db_path):
    layani(fixture_db_path)
    with pytest.raises(db.QueryError, match="Kode wilayah tidak dikenal: 9999"):
        profil.susun(9999)


def test_audience_url_is_the_static_file():
    assert profil.url_audiens(6371) == "app/static/lembar/6371.html"
    assert profil.url_audiens(None) == "app/static/lembar/kalsel.html"


def test_missing_figures_of_an_earlier_period_show_a_dash_unranked(layani, fixture_db_path):
    from pilar import format as fmt, tampilan
    layani(fixture_db_path)
    kosong = 0
    for q in tampilan.kuartal_data():
        for kode in tampilan.indikator().semua_kode:
            pr = profil.susun(kode, q)
            assert ":  ·" not in pr.periode and not pr.periode.endswith(": ")  # an empty period reads "–"
            for b in pr.baris:
                if b.nilai is None:
                    kosong += 1
                    assert b.teks == fmt.KOSONG and b.peringkat is None and b.alasan, (q, kode, b)
    assert kosong, "the fixture's oldest quarter has no pillar figures"
