"""python -m pilar proyeksi: the yearly graduation trajectory of a selection (docs/PROYEKSI.md)."""
from __future__ import annotations

import re
import sys

from . import build, db, proyeksi
from .data import Indikator

KOLOM = ["tahun", "kpm", "graduasi", "kumulatif_graduasi", "pendamping", "kpm_per_pendamping"]


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "proyeksi", help="proyeksi graduasi KPM PKH per tahun (lihat docs/PROYEKSI.md)",
        description="Proyeksi graduasi KPM PKH untuk wilayah terpilih: jumlah per tahun dari proyeksi "
                    "tiap kabupaten/kota. Angka model tidak dibulatkan; json/csv dibulatkan 2 desimal.")
    # Values are read as text and checked here, so every message is in Bahasa Indonesia.
    p.add_argument("--kab", default="", metavar="KODE", help="kode BPS dipisah koma; kosong = seluruh provinsi")
    p.add_argument("--tahun", default="10", metavar="H", help="jangka proyeksi, 1 sampai 10 tahun (bawaan 10)")
    p.add_argument("--g", default="10", help="graduasi per pendamping per tahun (bawaan 10, Menteri Sosial)")
    p.add_argument("--delta-pendamping", default="0", metavar="DP",
                   help="perubahan jumlah pendamping per tahun untuk seluruh pilihan (bawaan 0)")
    p.add_argument("--masuk", default="0", metavar="N", help="KPM baru per tahun untuk seluruh pilihan (bawaan 0)")
    p.add_argument("--keluar", default="0.0", metavar="E",
                   help="laju keluar lain per tahun, 0 sampai 1 (bawaan 0; 0.02 = 2%%)")
    p.add_argument("--format", default="tabel", help="tabel, csv atau json (bawaan tabel)")
    p.set_defaults(fn=cmd_proyeksi)


def _angka(text: str, nama: str) -> float:
    text = text.strip()
    # 1.000 or 1,500 could be a thousands separator or a decimal mark: refuse rather than guess
    if re.fullmatch(r"-?[1-9]\d{0,2}([.,]\d{3})+", text):
        raise proyeksi.ProyeksiError(f"{nama}: '{text}' ambigu; tulis tanpa pemisah ribuan, misalnya 1000 "
                                     "atau 0.5.")
    try:
        return float(text.replace(",", ".")) if text.count(",") == 1 and "." not in text else float(text)
    except ValueError:
        raise proyeksi.ProyeksiError(f"{nama}: '{text}' bukan angka.") from None


def _bulat(text: str, nama: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise proyeksi.ProyeksiError(f"{nama}: '{text}' bukan bilangan bulat "
                                     f"({proyeksi.TAHUN_MIN} sampai {proyeksi.TAHUN_MAX}).") from None


def _kode(text: str, semua: tuple[int, ...]) -> list[int]:
    kode = []
    for part in text.split(","):
        part = part.strip()
        if not part:
            continue
        if not part.isdigit():
            raise proyeksi.ProyeksiError(f"--kab: '{part}' bukan kode BPS; contoh: --kab 6371,6372.")
        kode.append(int(part))
    unknown = [k for k in kode if k not in semua]
    if unknown:
        raise proyeksi.ProyeksiError(f"Kode wilayah tidak dikenal: {', '.join(map(str, unknown))}. "
                                     f"Kode yang sah: {', '.join(map(str, semua))}.")
    return sorted(set(kode))


def cmd_proyeksi(args) -> int:
    from .cli import _print_frame  # late import: cli imports this module's register()

    try:
        fmt = args.format.strip().lower()
        if fmt not in ("tabel", "csv", "json"):
            raise proyeksi.ProyeksiError(f"--format: '{args.format}' tidak dikenal; pilih tabel, csv atau json.")
        H = _bulat(args.tahun, "--tahun")
        s = proyeksi.Skenario(g=_angka(args.g, "--g"), dp=_angka(args.delta_pendamping, "--delta-pendamping"),
                              masuk=_angka(args.masuk, "--masuk"), keluar=_angka(args.keluar, "--keluar"))
        proyeksi.periksa(H, s.g, s.dp, s.masuk, s.keluar)
        con = db.connect(build.ensure_built())
        try:
            ind = Indikator.load(con)
        finally:
            con.close()
        kode = _kode(args.kab, ind.semua_kode)
        m = proyeksi.masukan(ind.pick(kode))
        if not m.kode:
            raise proyeksi.ProyeksiError("Tidak ada wilayah terpilih yang punya data KPM PKH dan pendamping PKH.")
        lin = proyeksi.proyeksi(m.k0, m.p0, H, s.g, s.dp, s.masuk, s.keluar, kode=m.kode)
    except proyeksi.ProyeksiError as e:
        print(str(e), file=sys.stderr)
        return 2
    df = lin.jumlah()[KOLOM]
    if fmt == "tabel":
        nama = ", ".join(m.nama) if kode else "seluruh Kalimantan Selatan"
        print(f"Proyeksi graduasi KPM PKH: {nama} ({len(m.kode)} wilayah)")
        print(f"g = {s.g:g} graduasi/pendamping/tahun; perubahan pendamping {s.dp:+g}/tahun; "
              f"KPM baru {s.masuk:g}/tahun; keluar lain {s.keluar:g}/tahun")
        est = sorted({x for x in m.status_k + m.status_p if x == "estimasi"})
        if est:
            print("Catatan: sebagian KPM awal atau pendamping per wilayah adalah estimasi (lihat docs/PROYEKSI.md).")
        out = df.copy()
        for c in KOLOM[1:-1]:
            out[c] = out[c].round(0).astype("int64")
        out["kpm_per_pendamping"] = out["kpm_per_pendamping"].round(1)
        _print_frame(out, "tabel")
    else:
        out = df.copy()
        for c in KOLOM[1:]:
            out[c] = out[c].round(2)
        _print_frame(out, fmt)
    return 0
