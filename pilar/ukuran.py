"""The measure catalog: every figure the app, the CLI and the downloads show, defined once.

A measure is a count (``jumlah``), a numerator over a denominator times a scale (``rasio``),
or a shortfall of a count against a norm of one per unit of its base (``kekurangan``).
Over several units it is always computed from sums (sum of numerators / sum of
denominators), never as an average of unit ratios. Its status is the weakest status of
the figures used (``pilar.status``); its periods and sources are those of its figures.
``hitung`` answers for a selection, ``per_wilayah`` for each unit: nothing else computes.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from . import format as fmt
from . import status as st
from .data import Indikator

PILAR = ("lks", "tksk", "psm", "karang_taruna", "pendamping_pkh", "tagana", "pelopor_perdamaian")
BERKALA = PILAR + ("kpm_pkh",)  # figures reported each period (the rest are slow-changing facts)


@dataclass(frozen=True)
class Teks:
    """A text in both interface languages."""
    id: str
    en: str

    def __call__(self, lang: str = "id") -> str:
        return self.en if lang == "en" else self.id


# The figures measures are made of: short label, unit and definition.
DASAR: dict[str, tuple[Teks, Teks, Teks]] = {
    "lks": (Teks("LKS", "LKS"), Teks("lembaga", "institutions"), Teks(
        "Lembaga Kesejahteraan Sosial: organisasi sosial atau perkumpulan yang menyelenggarakan kesejahteraan "
        "sosial, berbadan hukum maupun tidak.",
        "Social welfare institutions (Lembaga Kesejahteraan Sosial): social organisations providing welfare "
        "services, incorporated or not.")),
    "tksk": (Teks("TKSK", "TKSK"), Teks("orang", "people"), Teks(
        "Tenaga Kesejahteraan Sosial Kecamatan: ditugaskan di tingkat kecamatan; normanya satu orang per kecamatan.",
        "Sub-district social workers (TKSK): one per sub-district is the norm.")),
    "psm": (Teks("PSM", "PSM"), Teks("orang", "people"), Teks(
        "Pekerja Sosial Masyarakat: relawan sosial dari warga yang bekerja di desa/kelurahan.",
        "Community social workers (PSM): volunteers working in their village.")),
    "karang_taruna": (Teks("Karang Taruna", "Karang Taruna"), Teks("organisasi", "organisations"), Teks(
        "Organisasi sosial kepemudaan di tingkat desa/kelurahan.",
        "Youth social organisations at village level.")),
    "pendamping_pkh": (Teks("Pendamping PKH", "PKH facilitators"), Teks("orang", "people"), Teks(
        "Pendamping sosial Program Keluarga Harapan yang mendampingi keluarga penerima manfaat (KPM).",
        "Social facilitators of the Family Hope Programme (PKH) who accompany beneficiary families.")),
    "tagana": (Teks("Tagana", "Tagana"), Teks("orang", "people"), Teks(
        "Taruna Siaga Bencana: relawan penanggulangan bencana bidang perlindungan sosial.",
        "Disaster-preparedness volunteers (Taruna Siaga Bencana) of social protection.")),
    "pelopor_perdamaian": (Teks("Pelopor Perdamaian", "Peace pioneers"), Teks("orang", "people"), Teks(
        "Relawan pencegahan dan penanganan konflik sosial.",
        "Volunteers preventing and handling social conflict.")),
    "kpm_pkh": (Teks("KPM PKH", "PKH families"), Teks("keluarga", "families"), Teks(
        "Keluarga penerima manfaat Program Keluarga Harapan.",
        "Families receiving the Family Hope Programme (PKH).")),
    "penduduk": (Teks("Penduduk", "Population"), Teks("jiwa", "people"), Teks(
        "Jumlah penduduk (Kepmendagri 2025).", "Population (Kepmendagri 2025 count).")),
    "penduduk_miskin": (Teks("Penduduk miskin", "Poor population"), Teks("jiwa", "people"), Teks(
        "Jumlah penduduk miskin (BPS Maret 2024).", "Poor population (BPS, March 2024).")),
    "kecamatan": (Teks("Kecamatan", "Sub-districts"), Teks("kecamatan", "sub-districts"), Teks(
        "Jumlah kecamatan (Kepmendagri 2025).", "Number of sub-districts (Kepmendagri 2025).")),
    "desa": (Teks("Desa", "Rural villages (desa)"), Teks("desa", "villages"), Teks(
        "Jumlah desa (Kepmendagri 2025).", "Number of rural villages, desa (Kepmendagri 2025).")),
    "kelurahan": (Teks("Kelurahan", "Urban villages (kelurahan)"), Teks("kelurahan", "villages"), Teks(
        "Jumlah kelurahan (Kepmendagri 2025).", "Number of urban villages, kelurahan (Kepmendagri 2025).")),
    "luas_km2": (Teks("Luas wilayah", "Area"), Teks("km²", "km²"), Teks(
        "Luas wilayah (BIG, Desember 2024).", "Area (BIG, December 2024).")),
    "p0_persen": (Teks("Persentase penduduk miskin (P0)", "Poverty rate (P0)"), Teks("persen", "percent"), Teks(
        "Persentase penduduk miskin (BPS).", "Share of the population below the poverty line (BPS).")),
    "desa_kelurahan": (Teks("Desa/kelurahan", "Villages"), Teks("desa/kelurahan", "villages"), Teks(
        "Jumlah desa ditambah kelurahan (Kepmendagri 2025).", "Villages: desa plus kelurahan (Kepmendagri 2025).")),
}


def label_dasar(kode: str, lang: str = "id") -> str:
    return DASAR[kode][0](lang)


@dataclass(frozen=True)
class Ukuran:
    kode: str
    rumus: str                 # "jumlah", "rasio" or "kekurangan"
    pembilang: str
    penyebut: str | None = None
    skala: float = 1.0
    desimal: int = 0
    label_teks: Teks = Teks("", "")
    satuan_teks: Teks = Teks("", "")
    definisi_teks: Teks = Teks("", "")

    def label(self, lang: str = "id") -> str:
        return self.label_teks(lang)

    def satuan(self, lang: str = "id") -> str:
        return self.satuan_teks(lang)

    def definisi(self, lang: str = "id") -> str:
        return self.definisi_teks(lang)

    @property
    def rasio(self) -> bool:
        return self.rumus == "rasio"

    @property
    def dasar(self) -> tuple[str, ...]:
        """The base figures this measure is made of."""
        return (self.pembilang,) + ((self.penyebut,) if self.penyebut else ())

    def teks(self, nilai, lang: str = "id", status: str | None = None) -> str:
        """The value formatted for a reader, with the estimate mark when it is an estimate."""
        return st.tandai(fmt.angka(nilai, lang, self.desimal), status)


def _jumlah(kode: str) -> Ukuran:
    label, satuan, definisi = DASAR[kode]
    return Ukuran(kode, "jumlah", kode, label_teks=label, satuan_teks=satuan, definisi_teks=definisi)


def _rasio(kode: str, pembilang: str, penyebut: str, skala: float, desimal: int, label: Teks,
           definisi: Teks) -> Ukuran:
    satuan = Teks(f"{DASAR[pembilang][1].id} per {label.id.split(' per ', 1)[1]}",
                  f"{DASAR[pembilang][1].en} per {label.en.split(' per ', 1)[1]}")
    return Ukuran(kode, "rasio", pembilang, penyebut, skala, desimal, label, satuan, definisi)


def _katalog() -> dict[str, Ukuran]:
    u = {k: _jumlah(k) for k in PILAR + ("kpm_pkh",)}
    u["kpm_per_pendamping"] = _rasio(
        "kpm_per_pendamping", "kpm_pkh", "pendamping_pkh", 1, 0,
        Teks("KPM per pendamping PKH", "PKH families per facilitator"),
        Teks("Jumlah KPM PKH dibagi jumlah pendamping PKH (rasio jumlah).",
             "PKH families divided by PKH facilitators (ratio of sums)."))
    u["kpm_per_1rb_penduduk"] = _rasio(
        "kpm_per_1rb_penduduk", "kpm_pkh", "penduduk", 1_000, 1,
        Teks("KPM PKH per 1.000 penduduk", "PKH families per 1,000 population"),
        Teks("Jumlah KPM PKH dibagi jumlah penduduk (Kepmendagri 2025), dikali 1.000.",
             "PKH families per 1,000 population (Kepmendagri 2025 count)."))
    u["kpm_per_1rb_miskin"] = _rasio(
        "kpm_per_1rb_miskin", "kpm_pkh", "penduduk_miskin", 1_000, 0,
        Teks("KPM PKH per 1.000 penduduk miskin", "PKH families per 1,000 poor people"),
        Teks("Jumlah KPM PKH dibagi jumlah penduduk miskin (BPS Maret 2024), dikali 1.000.",
             "PKH families per 1,000 poor people (BPS, March 2024)."))
    u["tksk_per_kecamatan"] = _rasio(
        "tksk_per_kecamatan", "tksk", "kecamatan", 1, 2, Teks("TKSK per kecamatan", "TKSK per sub-district"),
        Teks("Jumlah TKSK dibagi jumlah kecamatan; normanya 1 TKSK per kecamatan.",
             "TKSK divided by sub-districts; the norm is one per sub-district."))
    u["kekurangan_tksk"] = Ukuran(
        "kekurangan_tksk", "kekurangan", "tksk", "kecamatan", label_teks=Teks(
            "Kekurangan TKSK terhadap norma", "TKSK shortfall against the norm"),
        satuan_teks=DASAR["tksk"][1], definisi_teks=Teks(
            "Jumlah kecamatan dikurangi jumlah TKSK (norma satu TKSK per kecamatan), paling kecil 0.",
            "Sub-districts minus TKSK (norm: one TKSK per sub-district), at least 0."))
    for kode in ("psm", "karang_taruna"):
        lab = DASAR[kode][0]
        u[f"{kode}_per_desa"] = _rasio(
            f"{kode}_per_desa", kode, "desa_kelurahan", 1, 2,
            Teks(f"{lab.id} per desa/kelurahan", f"{lab.en} per village"),
            Teks(f"Jumlah {lab.id} dibagi jumlah desa + kelurahan.", f"{lab.en} divided by villages (desa + kelurahan)."))
    for kode in PILAR:
        lab = DASAR[kode][0]
        u[f"{kode}_per_10rb_penduduk"] = _rasio(
            f"{kode}_per_10rb_penduduk", kode, "penduduk", 10_000, 2,
            Teks(f"{lab.id} per 10.000 penduduk", f"{lab.en} per 10,000 population"),
            Teks(f"Jumlah {lab.id} dibagi jumlah penduduk (Kepmendagri 2025), dikali 10.000.",
                 f"{lab.en} per 10,000 population (Kepmendagri 2025 count)."))
        u[f"{kode}_per_1rb_miskin"] = _rasio(
            f"{kode}_per_1rb_miskin", kode, "penduduk_miskin", 1_000, 2,
            Teks(f"{lab.id} per 1.000 penduduk miskin", f"{lab.en} per 1,000 poor people"),
            Teks(f"Jumlah {lab.id} dibagi jumlah penduduk miskin (BPS Maret 2024), dikali 1.000.",
                 f"{lab.en} per 1,000 poor people (BPS, March 2024)."))
    return u


UKURAN: dict[str, Ukuran] = _katalog()
# Measures a reader can put on the map or the ranking (the shortfall is a province figure).
PETA = tuple(k for k, u in UKURAN.items() if u.rumus != "kekurangan")
# What the map and the ranking open on: backed by published per-unit figures (most KPM are published;
# every pillar count per unit is an allocation), so the comparison carries information.
BAWAAN_PETA = "kpm_per_1rb_penduduk"


@dataclass(frozen=True)
class Nilai:
    """A measure's value for a selection, with what it rests on."""
    nilai: float
    status: str | None
    periode: tuple[str, ...]
    sumber: tuple[str, ...]
    pembilang: float
    penyebut: float | None
    artefak: bool = False  # echoes an allocation rule for this selection (see artefak_per_wilayah)
    campur: bool = False   # numerator and denominator are reported figures of different periods


