"""The fact sheet as a one-page A4 PDF, typeset offline by Typst (the ``typst`` Python binding).

The template (lembar.typ) receives the content as one JSON string in ``sys.inputs``: texts from
the database are JSON strings to Typst, shown as text, never evaluated as markup. Fonts come
from the system's font folders (DejaVu Sans on Debian) or Typst's own bundled fonts; Typst embeds
the subset it uses in the PDF. A sheet whose content runs over one page is typeset again smaller.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

TEMPLATE = Path(__file__).with_name("lembar.typ")
FONT_DIRS = [p for p in ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/truetype/liberation")
             if Path(p).is_dir()]
SKALA = (1.0, 0.92, 0.85, 0.78, 0.7)  # type sizes tried, largest first, until the sheet fits one page


class LembarError(RuntimeError):
    """A fact sheet that could not be typeset (message in Bahasa Indonesia)."""


def _halaman(pdf: bytes) -> int:
    """Number of pages: Typst writes one '/Type /Page' object per page (and '/Pages' once)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def susun_pdf(konten: dict) -> bytes:
    """Typeset the content (pilar.lembar.isi.konten) as one A4 page."""
    import typst  # loaded only when a sheet is made

    data = json.dumps(konten, ensure_ascii=False)
    pdf = b""
    for skala in SKALA:
        try:
            pdf = typst.compile(str(TEMPLATE), sys_inputs={"data": data, "skala": str(skala)},
                                font_paths=FONT_DIRS)
        except Exception as e:  # typst raises its own error types (TypstError, RuntimeError)
            raise LembarError(f"Typst tidak dapat menyusun lembar fakta: {e}") from e
        if _halaman(pdf) == 1:
            return pdf
    raise LembarError(f"Isi lembar fakta tidak muat di satu halaman A4 ({_halaman(pdf)} halaman).")
