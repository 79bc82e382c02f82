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

This module holds the input ranges (shared by the page, its URL and the CLI), the checks,
the public functions and the scenarios; the arrays and the database inputs live in
``pilar.proyeksi_inti`` and are re-exported here, so ``from pilar import proyeksi`` is all a
caller needs.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import format as fmt
from .proyeksi_inti import (ACUAN_BAWAAN, TOLERANSI, Kebutuhan, Lintasan, Masukan, NilaiAcuan,  # noqa: F401
                            acuan, bagi, bulat_terkecil, graduasi_kumulatif, langkah, masukan,
                            tahun_target_unit, tercapai)
from .teks import t as _t

# Ranges of the inputs: the page's widgets, its URL check, the CLI and ``periksa`` use these
# and no other numbers (docs/PROYEKSI.md lists them).
TAHUN_MIN, TAHUN_MAX = 1, 10              # years projected, and years to reach a target
G_MIN, G_MAX = 0.0, 1000.0                # graduations per pendamping per year
DP_MIN, DP_MAX = -10_000.0, 10_000.0      # change in pendamping per year, selection total
MASUK_MIN, MASUK_MAX = 0.0, 1_000_000.0   # new KPM per year, selection total
KELUAR_MIN, KELUAR_MAX = 0.0, 1.0         # other exits, share per year (the page shows 0-100 %)
MAKS_SKENARIO = 3


class ProyeksiError(ValueError):
    """An input of the projection is out of range (message in Bahasa Indonesia)."""


@dataclass(frozen=True)
class Batas:
    """The range of one scenario input, with the words used in messages and help texts."""

    kata: str      # what the number is, in Bahasa Indonesia
    lo: float
    hi: float
    contoh: str = ""  # appended to the message, e.g. how to write a share

    def teks(self, lang: str = "id", sambung: str = " sampai ") -> str:
        """'0 sampai 1.000' (numbers through pilar.format, in the reader's language)."""
        return f"{fmt.angka(self.lo, lang)}{sambung}{fmt.angka(self.hi, lang)}"

    def memuat(self, x) -> bool:
        return _hingga(x) and self.lo <= float(x) <= self.hi

    def pesan(self, diberikan) -> str:
        return f"{self.kata} harus {self.teks()}{self.contoh} (diberikan: {diberikan})."


BATAS = {
    "g": Batas("Graduasi per pendamping per tahun (g)", G_MIN, G_MAX),
    "dp": Batas("Perubahan pendamping per tahun", DP_MIN, DP_MAX),
    "masuk": Batas("KPM baru per tahun", MASUK_MIN, MASUK_MAX),
    "keluar": Batas("Laju keluar lain per tahun (e)", KELUAR_MIN, KELUAR_MAX,
                    ", sebagai proporsi: 0,02 = 2% per tahun"),
}


# ---------------------------------------------------------------- checks

def _tahun_sah(tahun) -> bool:
    return isinstance(tahun, (int, np.integer)) and not isinstance(tahun, bool) and TAHUN_MIN <= tahun <= TAHUN_MAX


def periksa(tahun: int = 10, g: float = 10.0, dp: float = 0.0, masuk: float = 0.0,
            keluar: float = 0.0) -> None:
    """Raise ProyeksiError naming every input the model cannot take (one line).

    Only what the model needs: finite numbers, g and N not negative, e a share. The upper
    ranges of ``BATAS`` are for what a person types (page, URL, CLI: ``periksa_batas``); the
    solver may answer with a g above G_MAX, and the model must still project it.
    """
    salah = []
    if not _tahun_sah(tahun):
        salah.append(f"Jangka proyeksi harus bilangan bulat {TAHUN_MIN} sampai {TAHUN_MAX} tahun "
                     f"(diberikan: {tahun}).")
    if not _hingga(g) or g < 0:
        salah.append(f"Graduasi per pendamping (g) tidak boleh negatif (diberikan: {g}).")
    if not _hingga(dp):
        salah.append(f"Perubahan pendamping per tahun harus angka (diberikan: {dp}).")
    if not _hingga(masuk) or masuk < 0:
        salah.append(f"KPM baru per tahun tidak boleh negatif (diberikan: {masuk}).")
    if not BATAS["keluar"].memuat(keluar):
        salah.append(BATAS["keluar"].pesan(keluar))
    if salah:
        raise ProyeksiError(" ".join(salah))


