"""The profile of one kabupaten/kota (or of the province): every figure of the unit with the
province value and its rank among the 13, the trend where periods exist, and the projection summary.

One content source for the Profil page, the fact sheet PDF, the audience HTML page and the unit's
slides (pilar/lembar/ and the presentation draw what ``susun`` returns; nothing there computes).
Pure: no Streamlit. Every figure comes from the measure catalog (pilar/ukuran.py) through the
cached builders of pilar/tampilan.py and pilar/proyeksi_tampilan.py.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timezone

import pandas as pd

from . import format as fmt
from . import proyeksi as pr
from . import proyeksi_tampilan as tampil
from . import status as st
from . import tampilan, ukuran, wilayah
from .db import QueryError
from .simpanan import tersimpan
from .teks import t

# The key ratios of a profile (besides the seven pillars and KPM): what the forum discusses.
RASIO_KUNCI = ("kpm_per_pendamping", "kpm_per_1rb_penduduk", "kpm_per_1rb_miskin", "tksk_per_kecamatan",
               "psm_per_desa", "karang_taruna_per_desa")
UKURAN_PROFIL = ukuran.PILAR + ("kpm_pkh",) + RASIO_KUNCI
TREN = ukuran.PILAR + ("kpm_pkh",)  # the reported counts: the ratios' other sides are slow-changing facts
NAMA_BERKAS_PROVINSI = "kalsel"


@dataclass(frozen=True)
class BarisProfil:
    """One figure of the unit, as every output shows it."""
    kode_ukuran: str
    label: str
    nilai: float | None
    teks: str                 # formatted in the language, with the estimate mark
    status: str | None
    periode: str              # period(s) of the figure, as text
    satuan: str
    provinsi_teks: str        # the province value, formatted, with the estimate mark
    peringkat: int | None     # 1 = highest among the units compared; None: not ranked (see alasan)
    dari: int                 # how many units were compared
    artefak: bool             # the value only echoes an allocation rule: not compared across units
    alasan: str = ""          # why there is no rank (artefact, no value, province), else empty
    pilar: bool = False       # one of the seven pillar counts

    @property
    def peringkat_teks(self) -> str:
        return f"{self.peringkat}/{self.dari}" if self.peringkat else fmt.KOSONG


@dataclass(frozen=True)
class TitikTren:
    periode: str
    nilai: float
    teks: str
    status: str | None


@dataclass(frozen=True)
class SeriTren:
    kode_ukuran: str
    label: str
    titik: tuple[TitikTren, ...]


@dataclass(frozen=True)
class BarisProyeksi:
    """One scenario: years to graduate the unit's current KPM at that scenario's pace."""
    nama: str
    g: float
    tahun: float | None       # None: the caseload does not shrink (graduates replaced) or no data
    teks: str


@dataclass(frozen=True)
class Profil:
    kode: int | None
    nama: str
    periode: str
    baris: tuple[BarisProfil, ...]
    tren: tuple[SeriTren, ...]
    proyeksi: tuple[BarisProyeksi, ...]
    sumber: tuple[str, ...]
    dicetak: datetime
    estimasi_ada: bool
    proyeksi_teks: tuple[str, ...] = ()   # the summary as sentences (start values, then each scenario)
    sumber_id: tuple[str, ...] = ()       # the ids behind ``sumber`` (for CSV headers)
    lang: str = "id"

    def baris_ukuran(self, kode_ukuran: str) -> BarisProfil:
        return next(b for b in self.baris if b.kode_ukuran == kode_ukuran)

    @property
    def nama_berkas(self) -> str:
        return nama_berkas(self.kode)


def nama_berkas(kode: int | None) -> str:
    """The file stem of a unit's fact sheet and audience page: the BPS code, or 'kalsel'."""
    return str(kode) if kode else NAMA_BERKAS_PROVINSI


def url_audiens(kode: int | None) -> str:
    """The audience page as the dashboard serves it (static serving of static/), relative to the app."""
    return f"app/static/lembar/{nama_berkas(kode)}.html"


def periksa_kode(kode) -> int | None:
    """A BPS code of a unit of the province (None/'' = the province); QueryError naming the valid codes."""
    if kode in (None, ""):
        return None
    dikenal = tampilan.indikator().semua_kode
    sah, asing = wilayah.urai_kode(str(kode), dikenal)
    if asing or len(sah) != 1:
        raise QueryError(wilayah.pesan_tak_dikenal(asing or [str(kode)], dikenal))
    return sah[0]


# ---------------------------------------------------------------- rows

