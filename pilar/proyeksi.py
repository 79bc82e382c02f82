"""Graduation projections of KPM PKH (issue 5): the model as pure functions, no Streamlit.

Per unit k (kabupaten/kota), yearly steps t = 0 .. H (docs/PROYEKSI.md has it in words):

    P(t+1) = max(0, P(t) + dP_k)               dP_k = dP * K_k(0) / sum K(0)
    G(t)   = min(g * P(t), K(t))               graduations, capped by capacity and by who is left
    X(t)   = e * (K(t) - G(t))                 other exits
    N_k    = N * K_k(0) / sum K(0)             entrants, a selection total split by K(0)
    K(t+1) = K(t) - G(t) - X(t) + N_k

Numbers are real (float64) throughout the model; nothing is rounded until display.
With whole-number inputs and e = 0 every value stays a whole number exactly.
A selection is the sum of per-unit projections, never a projection of sums.

Output rows are states "after t years": row t holds K(t), P(t) and the flows of
year t (G(t-1), X(t-1), N(t-1) in the formulas); row 0 has zero flows.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from .data import Indikator
from .teks import t as _t

# Ranges of the inputs (the page's widgets and the URL/CLI checks use the same ones).
TAHUN_MIN, TAHUN_MAX = 1, 10
G_MAX = 1000.0
DP_MIN, DP_MAX = -10_000.0, 10_000.0
MASUK_MAX = 1_000_000.0
MAKS_SKENARIO = 3
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


class ProyeksiError(ValueError):
    """An input of the projection is out of range (message in Bahasa Indonesia)."""


# ---------------------------------------------------------------- checks

def periksa(tahun: int = 10, g: float = 10.0, dp: float = 0.0, masuk: float = 0.0,
            keluar: float = 0.0) -> None:
    """Raise ProyeksiError with every problem of the scenario inputs."""
    salah = []
    if not isinstance(tahun, (int, np.integer)) or not TAHUN_MIN <= tahun <= TAHUN_MAX:
        salah.append(f"Jangka proyeksi harus bilangan bulat {TAHUN_MIN} sampai {TAHUN_MAX} tahun (diberikan: {tahun}).")
    if not _hingga(g) or g < 0:
        salah.append(f"Graduasi per pendamping (g) tidak boleh negatif (diberikan: {g}).")
    if not _hingga(dp):
        salah.append(f"Perubahan pendamping per tahun harus angka (diberikan: {dp}).")
    if not _hingga(masuk) or masuk < 0:
        salah.append(f"KPM baru per tahun tidak boleh negatif (diberikan: {masuk}).")
    if not _hingga(keluar) or not 0 <= keluar <= 1:
        salah.append(f"Laju keluar lainnya (e) harus antara 0 dan 1, misalnya 0,02 untuk 2% per tahun "
                     f"(diberikan: {keluar}).")
    if salah:
        raise ProyeksiError(" ".join(salah))


def _hingga(x) -> bool:
    try:
        return math.isfinite(float(x))
    except (TypeError, ValueError):
        return False


def _larik(x, nama: str) -> np.ndarray:
    a = np.atleast_1d(np.asarray(x, dtype=float)).reshape(-1)
    if not np.all(np.isfinite(a)) or np.any(a < 0):
        raise ProyeksiError(f"{nama} per wilayah harus angka tidak negatif.")
    return a


def bagi(total: float, k0: np.ndarray) -> np.ndarray:
    """Split a selection total over units in proportion to K(0) (equal shares if all K(0) are 0)."""
    k0 = np.asarray(k0, dtype=float)
    s = k0.sum()
    w = k0 / s if s > 0 else np.full(k0.shape, 1.0 / max(len(k0), 1))
    return total * w


def _langkah(K, P, g, keluar, n_u):
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


def proyeksi(k0, p0, tahun: int = 10, g: float = 10.0, dp: float = 0.0, masuk: float = 0.0,
             keluar: float = 0.0, kode: tuple[int, ...] | None = None) -> Lintasan:
    """Project every unit for ``tahun`` years.

    k0, p0: K(0) and P(0) per unit (array-like, or scalars for one unit).
    dp, masuk: ΔP and N per year for the whole selection, split to units by K(0).
    """
    periksa(tahun, g, dp, masuk, keluar)
    k0, p0 = _larik(k0, "KPM awal"), _larik(p0, "Pendamping awal")
    if k0.shape != p0.shape:
        raise ProyeksiError("Jumlah wilayah KPM awal dan pendamping awal berbeda.")
    n = len(k0)
    dp_u, n_u = bagi(dp, k0), bagi(masuk, k0)
    K = np.empty((tahun + 1, n))
    P = np.empty((tahun + 1, n))
    G, X, N = np.zeros((tahun + 1, n)), np.zeros((tahun + 1, n)), np.zeros((tahun + 1, n))
    K[0], P[0] = k0, p0
    for t in range(tahun):
        G[t + 1], X[t + 1], K[t + 1] = _langkah(K[t], P[t], g, keluar, n_u)
        N[t + 1] = n_u
        P[t + 1] = np.maximum(0.0, P[t] + dp_u)
    return Lintasan(tuple(kode) if kode is not None else tuple(range(n)), K, P, G, X, N)


# ---------------------------------------------------------------- second lens: duration D

def lensa_durasi(k0, p0, g: float, D: float) -> tuple[pd.DataFrame, dict]:
    """If a family graduates after D years on average, year one needs about K(0)/D graduations.

    Returns per unit and for the selection (sums): kebutuhan = K(0)/D, kapasitas = G(0) =
    min(g*P(0), K(0)), rasio = kebutuhan/kapasitas, g_penutup = K(0)/(D*P(0)) at current P,
    p_penutup = K(0)/(D*g) at the given g (real numbers; round up for display).
    This lens is the issue's approximation, not the model; the solver below is exact.
    """
    if not _hingga(D) or D <= 0:
        raise ProyeksiError(f"Lama graduasi D harus lebih dari 0 tahun (diberikan: {D}).")
    periksa(g=g)
    k0, p0 = _larik(k0, "KPM awal"), _larik(p0, "Pendamping awal")

    def hitung(k, p):
        kebutuhan = k / D
        kapasitas = np.minimum(g * p, k)
        with np.errstate(all="ignore"):
            rasio = np.where(kapasitas > 0, kebutuhan / np.where(kapasitas > 0, kapasitas, 1), np.nan)
            g_pen = np.where(p > 0, k / (D * np.where(p > 0, p, 1)), np.nan)
            p_pen = k / (D * g) if g > 0 else np.full(k.shape, np.nan)
            lama = np.where(kapasitas > 0, k / np.where(kapasitas > 0, kapasitas, 1), np.nan)
        return {"kpm_awal": k, "pendamping_awal": p, "kebutuhan": kebutuhan, "kapasitas": kapasitas,
                "rasio": rasio, "g_penutup": g_pen, "p_penutup": p_pen, "lama_pada_laju_ini": lama}

    per = pd.DataFrame(hitung(k0, p0))
    tot = hitung(np.array([k0.sum()]), np.array([p0.sum()]))
    sel = {k: float(np.asarray(v).reshape(-1)[0]) for k, v in tot.items()}
    # capacity of the selection is the sum of unit capacities (each unit is capped by its own K)
    sel["kapasitas"] = float(per["kapasitas"].sum())
    sel["rasio"] = sel["kebutuhan"] / sel["kapasitas"] if sel["kapasitas"] > 0 else float("nan")
    sel["lama_pada_laju_ini"] = sel["kpm_awal"] / sel["kapasitas"] if sel["kapasitas"] > 0 else float("nan")
    return per, sel


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
        G, _X, K = _langkah(K, p, g, keluar, masuk_u)
        S = S + G
    return S


def tercapai(graduasi, k0, target: float) -> np.ndarray:
    """True where graduates reach ``target`` (share 0..1) of K(0)."""
    return np.asarray(graduasi) >= target * np.asarray(k0, dtype=float) - TOLERANSI


def _terkecil(cukup, hi: np.ndarray) -> np.ndarray:
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


def _periksa_target(target: float, tahun: int) -> None:
    if not _hingga(target) or not 0 <= target <= 1:
        raise ProyeksiError(f"Target harus proporsi 0 sampai 1 dari KPM saat ini (diberikan: {target}).")
    if not isinstance(tahun, (int, np.integer)) or not TAHUN_MIN <= tahun <= TAHUN_MAX:
        raise ProyeksiError(f"Jangka target harus {TAHUN_MIN} sampai {TAHUN_MAX} tahun (diberikan: {tahun}).")


def butuh_pendamping(k0, g: float, target: float, tahun: int, masuk: float = 0.0,
                     keluar: float = 0.0) -> Kebutuhan:
    """Smallest constant number of pendamping per unit so that graduates within ``tahun`` years
    reach ``target`` x K(0), at graduations per pendamping ``g``; exact on the model (binary search).

    ``masuk`` is the selection's entrants per year (split by K(0)). For the selection the answer
    is the sum of the unit answers: every unit reaches the target.
    """
    periksa(tahun, g, 0.0, masuk, keluar)
    _periksa_target(target, tahun)
    k0 = _larik(k0, "KPM awal")
    n_u = bagi(masuk, k0)
    if g == 0:
        mungkin = target * k0 <= TOLERANSI
        per = tuple(0 if m else None for m in mungkin)
    else:
        # With g*P >= K(0) everyone graduates in year one, so ceil(K0/g)+1 always suffices.
        hi = np.ceil(k0 / g).astype(np.int64) + 1

        def cukup(p):
            return tercapai(graduasi_kumulatif(k0, p, g, tahun, n_u, keluar), k0, target)

        per = tuple(int(v) for v in _terkecil(cukup, hi))
    return Kebutuhan(per, None if any(v is None for v in per) else int(sum(per)))


def butuh_g(k0, p0, target: float, tahun: int, masuk: float = 0.0, keluar: float = 0.0) -> Kebutuhan:
    """Smallest whole g per unit at the current (constant) pendamping that reaches the target;
    exact on the model. For the selection: the largest unit answer, the smallest common g at
    which every unit reaches the target."""
    periksa(tahun, 0.0, 0.0, masuk, keluar)
    _periksa_target(target, tahun)
    k0, p0 = _larik(k0, "KPM awal"), _larik(p0, "Pendamping awal")
    n_u = bagi(masuk, k0)
    bisa = (p0 > 0) | (target * k0 <= TOLERANSI)
    p_aman = np.where(p0 > 0, p0, 1.0)
    hi = np.where(bisa, np.ceil(k0 / p_aman).astype(np.int64) + 1, 0)

    def cukup(g):
        return tercapai(graduasi_kumulatif(k0, p0, g, tahun, n_u, keluar), k0, target) | ~bisa

    ans = _terkecil(cukup, hi)
    per = tuple(int(v) if b else None for v, b in zip(ans, bisa))
    return Kebutuhan(per, None if any(v is None for v in per) else int(max(per, default=0)))


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
    """K(0) = indicator kpm_pkh, P(0) = pendamping_pkh, for the units of ``ind``."""
    nilai, status = ind.nilai(), ind.status()
    for c in ("kpm_pkh", "pendamping_pkh"):
        if c not in nilai:
            nilai[c] = np.nan
            status[c] = None
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
    """Reference values used as defaults (rows of queries/acuan.sql), with fallbacks."""
    out = {k: NilaiAcuan(v) for k, v in ACUAN_BAWAAN.items()}
    if df is not None:
        for r in df.itertuples():
            if r.indikator in out:
                out[r.indikator] = NilaiAcuan(float(r.nilai), r.sumber_id, r.periode, r.status,
                                              getattr(r, "penerbit", None), r.catatan)
    return out


# ---------------------------------------------------------------- scenarios and URL

P0_PILIHAN = ("data", "target")


@dataclass(frozen=True)
class Skenario:
    g: float = 10.0
    dp: float = 0.0        # change in pendamping per year, selection total
    masuk: float = 0.0     # new KPM per year, selection total
    keluar: float = 0.0    # other exits, share of the remaining KPM per year
    p0: str = "data"       # "data": P(0) from the data; "target": the solver's answer
    nama: str | None = None  # None: named from its values (nama_skenario)


@dataclass(frozen=True)
class Pengaturan:
    """Everything the page's inputs hold; mirrored in the URL."""

    H: int = 10
    D: int = 4
    target: int = 100       # percent of current KPM to graduate ...
    dalam: int = 5          # ... within this many years
    skenario: tuple[Skenario, ...] = field(default_factory=tuple)


