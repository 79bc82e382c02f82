"""Expected figures read straight from the database the app serves (not through the UI code)."""
from __future__ import annotations

from pathlib import Path

from pilar import db

PILAR_LABEL_ID = {"lks": "LKS", "tksk": "TKSK", "psm": "PSM", "karang_taruna": "Karang Taruna",
                  "pendamping_pkh": "Pendamping PKH", "tagana": "Tagana",
                  "pelopor_perdamaian": "Pelopor Perdamaian"}


def totals(db_path: Path, kode: list[int]) -> dict[str, int]:
    """Sum of each pillar and of PKH KPM over ``kode`` (empty = province), from the named queries."""
    con = db.connect(db_path)
    try:
        pil = db.run(con, "pilar_per_wilayah", kode=kode)
        kpm = db.run(con, "kpm_per_wilayah", kode=kode)
    finally:
        con.close()
    out = {k: int(pil[k].sum()) for k in PILAR_LABEL_ID}
    out["kpm_pkh"] = int(kpm["kpm"].sum())
    return out