def artefak_per_wilayah(ind: Indikator, kode_ukuran: str) -> pd.Series:
    """Per unit: True when the measure only echoes an allocation rule there, i.e. one side of the
    ratio is an estimate allocated in proportion to the other side (TKSK by kecamatan per kecamatan,
    KPM per pendamping where pendamping were allocated by KPM, ...). Computed from each figure's
    recorded allocation basis, never listed by hand; a published or imported figure breaks the echo."""
    u = UKURAN[kode_ukuran]
    basis = ind.basis()
    if not u.penyebut:
        return pd.Series(False, index=basis.index)
    gema = (_kolom(basis, u.pembilang, None) == u.penyebut) | (_kolom(basis, u.penyebut, None) == u.pembilang)
    return gema.fillna(False).astype(bool)


def _rumus(u: Ukuran, num, den):
    """The one place a measure's arithmetic is written (scalars or aligned Series)."""
    if u.rumus == "jumlah":
        return num
    if u.rumus == "kekurangan":
        return (den - num).clip(lower=0) if isinstance(num, pd.Series) else max(den - num, 0)
    if isinstance(num, pd.Series):
        return num / den.where(den != 0) * u.skala
    return num / den * u.skala if den else float("nan")


def _kolom(frame: pd.DataFrame, nama: str, isi=float("nan")) -> pd.Series:
    """A figure's column; missing (no figure in the chosen period) when the data have none."""
    return frame[nama] if nama in frame else pd.Series(isi, index=frame.index, dtype=object if isi is None else float)


