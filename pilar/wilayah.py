"""BPS codes of the kabupaten/kota as people type them: one parser for the URL, the CLI and queries."""
from __future__ import annotations

import re
from collections.abc import Iterable

# A code is ASCII digits only: str.isdigit() also accepts '²' or '٣', which int() then refuses,
# and a bound on the length keeps int() away from its 4300-digit limit.
_KODE = re.compile(r"[0-9]{1,18}")


def urai_kode(teks: str | Iterable, dikenal) -> tuple[list[int], list[str]]:
    """Split '6371, 6372,,9999' into (known codes, sorted and unique; unknown parts as given).

    ``teks`` is comma-separated text, or an iterable of parts (ints or strings) as
    ``db.run`` receives them. ``dikenal`` is any container of the valid codes (ints),
    e.g. a tuple or a dict code -> name. Empty parts are skipped; an unknown part is
    returned stripped, in its original order, so a message can quote it.
    """
    bagian = teks.split(",") if isinstance(teks, str) else [str(x) for x in teks]
    kode, asing = set(), []
    for part in bagian:
        part = part.strip()
        if not part:
            continue
        if _KODE.fullmatch(part) and int(part) in dikenal:
            kode.add(int(part))
        else:
            asing.append(part)
    return sorted(kode), asing


def pesan_tak_dikenal(asing: list[str], dikenal) -> str:
    """The one-line message for unknown codes, naming the valid ones (Bahasa Indonesia)."""
    return (f"Kode wilayah tidak dikenal: {', '.join(asing)}. "
            f"Kode yang sah: {', '.join(str(k) for k in sorted(dikenal))}.")