def pengaturan_bawaan(g: float = 10.0, D: int = 4, dalam: int = 5) -> Pengaturan:
    """The three default scenarios of the page."""
    return Pengaturan(H=10, D=D, target=100, dalam=dalam, skenario=(
        Skenario(g=g), Skenario(g=g, dp=50.0), Skenario(g=g, p0="target")))


def _akhiran(i: int) -> str:
    return "" if i == 0 else str(i + 1)


def angka_url(x: float) -> str:
    x = float(x)
    return str(int(x)) if x.is_integer() and abs(x) < 1e15 else repr(x)


def ke_url(p: Pengaturan) -> dict[str, str]:
    """URL parameters of a setting (scenario 1 unsuffixed: g, dp, ...; then g2, g3, ...)."""
    out = {"H": str(p.H), "D": str(p.D), "target": str(p.target), "dalam": str(p.dalam),
           "sk": str(len(p.skenario))}
    for i, s in enumerate(p.skenario):
        a = _akhiran(i)
        out.update({f"g{a}": angka_url(s.g), f"dp{a}": angka_url(s.dp), f"masuk{a}": angka_url(s.masuk),
                    f"keluar{a}": angka_url(s.keluar), f"p0{a}": s.p0})
        if s.nama:
            out[f"nama{a}"] = s.nama
    return out


