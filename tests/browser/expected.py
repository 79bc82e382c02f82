"""Expected figures read straight from the database the app serves (not through the UI code)."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from pilar import db

PILAR_LABEL_ID = {"lks": "LKS", "tksk": "TKSK", "psm": "PSM", "karang_taruna": "Karang Taruna",
                  "pendamping_pkh": "Pendamping PKH", "tagana": "Tagana",
                  "pelopor_perdamaian": "Pelopor Perdamaian"}


def _rows(db_path: Path, kode: list[int]):
    con = db.connect(db_path)
    try:
        pil = db.run(con, "pilar_rinci", kode=kode)
        kpm = db.run(con, "kpm_per_wilayah", kode=kode)
        tot = db.run(con, "total_provinsi")
    finally:
        con.close()
    return pil, kpm, tot


def totals(db_path: Path, kode: list[int]) -> dict[str, int]:
    """Sum of each pillar and of PKH KPM over ``kode`` (empty = province), from the named queries."""
    pil, kpm, _ = _rows(db_path, kode)
    out = {k: int(pil.loc[pil["jenis_pilar"] == k, "jumlah"].sum()) for k in PILAR_LABEL_ID}
    out["kpm_pkh"] = int(kpm["kpm"].sum())
    return out


def estimated(db_path: Path, kode: list[int]) -> dict[str, bool]:
    """Whether each sum is an estimate: some unit in it is, unless the sum is the whole province's and
    equals the published total (then it takes that total's status)."""
    pil, kpm, tot = _rows(db_path, kode)
    parts = {k: pil[pil["jenis_pilar"] == k] for k in PILAR_LABEL_ID}
    parts["kpm_pkh"] = kpm.rename(columns={"kpm": "jumlah"})
    out = {}
    for k, rows in parts.items():
        est = (rows["status"] == "estimasi").any()
        published = tot[(tot["indikator"] == k) & tot["periode"].isin(rows["periode"])]
        if not kode and len(published) == 1 and published["nilai"].iloc[0] == rows["jumlah"].sum():
            est = published["status"].iloc[0] == "estimasi"
        out[k] = bool(est)
    return out


def shown(db_path: Path, kode: list[int], fmt) -> dict[str, str]:
    """Each home-page card's text as a reader must see it: the number in ``fmt``, '*' when estimated."""
    t, e = totals(db_path, kode), estimated(db_path, kode)
    labels = {**PILAR_LABEL_ID, "kpm_pkh": "KPM PKH"}
    return {labels[k]: fmt(t[k]) + ("*" if e[k] else "") for k in labels}


def unit_codes(db_path: Path) -> list[int]:
    """The units in the database's own wilayah table."""
    con = db.connect(db_path)
    try:
        return [int(k) for (k,) in con.execute("SELECT kode_bps FROM wilayah ORDER BY kode_bps").fetchall()]
    finally:
        con.close()


def sheet_names(db_path: Path) -> set[str]:
    """The file stems of one fact sheet or audience page per unit and one for the province."""
    return {str(k) for k in unit_codes(db_path)} | {"kalsel"}


def latest_quarter(db_path: Path) -> str:
    """The newest data quarter in the database ('2025-Q3')."""
    con = db.connect(db_path)
    try:
        return str(db.run(con, "kuartal_data")["kuartal"].max())
    finally:
        con.close()


def slug(teks: str) -> str:
    """The tests' own ASCII slug of a file name part (independent of pilar.ekspor.nama_gambar)."""
    teks = unicodedata.normalize("NFKD", teks).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", teks).strip("-")
