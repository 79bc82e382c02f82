"""CSV downloads that carry their context: title, period, filter and sources as header lines."""
from __future__ import annotations

import pandas as pd

LABEL = {
    "id": {"periode": "Periode", "wilayah": "Wilayah", "sumber": "Sumber", "status": "Status angka"},
    "en": {"periode": "Period", "wilayah": "Area", "sumber": "Sources", "status": "Figure status"},
}


def csv_bytes(df: pd.DataFrame, *, judul: str, periode: str, wilayah: str, sumber: list[str],
              lang: str = "id") -> bytes:
    """CSV (UTF-8 with BOM, for spreadsheet programs) whose first lines start with '#'."""
    lab = LABEL[lang]
    head = [f"# {judul}", f"# {lab['periode']}: {periode}", f"# {lab['wilayah']}: {wilayah}"]
    head += [f"# {lab['sumber']}: {s}" for s in sumber]
    if "status" in df.columns:
        head.append(f"# {lab['status']}: resmi / berita / estimasi")
    body = df.to_csv(index=False, lineterminator="\n")
    return ("\n".join(h.replace("\n", " ") for h in head) + "\n" + body).encode("utf-8-sig")