def kunci_url() -> list[str]:
    """Every URL parameter name this module may write."""
    keys = ["H", "D", "target", "dalam", "sk"]
    for i in range(MAKS_SKENARIO):
        a = _akhiran(i)
        keys += [f"g{a}", f"dp{a}", f"masuk{a}", f"keluar{a}", f"p0{a}", f"nama{a}"]
    return keys


def dari_url(q, bawaan: Pengaturan, D_min: int = 3, D_max: int = 5) -> tuple[Pengaturan, list[str]]:
    """Read a setting from URL parameters; bad values fall back to the default, with a message."""
    salah: list[str] = []

    def baca(key, default, conv, ok, aturan):
        if key not in q or q[key] in ("", None):
            return default
        try:
            v = conv(q[key])
            if ok(v):
                return v
        except (TypeError, ValueError):
            pass
        salah.append(f"{key}={q[key]} ({aturan})")
        return default

    def bulat(x):
        f = float(x)
        if not f.is_integer():
            raise ValueError
        return int(f)

    H = baca("H", bawaan.H, bulat, lambda v: TAHUN_MIN <= v <= TAHUN_MAX, f"{TAHUN_MIN}–{TAHUN_MAX}")
    D = baca("D", bawaan.D, bulat, lambda v: D_min <= v <= D_max, f"{D_min}–{D_max}")
    target = baca("target", bawaan.target, bulat, lambda v: 1 <= v <= 100, "1–100")
    dalam = baca("dalam", bawaan.dalam, bulat, lambda v: TAHUN_MIN <= v <= TAHUN_MAX, f"{TAHUN_MIN}–{TAHUN_MAX}")
    sk = baca("sk", len(bawaan.skenario), bulat, lambda v: 1 <= v <= MAKS_SKENARIO, f"1–{MAKS_SKENARIO}")
    skenario = []
    for i in range(sk):
        a = _akhiran(i)
        b = bawaan.skenario[i] if i < len(bawaan.skenario) else Skenario(g=bawaan.skenario[0].g)
        nama = q.get(f"nama{a}") or None
        skenario.append(Skenario(
            g=baca(f"g{a}", b.g, float, lambda v: math.isfinite(v) and 0 <= v <= G_MAX, f"0–{G_MAX:g}"),
            dp=baca(f"dp{a}", b.dp, float, lambda v: math.isfinite(v) and DP_MIN <= v <= DP_MAX,
                    f"{DP_MIN:g}–{DP_MAX:g}"),
            masuk=baca(f"masuk{a}", b.masuk, float, lambda v: math.isfinite(v) and 0 <= v <= MASUK_MAX,
                       f"0–{MASUK_MAX:g}"),
            keluar=baca(f"keluar{a}", b.keluar, float, lambda v: math.isfinite(v) and 0 <= v <= 1, "0–1"),
            p0=baca(f"p0{a}", b.p0, str, lambda v: v in P0_PILIHAN, "/".join(P0_PILIHAN)),
            nama=nama[:60] if nama else None))
    return Pengaturan(H, D, target, dalam, tuple(skenario)), salah