def peringkat(kode_ukuran: str, kode: int, kuartal: str | None) -> tuple[int | None, int]:
    """Rank of the unit (1 = highest) among the units whose value is known and not an allocation echo,
    and how many those are. An echoed value is never ranked (and never ranks others)."""
    per = tampilan.per_wilayah(kode_ukuran, kuartal)
    gema = per["artefak"].astype(bool) | per["kode_bps"].map(_dibagi(kode_ukuran, kuartal)).fillna(False).astype(bool)
    banding = per[per["nilai"].notna() & ~gema]
    if kode not in set(banding["kode_bps"]) or len(banding) < 2:  # "1 of 1" compares nothing
        return None, len(banding)
    v = float(banding.loc[banding["kode_bps"] == kode, "nilai"].iloc[0])
    return int((banding["nilai"] > v + 1e-9).sum()) + 1, len(banding)


def _dibagi(kode_ukuran: str, kuartal: str | None) -> pd.Series:
    """Per unit: a count (no denominator) that is an estimate shared out by another figure. Ranking
    such counts would only rank that other figure (TKSK shared by kecamatan ranks kecamatan)."""
    u = ukuran.UKURAN[kode_ukuran]
    basis = tampilan.indikator((), kuartal).basis()
    if u.penyebut or u.pembilang not in basis:
        return pd.Series(False, index=basis.index)
    return basis[u.pembilang].notna()


def _angka(x) -> float | None:
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else float(x)


def _baris(kode_ukuran: str, kode: int | None, kuartal: str | None, lang: str) -> BarisProfil:
    u = ukuran.UKURAN[kode_ukuran]
    n = tampilan.nilai(kode_ukuran, (kode,) if kode else (), kuartal)
    prov = tampilan.nilai(kode_ukuran, (), kuartal)
    nilai = _angka(n.nilai)
    if kode is None:
        rank, dari, alasan = None, len(tampilan.indikator((), kuartal).semua_kode), t("lb_alasan_provinsi", lang)
    else:
        rank, dari = peringkat(kode_ukuran, kode, kuartal)
        alasan = "" if rank else _alasan(u, kode, kuartal, nilai, n.artefak, lang)
    return BarisProfil(
        kode_ukuran=kode_ukuran, label=u.label(lang), nilai=nilai,
        teks=u.teks(nilai, lang, n.status if nilai is not None else None),  # no mark on a missing value
        status=n.status, periode=tampilan.periode_teks(n.periode, lang) or fmt.KOSONG, satuan=u.satuan(lang),
        provinsi_teks=u.teks(_angka(prov.nilai), lang, prov.status if _angka(prov.nilai) is not None else None),
        peringkat=rank, dari=dari,
        artefak=bool(n.artefak), alasan=alasan, pilar=kode_ukuran in ukuran.PILAR)


def _alasan(u: ukuran.Ukuran, kode: int, kuartal: str | None, nilai, artefak: bool, lang: str) -> str:
    """Why a unit's value has no rank: no value, a ratio echoing an allocation, or an allocated count."""
    if nilai is None:
        return t("lb_alasan_kosong", lang)
    if not artefak and not _dibagi(u.kode, kuartal).get(kode, False):
        return t("lb_alasan_sendiri", lang)
    basis = tampilan.indikator((), kuartal).basis().reindex(columns=list(u.dasar)).loc[kode]
    if artefak:
        sisi = next(d for d in u.dasar if basis[d] in u.dasar and basis[d] != d)
        return t("lb_alasan_artefak", lang).format(sisi=ukuran.label_dasar(sisi, lang),
                                                   dasar=ukuran.label_dasar(basis[sisi], lang))
    return t("lb_alasan_dibagi", lang).format(dasar=ukuran.label_dasar(basis[u.pembilang], lang))


def _tren(kode: int | None, lang: str) -> tuple[SeriTren, ...]:
    df = tampilan.deret(TREN, (kode,) if kode else (), lang)
    out = []
    for k in TREN:
        u = ukuran.UKURAN[k]
        rows = df[(df["judul"] == u.label(lang)) & df["nilai"].notna()] if not df.empty else df
        if len(rows) >= 2:
            out.append(SeriTren(k, u.label(lang), tuple(
                TitikTren(r.periode, float(r.nilai), u.teks(r.nilai, lang, r.status), r.status)
                for r in rows.itertuples())))
    return tuple(out)


# ---------------------------------------------------------------- projection summary