def periksa_batas(tahun: int = 10, g: float = 10.0, dp: float = 0.0, masuk: float = 0.0,
                  keluar: float = 0.0) -> None:
    """Like ``periksa``, with the ranges a person may type (``BATAS``): the page, URL and CLI check."""
    salah = [] if _tahun_sah(tahun) else [
        f"Jangka proyeksi harus bilangan bulat {TAHUN_MIN} sampai {TAHUN_MAX} tahun (diberikan: {tahun})."]
    for nama, x in (("g", g), ("dp", dp), ("masuk", masuk), ("keluar", keluar)):
        if not BATAS[nama].memuat(x):
            salah.append(BATAS[nama].pesan(x))
    if salah:
        raise ProyeksiError(" ".join(salah))


def _hingga(x) -> bool:
    try:
        return math.isfinite(float(x))
    except (TypeError, ValueError, OverflowError):
        return False


def _larik(x, nama: str) -> np.ndarray:
    a = np.atleast_1d(np.asarray(x, dtype=float)).reshape(-1)
    if not np.all(np.isfinite(a)) or np.any(a < 0):
        raise ProyeksiError(f"{nama} per wilayah harus angka tidak negatif.")
    return a


# ---------------------------------------------------------------- projection

def proyeksi(k0, p0, tahun: int = 10, g: float = 10.0, dp: float = 0.0, masuk: float = 0.0,
             keluar: float = 0.0, kode: tuple[int, ...] | None = None, ganti: bool = False) -> Lintasan:
    """Project every unit for ``tahun`` years.

    k0, p0: K(0) and P(0) per unit (array-like, or scalars for one unit).
    dp, masuk: ΔP and N per year for the whole selection, split to units by K(0).
    ganti: every graduate's place is taken by a new family the same year (a fixed quota, as the
    national PKH quota has been since 2020): N(t) also holds G(t), so K stays unless others leave.
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
        G[t + 1], X[t + 1], K[t + 1] = langkah(K[t], P[t], g, keluar, n_u)
        N[t + 1] = n_u + (G[t + 1] if ganti else 0.0)
        if ganti:
            K[t + 1] = K[t + 1] + G[t + 1]
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

def _periksa_target(target: float, tahun: int) -> None:
    if not _hingga(target) or not 0 <= target <= 1:
        raise ProyeksiError(f"Target harus proporsi 0 sampai 1 dari KPM saat ini (diberikan: {target}).")
    if not _tahun_sah(tahun):
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

        per = tuple(int(v) for v in bulat_terkecil(cukup, hi))
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

    ans = bulat_terkecil(cukup, hi)
    per = tuple(int(v) if b else None for v, b in zip(ans, bisa))
    return Kebutuhan(per, None if any(v is None for v in per) else int(max(per, default=0)))


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
    ganti: bool = False    # graduates replaced by new families (fixed quota); see proyeksi()


@dataclass(frozen=True)
class Pengaturan:
    """Everything the page's inputs hold; mirrored in the URL."""

    H: int = 10
    D: int = 4
    target: int = 0         # percent of current KPM to graduate (0 = no target chosen) ...
    dalam: int = 5          # ... within this many years
    skenario: tuple[Skenario, ...] = field(default_factory=tuple)


def pengaturan_bawaan(g: float = 10.0, g_realisasi: float = 2.3, D: int = 4, dalam: int = 5) -> Pengaturan:
    """The page's default scenarios: Kemensos' minimum target ``g``, the 2025 realisation
    ``g_realisasi``, and the target ``g`` under a fixed quota (graduates replaced). No target for
    "what it takes" is preset: nobody claimed one for a whole caseload."""
    return Pengaturan(H=10, D=D, target=0, dalam=dalam, skenario=(
        Skenario(g=g), Skenario(g=g_realisasi), Skenario(g=g, ganti=True)))


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
                    f"keluar{a}": angka_url(s.keluar), f"p0{a}": s.p0, f"ganti{a}": "1" if s.ganti else "0"})
        if s.nama:
            out[f"nama{a}"] = s.nama
    return out


def kunci_url() -> list[str]:
    """Every URL parameter name this module may write."""
    keys = ["H", "D", "target", "dalam", "sk"]
    for i in range(MAKS_SKENARIO):
        a = _akhiran(i)
        keys += [f"g{a}", f"dp{a}", f"masuk{a}", f"keluar{a}", f"p0{a}", f"ganti{a}", f"nama{a}"]
    return keys


