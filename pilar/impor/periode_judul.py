"""The period an office writes in its sheet's title ("REKAPITULASI ... TRIWULAN III TAHUN 2024"), set
against the period chosen for the import: a difference is a warning to confirm that names both, never
silence and never a refusal (the title may be last quarter's, copied)."""
from __future__ import annotations

import re

from .buka import Lembar
from .dasar import Tempat, kutip, normal

_ROMAWI = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4, "satu": 1, "dua": 2, "tiga": 3,
           "empat": 4, "pertama": 1, "kedua": 2, "ketiga": 3, "keempat": 4}
_TRIWULAN = re.compile(r"\b(?:triwulan|tw|kuartal)\s+(i{1,3}|iv|[1-4]|satu|dua|tiga|empat|pertama|kedua|ketiga|keempat)"
                       r"\b(?:\s+(?:tahun|th|thn)?\s*((?:19|20)[0-9]{2}))?")
_TAHUN = re.compile(r"\b(?:tahun|th|thn)\s+((?:19|20)[0-9]{2})\b")
ROMAWI = {1: "I", 2: "II", 3: "III", 4: "IV"}


def dari_teks(teks) -> tuple[int | None, int | None] | None:
    """(quarter or None, year or None) a title names, or None when it names no period."""
    if not isinstance(teks, str):
        return None
    s = normal(teks)
    m = _TRIWULAN.search(s)
    if m:
        tahun = m.group(2) or (_TAHUN.search(s).group(1) if _TAHUN.search(s) else None)
        return _ROMAWI[m.group(1)], int(tahun) if tahun else None
    m = _TAHUN.search(s)
    return (None, int(m.group(1))) if m else None


def dipilih(jenis: str, periode: str) -> tuple[int, int]:
    """(quarter, year) of the chosen period: 2025-12-31 -> (4, 2025); 2025-Q3 -> (3, 2025)."""
    if jenis == "kpm":
        return int(periode[6]), int(periode[:4])
    return (int(periode[5:7]) - 1) // 3 + 1, int(periode[:4])


def periksa(lembar: Lembar, baris_judul: int, jenis: str, periode: str, t: Tempat) -> list[str]:
    """One warning per title cell (above the header) whose period differs from the chosen one."""
    tw, th = dipilih(jenis, periode)
    out = []
    for r in range(min(baris_judul, len(lembar.sel))):
        for c, v in enumerate(lembar.sel[r]):
            hasil = dari_teks(v)
            if hasil is None:
                continue
            q, y = hasil
            if (y is not None and y != th) or (q is not None and q != tw):
                ditulis = " ".join(x for x in (f"triwulan {ROMAWI[q]}" if q else "", f"tahun {y}" if y else "") if x)
                out.append(f"{t(r + 1, c)}: judul lembar menyebut {ditulis} ({kutip(v, 60)}), tetapi periode yang "
                           f"dipilih {periode} (triwulan {ROMAWI[tw]} tahun {th}); pastikan periodenya benar")
    return out