def _jumlah(s: pd.Series) -> float:
    return float(s.sum()) if s.notna().any() else float("nan")


def _campur(ind: Indikator, u: Ukuran) -> bool:
    """True when a ratio of two reported figures (pillars, KPM) mixes periods, e.g. KPM of 2022 over
    pendamping of 2025; facts such as population change slowly and do not count."""
    if not (u.penyebut and u.pembilang in BERKALA and u.penyebut in BERKALA):
        return False
    rows = ind.long[ind.long["indikator"].isin(u.dasar)]
    return rows.groupby("indikator")["kuartal"].max().nunique() > 1


def hitung(ind: Indikator, kode_ukuran: str, kode=()) -> Nilai:
    """The measure for a selection of units (all if empty), from sums."""
    u = UKURAN[kode_ukuran]
    sel = ind.pick(list(kode))
    nilai = sel.nilai()
    num = _jumlah(_kolom(nilai, u.pembilang))
    den = _jumlah(_kolom(nilai, u.penyebut)) if u.penyebut else None
    info = [sel.info(c) for c in u.dasar]
    return Nilai(
        nilai=_rumus(u, num, den),
        status=st.weakest(sel.status_jumlah(c) for c in u.dasar),
        periode=tuple(sorted({p for i in info for p in i["periode"]})),
        sumber=tuple(sorted({s for i in info for s in i["sumber"]} | set(sel.sumber_total(u.dasar)))),
        pembilang=num, penyebut=den, campur=_campur(sel, u),
        # a whole province sums back to the published totals: the allocation cancels out there
        artefak=not sel.lengkap and bool(artefak_per_wilayah(sel, kode_ukuran).any()))


def per_wilayah(ind: Indikator, kode_ukuran: str) -> pd.DataFrame:
    """One row per unit: kode_bps, nama, nilai, status, pembilang, penyebut, and the period of the
    unit's numerator (``periode``; pillars and KPM may be older than the chosen quarter)."""
    u = UKURAN[kode_ukuran]
    nilai, status, periode = ind.nilai(), ind.status(), ind.periode()
    out = pd.DataFrame({"kode_bps": nilai.index, "nama": ind.nama.reindex(nilai.index).values})
    num = _kolom(nilai, u.pembilang)
    den = _kolom(nilai, u.penyebut) if u.penyebut else None
    out["pembilang"] = num.values
    out["penyebut"] = den.values if den is not None else float("nan")
    out["nilai"] = _rumus(u, num, den).values
    out["status"] = [st.weakest(s) for s in zip(*(_kolom(status, c, None) for c in u.dasar))]
    out["periode"] = _kolom(periode, u.pembilang, None).values
    out["artefak"] = artefak_per_wilayah(ind, kode_ukuran).reindex(nilai.index).values
    return out
