"""Every measure shown in the app, defined once.

A measure is a numerator over a denominator, times a scale. Over several units
it is always the ratio of sums (sum of numerators / sum of denominators), never
an average of unit ratios. Its status is the weakest status of the figures used.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .data import Indikator, weakest

PILAR = ("lks", "tksk", "psm", "karang_taruna", "pendamping_pkh", "tagana", "pelopor_perdamaian")

NAMA_PILAR = {
    "lks": ("LKS", "LKS (social welfare institutions)"),
    "tksk": ("TKSK", "TKSK (sub-district social workers)"),
    "psm": ("PSM", "PSM (community social workers)"),
    "karang_taruna": ("Karang Taruna", "Karang Taruna (youth organisations)"),
    "pendamping_pkh": ("Pendamping PKH", "PKH facilitators"),
    "tagana": ("Tagana", "Tagana (disaster volunteers)"),
    "pelopor_perdamaian": ("Pelopor Perdamaian", "Peace pioneers"),
}

DASAR = {  # base figures: (id, en) labels
    "kpm_pkh": ("KPM PKH", "PKH beneficiary families"),
    "penduduk": ("Penduduk", "Population"),
    "penduduk_miskin": ("Penduduk miskin", "Poor population"),
    "kecamatan": ("Kecamatan", "Sub-districts"),
    "desa_kelurahan": ("Desa/kelurahan", "Villages"),
}


@dataclass(frozen=True)
class Ukuran:
    kode: str
    pembilang: str
    penyebut: str | None = None
    skala: float = 1.0
    desimal: int = 0
    label_id: str = ""
    label_en: str = ""
    definisi_id: str = ""
    definisi_en: str = ""

    def label(self, lang: str = "id") -> str:
        return self.label_en if lang == "en" else self.label_id

    def definisi(self, lang: str = "id") -> str:
        return self.definisi_en if lang == "en" else self.definisi_id

    @property
    def rasio(self) -> bool:
        return self.penyebut is not None


def _build() -> dict[str, Ukuran]:
    u: dict[str, Ukuran] = {}
    for kode, (nid, nen) in NAMA_PILAR.items():
        u[kode] = Ukuran(kode, kode, label_id=f"Jumlah {nid}", label_en=f"Number of {nen}",
                         definisi_id=f"Jumlah {nid}.", definisi_en=f"Number of {nen}.")
    u["kpm_pkh"] = Ukuran("kpm_pkh", "kpm_pkh", label_id="KPM PKH", label_en="PKH families",
                          definisi_id="Keluarga penerima manfaat Program Keluarga Harapan.",
                          definisi_en="Families receiving the Family Hope Programme (PKH).")
    u["kpm_per_pendamping"] = Ukuran(
        "kpm_per_pendamping", "kpm_pkh", "pendamping_pkh", 1, 0,
        "KPM per pendamping PKH", "PKH families per facilitator",
        "Jumlah KPM PKH dibagi jumlah pendamping PKH (rasio jumlah).",
        "PKH families divided by PKH facilitators (ratio of sums).")
    u["tksk_per_kecamatan"] = Ukuran(
        "tksk_per_kecamatan", "tksk", "kecamatan", 1, 2,
        "TKSK per kecamatan", "TKSK per sub-district",
        "Jumlah TKSK dibagi jumlah kecamatan; normanya 1 TKSK per kecamatan.",
        "TKSK divided by sub-districts; the norm is one per sub-district.")
    for kode in ("psm", "karang_taruna"):
        nid, nen = NAMA_PILAR[kode]
        u[f"{kode}_per_desa"] = Ukuran(
            f"{kode}_per_desa", kode, "desa_kelurahan", 1, 2,
            f"{nid} per desa/kelurahan", f"{nen.split(' (')[0]} per village",
            f"Jumlah {nid} dibagi jumlah desa + kelurahan.",
            f"{nen} divided by villages (desa + kelurahan).")
    for kode, (nid, nen) in NAMA_PILAR.items():
        short_en = nen.split(" (")[0]
        u[f"{kode}_per_10rb_penduduk"] = Ukuran(
            f"{kode}_per_10rb_penduduk", kode, "penduduk", 10_000, 2,
            f"{nid} per 10.000 penduduk", f"{short_en} per 10,000 population",
            f"Jumlah {nid} dibagi jumlah penduduk (Kepmendagri 2025), dikali 10.000.",
            f"{nen} per 10,000 population (Kepmendagri 2025 count).")
        u[f"{kode}_per_1rb_miskin"] = Ukuran(
            f"{kode}_per_1rb_miskin", kode, "penduduk_miskin", 1_000, 2,
            f"{nid} per 1.000 penduduk miskin", f"{short_en} per 1,000 poor people",
            f"Jumlah {nid} dibagi jumlah penduduk miskin (BPS Maret 2024), dikali 1.000.",
            f"{nen} per 1,000 poor people (BPS, March 2024).")
    return u


UKURAN: dict[str, Ukuran] = _build()


def per_wilayah(ind: Indikator, kode_ukuran: str) -> pd.DataFrame:
    """One row per unit: kode_bps, nama, nilai, status, pembilang, penyebut."""
    u = UKURAN[kode_ukuran]
    nilai, status = ind.nilai(), ind.status()
    out = pd.DataFrame({"kode_bps": nilai.index, "nama": ind.nama.reindex(nilai.index).values})
    num = nilai[u.pembilang]
    out["pembilang"] = num.values
    if u.rasio:
        den = nilai[u.penyebut]
        out["penyebut"] = den.values
        out["nilai"] = (num / den.where(den != 0) * u.skala).values
        out["status"] = [weakest([a, b]) for a, b in zip(status[u.pembilang], status[u.penyebut])]
    else:
        out["penyebut"] = float("nan")
        out["nilai"] = num.values
        out["status"] = status[u.pembilang].values
    return out.reset_index(drop=True)


def gabungan(ind: Indikator, kode_ukuran: str, kode: list[int] | None = None) -> dict:
    """The measure for a selection of units (all if empty): ratio of sums."""
    u = UKURAN[kode_ukuran]
    sel = ind.pick(kode)
    nilai = sel.nilai()
    num = nilai[u.pembilang].sum()
    cols = [u.pembilang] + ([u.penyebut] if u.rasio else [])
    st = weakest([sel.status_jumlah(c) for c in cols])
    if not u.rasio:
        return {"nilai": num, "status": st, "pembilang": num, "penyebut": None}
    den = nilai[u.penyebut].sum()
    return {"nilai": num / den * u.skala if den else float("nan"), "status": st,
            "pembilang": num, "penyebut": den}