def nama_skenario(s: Skenario, dalam: int, lang: str, g_acuan: float = 10.0) -> str:
    """A scenario's label: the user's name, or one made from its values."""
    if s.nama:
        return s.nama
    from . import format as fmt

    def a(x):
        return fmt.angka(abs(x), lang, _desimal(x))

    if s.p0 == "target":
        kind, base = "target", _t("pr_sk_target", lang).format(tahun=dalam)
    elif s.dp > 0:
        kind, base = "dp", _t("pr_sk_tambah", lang).format(dp=a(s.dp))
    elif s.g == g_acuan:
        kind, base = "menteri", _t("pr_sk_menteri", lang).format(g=a(s.g))
    else:
        kind, base = "g", _t("pr_sk_g", lang).format(g=a(s.g))
    extra = []
    if s.g != g_acuan and kind != "g":
        extra.append(f"g = {a(s.g)}")
    if s.dp and kind != "dp":
        extra.append(_t("pr_sk_ek_dp", lang).format(tanda="+" if s.dp > 0 else "−", dp=a(s.dp)))
    if s.masuk:
        extra.append(_t("pr_sk_ek_masuk", lang).format(n=a(s.masuk)))
    if s.keluar:
        extra.append(_t("pr_sk_ek_keluar", lang).format(e=fmt.persen(100 * s.keluar, lang)))
    return base + (f" ({'; '.join(extra)})" if extra else "")


