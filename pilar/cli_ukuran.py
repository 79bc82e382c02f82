"""python -m pilar ukuran: measures from the catalog, as the pages show them (value, status, period, sources)."""
from __future__ import annotations

import pandas as pd

from . import db, ekspor, ukuran
from .data import muat_pilihan
from .status import kata


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "ukuran", help="nilai ukuran dari katalog ukuran (pilar/ukuran.py), seperti di dasbor",
        description="Nilai ukuran untuk wilayah terpilih (rasio dari jumlah), dengan status, periode dan "
                    "sumber; tanpa nama ukuran: semua ukuran. Daftar nama: python -m pilar ukuran --daftar.")
    p.add_argument("nama", nargs="*", metavar="UKURAN", help="nama ukuran, misalnya kpm_per_pendamping")
    p.add_argument("--kab", default="", metavar="KODE", help="kode BPS dipisah koma; kosong = seluruh provinsi")
    p.add_argument("--per-wilayah", action="store_true", help="satu baris per kabupaten/kota")
    p.add_argument("--daftar", action="store_true", help="daftar ukuran dengan label dan definisinya")
    p.add_argument("--lang", choices=["id", "en"], default="id", help="bahasa label (bawaan id)")
    p.add_argument("--format", choices=ekspor.FORMAT_CLI, default="tabel", help="tabel, csv atau json (bawaan tabel)")
    p.set_defaults(fn=cmd_ukuran)


def _nama(args) -> list[str]:
    asing = [n for n in args.nama if n not in ukuran.UKURAN]
    if asing:
        raise db.QueryError(f"Ukuran tidak dikenal: {', '.join(asing)}. Daftarnya: python -m pilar ukuran --daftar.")
    return args.nama or list(ukuran.UKURAN)


def _baris(u: ukuran.Ukuran, n, lang: str) -> dict:
    return {"ukuran": u.kode, "label": u.label(lang), "nilai": n.nilai, "satuan": u.satuan(lang),
            "status": kata(n.status, lang), "periode": ", ".join(n.periode), "sumber": ", ".join(n.sumber)}


def cmd_ukuran(args) -> int:
    lang, nama = args.lang, _nama(args)
    if args.daftar:
        df = pd.DataFrame([{"ukuran": u.kode, "label": u.label(lang), "satuan": u.satuan(lang),
                            "definisi": u.definisi(lang)} for u in ukuran.UKURAN.values()])
        ekspor.tulis_frame(df, args.format)
        return 0
    ind, kode = muat_pilihan(args.kab)
    if args.per_wilayah:
        frames = []
        for k in nama:
            per = ukuran.per_wilayah(ind, k)
            per = per[per["kode_bps"].isin(kode)] if kode else per
            frames.append(pd.DataFrame({"ukuran": k, "kode_bps": per["kode_bps"], "nama": per["nama"],
                                        "nilai": per["nilai"], "status": [kata(s, lang) for s in per["status"]]}))
        df = pd.concat(frames, ignore_index=True)
    else:
        df = pd.DataFrame([_baris(ukuran.UKURAN[k], ukuran.hitung(ind, k, tuple(kode)), lang) for k in nama])
    ekspor.tulis_frame(df, args.format)
    return 0
