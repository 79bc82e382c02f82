"""The status of a figure: its words, its rank and its on-screen mark, defined once.

Every figure is ``resmi`` (published by a government body), ``berita`` (quoted by the
press) or ``estimasi`` (computed by a documented rule). A figure made from several takes
the weakest status of its parts. The database, the pages, the charts, the CLI and the
downloads all ask this module.
"""
from __future__ import annotations

# Strongest first: the order is the rank.
STATUS = ("resmi", "berita", "estimasi")
RESMI, BERITA, ESTIMASI = STATUS  # use these names in code, never the words again
RANK = {s: i for i, s in enumerate(STATUS)}

KATA = {  # the word shown to a reader, per interface language (Indonesian readers see the stored word)
    "id": {s: s for s in STATUS},
    "en": dict(zip(STATUS, ("official", "press", "estimate"))),
}
TANDA_ESTIMASI = "*"  # appended to an estimated number wherever colour cannot carry it


def weakest(statuses) -> str | None:
    """Combined status of figures used together: estimasi over berita over resmi."""
    ranks = [RANK[s] for s in statuses if isinstance(s, str)]
    return STATUS[max(ranks)] if ranks else None


def kata(status: str | None, lang: str = "id") -> str:
    """The reader's word for a status ('-' when there is none)."""
    return KATA[lang].get(status, "-") if status else "-"


def tandai(teks: str, status: str | None, spasi: bool = False) -> str:
    """A formatted number with the estimate mark when the figure is an estimate."""
    if status != ESTIMASI:
        return teks
    return f"{teks} {TANDA_ESTIMASI}" if spasi else teks + TANDA_ESTIMASI


def sql_enum() -> str:
    """The statuses as a SQL list literal, for the schema's ENUM type and rank macros."""
    return "[" + ", ".join(f"'{s}'" for s in STATUS) + "]"