def _desimal(x: float) -> int:
    return 0 if float(x).is_integer() else 1


def nama_unik(names: list[str]) -> list[str]:
    """Distinct labels for charts: a repeated name gets ' (2)', ' (3)'."""
    out, seen = [], {}
    for n in names:
        seen[n] = seen.get(n, 0) + 1
        out.append(n if seen[n] == 1 else f"{n} ({seen[n]})")
    return out


@dataclass(frozen=True)
class HasilSkenario:
    skenario: Skenario
    lintasan: Lintasan
    p0_dipakai: np.ndarray
    p0_target_gagal: bool = False  # p0 == "target" but the target cannot be reached (g = 0)


def jalankan(m: Masukan, s: Skenario, H: int, target: float, dalam: int) -> HasilSkenario:
    """Project one scenario over the units of ``m`` (target as share 0..1, used when p0 == 'target')."""
    p0, gagal = m.p0, False
    if s.p0 == "target":
        kb = butuh_pendamping(m.k0, s.g, target, dalam, s.masuk, s.keluar)
        if kb.pilihan is None:
            gagal = True
        else:
            p0 = np.array(kb.per_unit, dtype=float)
    lin = proyeksi(m.k0, p0, H, s.g, s.dp, s.masuk, s.keluar, kode=m.kode)
    return HasilSkenario(s, lin, p0, gagal)
