"""The projection's arrays and inputs (see ``pilar/proyeksi.py`` and docs/PROYEKSI.md).

Kept apart from ``pilar.proyeksi`` (input ranges, checks, the public functions, scenarios)
so neither module grows past what one reader holds in mind; ``pilar.proyeksi`` re-exports
every public name here, and callers should import from there. This module imports nothing
of ``pilar.proyeksi`` (imports go one way).
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from .data import Indikator

# Slack when comparing graduates with a target (families); absorbs float rounding only.
TOLERANSI = 1e-6

# Fallbacks when the database has no reference row (the fixture database lacks some).
ACUAN_BAWAAN = {
    "graduasi_per_pendamping": 10.0,
    "lama_graduasi_min": 3.0,
    "lama_graduasi_max": 5.0,
    "beban_pendamping_min": 250.0,
    "beban_pendamping_max": 350.0,
}


def bagi(total: float, k0: np.ndarray) -> np.ndarray:
    """Split a selection total over units in proportion to K(0) (equal shares if all K(0) are 0)."""
    k0 = np.asarray(k0, dtype=float)
    s = k0.sum()
    w = k0 / s if s > 0 else np.full(k0.shape, 1.0 / max(len(k0), 1))
    return total * w


def langkah(K, P, g, keluar, n_u):
    """One year for every unit: (G, X, K next). The single place the step is written."""
    G = np.minimum(g * P, K)
    X = keluar * (K - G)
    return G, X, K - G - X + n_u


# ---------------------------------------------------------------- projection

@dataclass(frozen=True)
class Lintasan:
    """A projection: arrays of shape (H+1, units), row t = state after t years."""

    kode: tuple[int, ...]
    K: np.ndarray   # active KPM at the start of year t
    P: np.ndarray   # pendamping
    G: np.ndarray   # graduations during year t (row 0: 0)
    X: np.ndarray   # other exits during year t (row 0: 0)
    N: np.ndarray   # entrants during year t (row 0: 0)

    @property
    def tahun(self) -> int:
        return self.K.shape[0] - 1

    @property
    def kumulatif(self) -> np.ndarray:
        """Cumulative graduates after t years, per unit."""
        return np.cumsum(self.G, axis=0)

    def jumlah(self) -> pd.DataFrame:
        """The selection per year (sums over units; the ratio is a ratio of sums)."""
        K, P, G = self.K.sum(1), self.P.sum(1), self.G.sum(1)
        with np.errstate(all="ignore"):
            rasio = np.where(P > 0, K / np.where(P > 0, P, 1), np.nan)
        return pd.DataFrame({
            "tahun": np.arange(self.tahun + 1), "kpm": K, "graduasi": G,
            "kumulatif_graduasi": np.cumsum(G), "pendamping": P, "kpm_per_pendamping": rasio,
            "keluar": self.X.sum(1), "masuk": self.N.sum(1)})

    def per_unit(self, sisa: float | None = None) -> pd.DataFrame:
        """One row per unit: start, state after H years, and the target year if ``sisa`` is given."""
        H = self.tahun
        K, P = self.K, self.P
        with np.errstate(all="ignore"):
            rasio = np.where(P[H] > 0, K[H] / np.where(P[H] > 0, P[H], 1), np.nan)
        df = pd.DataFrame({
            "kode_bps": list(self.kode), "kpm_awal": K[0], "pendamping_awal": P[0],
            "kpm_akhir": K[H], "pendamping_akhir": P[H], "kumulatif_graduasi": self.kumulatif[H],
            "keluar_kumulatif": self.X.sum(0), "masuk_kumulatif": self.N.sum(0),
            "kpm_per_pendamping_akhir": rasio})
        if sisa is not None:
            df["tahun_target"] = pd.array(tahun_target_unit(self, sisa), dtype="Int64")
        return df

    def tahun_target(self, sisa: float) -> int | None:
        """First t (0..H) with K(t) <= sisa * K(0) for the selection, or None ("not within H years")."""
        return _pertama(self.K.sum(1), sisa)


def _pertama(k: np.ndarray, sisa: float) -> int | None:
    hit = np.nonzero(k <= sisa * k[0] + TOLERANSI)[0]
    return int(hit[0]) if len(hit) else None


def tahun_target_unit(lin: Lintasan, sisa: float) -> list[int | None]:
    return [_pertama(lin.K[:, i], sisa) for i in range(lin.K.shape[1])]


# ---------------------------------------------------------------- "Apa yang dibutuhkan"

def graduasi_kumulatif(k0, p, g, tahun: int, masuk_u=0.0, keluar: float = 0.0) -> np.ndarray:
    """Graduates after ``tahun`` years with constant pendamping ``p``; broadcasts over any shape.

    The same step as ``proyeksi`` (identical floats), vectorised over units and candidates.
    """
    K = np.asarray(k0, dtype=float)
    p = np.asarray(p, dtype=float)
    g = np.asarray(g, dtype=float)
    S = np.zeros(np.broadcast(K, p, g).shape)
    for _ in range(tahun):
        G, _X, K = langkah(K, p, g, keluar, masuk_u)
        S = S + G
    return S


def tercapai(graduasi, k0, target: float) -> np.ndarray:
    """True where graduates reach ``target`` (share 0..1) of K(0)."""
    return np.asarray(graduasi) >= target * np.asarray(k0, dtype=float) - TOLERANSI


def bulat_terkecil(cukup, hi: np.ndarray) -> np.ndarray:
    """Smallest integer v in [0, hi] with cukup(v), per element; cukup monotone and true at hi."""
    lo = np.zeros_like(hi)
    while np.any(lo < hi):
        mid = (lo + hi) // 2
        ok = cukup(mid)
        hi = np.where(ok, mid, hi)
        lo = np.where(ok, lo, mid + 1)
    return hi


@dataclass(frozen=True)
class Kebutuhan:
    """Smallest whole number per unit that reaches the target; None = cannot be reached."""

    per_unit: tuple[int | None, ...]
    pilihan: int | None   # for the selection: every unit reaches the target (see docs)

    def sebagai_larik(self) -> np.ndarray:
        return np.array([np.nan if v is None else v for v in self.per_unit], dtype=float)


# ---------------------------------------------------------------- data and reference values

@dataclass(frozen=True)
class Masukan:
    """K(0) and P(0) of the selected units, with their status (resmi/berita/estimasi)."""

    kode: tuple[int, ...]
    nama: tuple[str, ...]
    k0: np.ndarray
    p0: np.ndarray
    status_k: tuple[str | None, ...]
    status_p: tuple[str | None, ...]
    tanpa_data: tuple[int, ...] = ()  # units left out: no K(0) or no P(0)

    def pilih(self, kode) -> "Masukan":
        idx = [i for i, k in enumerate(self.kode) if k in set(kode)]
        return replace(self, kode=tuple(self.kode[i] for i in idx), nama=tuple(self.nama[i] for i in idx),
                       k0=self.k0[idx], p0=self.p0[idx], status_k=tuple(self.status_k[i] for i in idx),
                       status_p=tuple(self.status_p[i] for i in idx))


def masukan(ind: Indikator) -> Masukan:
    """K(0) = indicator kpm_pkh, P(0) = pendamping_pkh, for the units of ``ind``.

    Only reads ``ind``: its frames are shared between sessions, so a missing indicator
    becomes a column of the new frames made by ``reindex``, never of the shared ones.
    """
    kolom = ["kpm_pkh", "pendamping_pkh"]
    nilai, status = ind.nilai().reindex(columns=kolom), ind.status().reindex(columns=kolom)
    ada = nilai["kpm_pkh"].notna() & nilai["pendamping_pkh"].notna()
    nama = ind.nama
    kode = [int(k) for k in nilai.index[ada]]
    return Masukan(
        tuple(kode), tuple(str(nama.get(k, k)) for k in kode),
        nilai.loc[ada, "kpm_pkh"].to_numpy(float), nilai.loc[ada, "pendamping_pkh"].to_numpy(float),
        tuple(status.loc[ada, "kpm_pkh"]), tuple(status.loc[ada, "pendamping_pkh"]),
        tuple(int(k) for k in nilai.index[~ada]))


@dataclass(frozen=True)
class NilaiAcuan:
    nilai: float
    sumber_id: str | None = None   # None: the model's fallback, no row in the database
    periode: str | None = None
    status: str | None = None
    penerbit: str | None = None
    catatan: str | None = None


def acuan(df: pd.DataFrame | None) -> dict[str, NilaiAcuan]:
    """Reference values (rows of queries/acuan.sql), with the model's fallbacks for the few the
    model cannot run without."""
    out = {k: NilaiAcuan(v) for k, v in ACUAN_BAWAAN.items()}
    if df is not None:
        for r in df.itertuples():
            out[r.indikator] = NilaiAcuan(float(r.nilai), r.sumber_id, r.periode, r.status,
                                          getattr(r, "penerbit", None), r.catatan)
    return out