def _proyeksi(kode: int | None, kuartal: str | None, lang: str) -> tuple[tuple[BarisProyeksi, ...], tuple[str, ...]]:
    """Years to graduate the unit's current KPM under the Proyeksi page's default scenarios."""
    sel = (kode,) if kode else ()
    m = tampil.masukan(sel, kuartal)
    if not m.kode:
        return (), (t("lb_proyeksi_kosong", lang),)
    h = tampil.hitung(sel, kuartal, (), lang)
    s_ = tampil.status_awal(sel, kuartal)  # each figure marked as its card is
    awal = t("lb_proyeksi_awal", lang).format(
        k0=st.tandai(tampil.angka(h.k0, lang), s_["k0"]), p0=st.tandai(tampil.angka(h.p0, lang), s_["p0"]),
        rasio=st.tandai(tampil.desimal1(h.rasio, lang), s_["rasio"]))
    baris = []
    for hasil, nama in zip(h.hasil, h.nama):
        s = hasil.skenario
        lama = None if s.ganti or s.dp or s.masuk or s.keluar else \
            _angka(pr.lensa_durasi(m.k0, m.p0, s.g, h.pg.D)[1]["lama_pada_laju_ini"])
        if lama is None:
            teks = t("lb_proyeksi_tetap", lang).format(nama=nama)
        else:
            teks = t("lb_proyeksi_tahun", lang).format(nama=nama, tahun=st.tandai(tampil.desimal1(lama, lang), s_["lama"]),
                                                       g=tampil.angka_g(s.g, lang))
        baris.append(BarisProyeksi(nama, float(s.g), lama, teks))
    return tuple(baris), (awal, *(b.teks for b in baris))


# ---------------------------------------------------------------- the profile

def _periode(kode: int | None, kuartal: str | None, lang: str) -> str:
    sel = (kode,) if kode else ()
    p = tampilan.nilai("lks", sel, kuartal).periode
    k = tampilan.nilai("kpm_pkh", sel, kuartal).periode
    return t("lb_periode", lang).format(pilar=tampilan.periode_teks(p, lang) or fmt.KOSONG,
                                        kpm=tampilan.periode_teks(k, lang) or fmt.KOSONG)


@tersimpan
def susun(kode: int | None, kuartal: str | None = None, lang: str = "id") -> Profil:
    """The profile of unit ``kode`` (BPS code; None = the province) for data up to ``kuartal``."""
    kode = periksa_kode(kode)
    sel = (kode,) if kode else ()
    baris = tuple(_baris(k, kode, kuartal, lang) for k in UKURAN_PROFIL)
    proyeksi, proyeksi_teks = _proyeksi(kode, kuartal, lang)
    sumber_id = {s for k in UKURAN_PROFIL for s in tampilan.nilai(k, sel, kuartal).sumber}
    if proyeksi:
        sumber_id |= set(tampil.asal(sel, kuartal, lang)[1])
    nama = tampilan.nama_pilihan(sel, lang) if kode else t("lb_provinsi", lang)
    return Profil(
        kode=kode, nama=nama, periode=_periode(kode, kuartal, lang), baris=baris, tren=_tren(kode, lang),
        proyeksi=proyeksi, sumber=tuple(tampilan.sumber_teks(sorted(sumber_id))),
        dicetak=datetime.now(timezone.utc), estimasi_ada=any(b.status == st.ESTIMASI for b in baris),
        proyeksi_teks=proyeksi_teks, sumber_id=tuple(sorted(sumber_id)), lang=lang)


def dicetak_teks(p: Profil) -> str:
    """'dicetak pada 30 November 2026 04.10 UTC'."""
    return t("lb_dicetak", p.lang).format(waktu=fmt.waktu(p.dicetak, p.lang))


@tersimpan
def tabel(kode: int | None, kuartal: str | None = None, lang: str = "id") -> pd.DataFrame:
    """The profile's rows as the page's table (formatted texts, estimate marked) and its CSV."""
    p = susun(kode, kuartal, lang)
    return pd.DataFrame({
        t("lb_k_angka", lang): [b.label for b in p.baris], t("lb_k_nilai", lang): [b.teks for b in p.baris],
        t("lb_k_satuan", lang): [b.satuan for b in p.baris],
        t("lb_k_status", lang): [st.kata(b.status, lang) for b in p.baris],
        t("lb_k_periode", lang): [b.periode for b in p.baris],
        t("lb_k_provinsi", lang): [b.provinsi_teks for b in p.baris],
        t("lb_k_peringkat", lang): [b.peringkat_teks for b in p.baris],
        t("lb_k_catatan", lang): [b.alasan for b in p.baris]})