def dari_url(q, bawaan: Pengaturan, D_min: int = 3, D_max: int = 5,
             lang: str = "id") -> tuple[Pengaturan, list[str]]:
    """Read a setting from URL parameters; bad values fall back to the default, with a message
    naming the parameter and its range (numbers in ``lang``)."""
    salah: list[str] = []

    def baca(key, default, conv, ok, aturan):
        if key not in q or q[key] in ("", None):
            return default
        try:
            v = conv(q[key])
            if ok(v):
                return v
        except (TypeError, ValueError, OverflowError):
            pass
        salah.append(f"{key}={q[key]} ({aturan})")
        return default

    def bulat(key, default, lo, hi):
        return baca(key, default, _bulat_url, lambda v: lo <= v <= hi, f"{lo}–{hi}")

    def angka(nama, a, default):
        b = BATAS[nama]
        return baca(nama + a, default, float, b.memuat, b.teks(lang, "–"))

    H = bulat("H", bawaan.H, TAHUN_MIN, TAHUN_MAX)
    D = bulat("D", bawaan.D, D_min, D_max)
    target = bulat("target", bawaan.target, 0, 100)
    dalam = bulat("dalam", bawaan.dalam, TAHUN_MIN, TAHUN_MAX)
    sk = bulat("sk", len(bawaan.skenario), 1, MAKS_SKENARIO)
    skenario = []
    for i in range(sk):
        a = _akhiran(i)
        b = bawaan.skenario[i] if i < len(bawaan.skenario) else Skenario(g=bawaan.skenario[0].g)
        nama = q.get(f"nama{a}") or None
        skenario.append(Skenario(
            g=angka("g", a, b.g), dp=angka("dp", a, b.dp), masuk=angka("masuk", a, b.masuk),
            keluar=angka("keluar", a, b.keluar),
            p0=baca(f"p0{a}", b.p0, str, lambda v: v in P0_PILIHAN, "/".join(P0_PILIHAN)),
            nama=nama[:60] if nama else None,
            ganti=baca(f"ganti{a}", b.ganti, _bool_url, lambda v: True, "0/1")))
    return Pengaturan(H, D, target, dalam, tuple(skenario)), salah


def _bool_url(x) -> bool:
    if x not in ("0", "1"):
        raise ValueError
    return x == "1"


def _bulat_url(x) -> int:
    f = float(x)
    if not f.is_integer():
        raise ValueError
    return int(f)


def nama_skenario(s: Skenario, dalam: int, lang: str, g_acuan: float = 10.0, g_realisasi: float | None = None) -> str:
    """A scenario's label: the user's name, or one made from its values (``g_acuan``: Kemensos'
    minimum target; ``g_realisasi``: the 2025 realisation)."""
    if s.nama:
        return s.nama

    def a(x):
        return fmt.angka(abs(x), lang, _desimal(x))

    if s.p0 == "target":
        kind, base = "target", _t("pr_sk_target", lang).format(tahun=dalam)
    elif s.dp > 0:
        kind, base = "dp", _t("pr_sk_tambah", lang).format(dp=a(s.dp))
    elif s.g == g_acuan:
        kind, base = "acuan", _t("pr_sk_kemensos", lang).format(g=a(s.g))
    elif s.g == g_realisasi:
        kind, base = "acuan", _t("pr_sk_realisasi", lang).format(g=a(s.g))
    else:
        kind, base = "g", _t("pr_sk_g", lang).format(g=a(s.g))
    extra = []
    if kind in ("target", "dp") and s.g != g_acuan:
        extra.append(f"g = {a(s.g)}")
    if s.dp and kind != "dp":
        extra.append(_t("pr_sk_ek_dp", lang).format(tanda="+" if s.dp > 0 else "−", dp=a(s.dp)))
    if s.masuk:
        extra.append(_t("pr_sk_ek_masuk", lang).format(n=a(s.masuk)))
    if s.keluar:
        extra.append(_t("pr_sk_ek_keluar", lang).format(e=fmt.persen(100 * s.keluar, lang)))
    extra.append(_t("pr_sk_ganti" if s.ganti else "pr_sk_tanpa_ganti", lang))
    return base + f" ({'; '.join(extra)})"


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
    if s.p0 == "target" and target <= 0:
        gagal = True  # no target chosen: the data's pendamping
    elif s.p0 == "target":
        kb = butuh_pendamping(m.k0, s.g, target, dalam, s.masuk, s.keluar)
        if kb.pilihan is None:
            gagal = True
        else:
            p0 = np.array(kb.per_unit, dtype=float)
    lin = proyeksi(m.k0, p0, H, s.g, s.dp, s.masuk, s.keluar, kode=m.kode, ganti=s.ganti)
    return HasilSkenario(s, lin, p0, gagal)
