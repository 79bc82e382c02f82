"""python -m pilar lembar-fakta: fact sheets (PDF) from the command line, messages in Bahasa Indonesia.

--kab 6371 --out FILE.pdf writes one sheet (no --kab: the province); --semua --out DIR writes the 13
units and the province (14 PDFs) plus their 14 audience pages, with a progress line on stderr. A sheet
that fails is reported and the others are still written; the exit status is then 1.
"""
from __future__ import annotations

import sys
from pathlib import Path

from .. import build, db, profil, tampilan
from ..format import teks_bersih
from ..simpanan import SIMPANAN


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "lembar-fakta", help="lembar fakta satu halaman A4 (PDF) per kabupaten/kota atau provinsi",
        description="Tulis lembar fakta PDF (satu halaman A4, huruf tertanam) untuk satu kabupaten/kota "
                    "(--kab), untuk provinsi (tanpa --kab), atau untuk semua 13 wilayah dan provinsi (--semua; "
                    "ditambah halaman HTML ringan untuk audiens di folder yang sama).")
    p.add_argument("--kab", default="", metavar="KODE", help="kode BPS satu kabupaten/kota; kosong = provinsi")
    p.add_argument("--semua", action="store_true", help="13 kabupaten/kota dan provinsi: --out adalah folder")
    p.add_argument("--out", required=True, metavar="BERKAS_ATAU_FOLDER", help="berkas PDF, atau folder dengan --semua")
    p.add_argument("--periode", default=None, metavar="TRIWULAN", help="triwulan data, misalnya 2025-Q3 (bawaan: terbaru)")
    p.add_argument("--lang", choices=["id", "en"], default="id", help="bahasa lembar (bawaan id)")
    p.set_defaults(fn=cmd_lembar)


def ikuti_basis_data() -> None:
    """Serve the current database (built when needed) to the cached builders, as the dashboard does."""
    path = build.ensure_built()
    s = path.stat()
    SIMPANAN.ikuti(path, (str(path), s.st_ino, s.st_mtime_ns, s.st_size))


def _periode(teks: str | None) -> str | None:
    if not teks:
        return None
    ada = tampilan.kuartal_data()
    if teks not in ada:
        raise db.QueryError(f"Periode tidak dikenal: {teks}. Periode yang ada: {', '.join(ada)}.")
    return teks


def _kemajuan(i: int, n: int, nama: str) -> None:
    isi = round(20 * i / n)
    # the carriage return redraws this line, so it goes past the CLI's cleaning; the name is cleaned here
    err = getattr(sys.stderr, "mentah", sys.stderr)
    print(f"\r[{'#' * isi}{'.' * (20 - isi)}] {i}/{n} {teks_bersih(nama)[:40]:<40}", end="" if i < n else "\n",
          file=err, flush=True)


def tulis_semua(direktori: Path, kuartal: str | None = None, lang: str = "id") -> list[str]:
    """Write the 14 PDFs and 14 audience pages into ``direktori``; returns one message per failure."""
    from .. import lembar
    direktori.mkdir(parents=True, exist_ok=True)
    semua, gagal = lembar.semua_kode(), []
    for i, kode in enumerate(semua, 1):
        nama = profil.susun(kode, kuartal, lang).nama
        stem = profil.nama_berkas(kode)
        try:
            lembar.tulis_atomik(direktori / f"{stem}.pdf", lembar.pdf(kode, kuartal, lang))
            lembar.tulis_atomik(direktori / f"{stem}.html", lembar.html(kode, kuartal, lang).encode("utf-8"))
        except Exception as e:  # one sheet's failure must not stop the others; it is reported below
            gagal.append(f"Lembar fakta {nama} ({stem}) gagal dibuat: {e}")
        _kemajuan(i, len(semua), nama)
    return gagal


def cmd_lembar(args) -> int:
    from .. import lembar
    if args.semua and args.kab:
        raise db.QueryError("Pilih --kab atau --semua, tidak keduanya.")
    ikuti_basis_data()
    kuartal = _periode(args.periode)
    out = Path(args.out)
    if args.semua:
        gagal = tulis_semua(out, kuartal, args.lang)
        for pesan in gagal:
            print(pesan, file=sys.stderr)
        n = len(lembar.semua_kode())
        print(f"{n - len(gagal)} dari {n} lembar fakta ditulis ke {out}.")
        return 1 if gagal else 0
    kode = profil.periksa_kode(args.kab)
    try:
        data = lembar.pdf(kode, kuartal, args.lang)
    except lembar.LembarError as e:
        print(str(e), file=sys.stderr)
        return 1
    lembar.tulis_atomik(out, data)
    print(f"Lembar fakta {profil.susun(kode, kuartal, args.lang).nama} ditulis ke {out}.")
    return 0
