"""python -m pilar forum | masukan | notulen: the dialog from the server's terminal (messages in Bahasa Indonesia).

The person at the terminal is the operator (as for ``python -m pilar import``): no admin password here.
A refusal is one line on stderr, exit status 1 (a bad argument: 2), and changes nothing.
"""
from __future__ import annotations

import io
import json
import sys

from . import ekspor
from .dialog import aturan, simpan
from .dialog.aturan import Tolak

FORMAT_MASUKAN = ("tabel", "json", "csv", "xlsx")


def register(sub) -> None:
    f = sub.add_parser("forum", help="buka, tutup, daftar atau cadangkan forum dialog")
    fs = f.add_subparsers(dest="aksi", metavar="AKSI", required=True)
    b = fs.add_parser("buka", help="buka forum baru (satu forum terbuka pada satu waktu)")
    b.add_argument("--nama", required=True)
    b.add_argument("--tanggal", required=True, metavar="YYYY-MM-DD")
    b.add_argument("--tempat", default="")
    b.add_argument("--hadir", default="", metavar="KODE,KODE", help="kode BPS wilayah yang hadir")
    b.add_argument("--format", choices=("tabel", "json"), default="tabel")
    b.set_defaults(fn=cmd_buka)
    t = fs.add_parser("tutup", help="tutup forum: ponsel tidak dapat mengirim lagi")
    t.add_argument("id", type=int, metavar="ID")
    t.set_defaults(fn=cmd_tutup)
    d = fs.add_parser("daftar", help="semua forum")
    d.add_argument("--format", choices=("tabel", "json"), default="tabel")
    d.set_defaults(fn=cmd_daftar)
    c = fs.add_parser("cadangan", help="salinan utuh penyimpanan dialog (aman selama ponsel mengirim)")
    c.add_argument("out", metavar="BERKAS.sqlite")
    c.set_defaults(fn=cmd_cadangan)

    m = sub.add_parser("masukan", help="daftar masukan satu forum, atau setujui/sembunyikan masukan")
    m.add_argument("--forum", type=int, metavar="ID")
    m.add_argument("--format", choices=FORMAT_MASUKAN, default="tabel")
    m.add_argument("--status", choices=aturan.STATUS, help="hanya masukan dengan status ini")
    m.add_argument("--out", metavar="BERKAS")
    m.set_defaults(fn=cmd_masukan)
    ms = m.add_subparsers(dest="aksi", metavar="AKSI")
    for nama, status in (("setujui", "disetujui"), ("sembunyikan", "disembunyikan")):
        a = ms.add_parser(nama, help=f"ubah status masukan menjadi {status}")
        a.add_argument("ids", type=int, nargs="+", metavar="ID")
        a.set_defaults(fn=cmd_status, status=status)

    n = sub.add_parser("notulen", help="notulen forum: PDF (Typst) atau XLSX dengan lembar Keterangan")
    n.add_argument("--forum", type=int, required=True, metavar="ID")
    n.add_argument("--out", required=True, metavar="BERKAS.pdf|BERKAS.xlsx")
    n.set_defaults(fn=cmd_notulen)


def _tolak(pesan: str) -> int:
    print(" ".join(pesan.split()), file=sys.stderr)
    return 1


def _kode(teks: str) -> list[int]:
    kode = []
    for bagian in filter(None, (s.strip() for s in teks.split(","))):
        kode.append(aturan.kode_wilayah(bagian))
    return kode


def cmd_buka(args) -> int:
    try:
        fid = simpan.buka_forum(args.nama, args.tanggal, args.tempat, _kode(args.hadir))
    except Tolak as e:
        return _tolak(e.pesan)
    alamat = f"/forum/{fid}"
    if args.format == "json":
        print(json.dumps({"id": fid, "alamat": alamat}))
    else:
        print(f"Forum {fid} dibuka. Halaman ponsel: {alamat} (di alamat dasbor, misalnya http://ALAMAT:8501{alamat})")
    return 0


def cmd_tutup(args) -> int:
    try:
        simpan.tutup_forum(args.id)
    except Tolak as e:
        return _tolak(e.pesan)
    print(f"Forum {args.id} ditutup.")
    return 0


def cmd_daftar(args) -> int:
    rows = [{k: r[k] for k in ("id", "nama", "tanggal", "tempat", "hadir", "dibuka", "ditutup")}
            for r in simpan.daftar_forum()]
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=True, indent=1))
        return 0
    for r in rows:
        print(aturan.tampil(f"{r['id']}  {r['tanggal']}  {r['nama']}  {r['tempat']}  "
                            f"{'terbuka' if not r['ditutup'] else 'ditutup'}"))
    return 0


def cmd_cadangan(args) -> int:
    masalah = ekspor.masalah_tujuan(args.out, "sqlite")
    if masalah:
        return _tolak(masalah)
    simpan.cadangkan(args.out)
    print(f"Ditulis: {args.out}")
    return 0


def cmd_masukan(args) -> int:
    from .dialog import notulen
    if args.forum is None:
        return _tolak("Sebutkan forumnya: --forum ID (lihat: python -m pilar forum daftar).")
    try:
        simpan.forum(args.forum)
    except Tolak as e:
        return _tolak(e.pesan)
    if args.format == "json":  # the store's own text, JSON-escaped: nothing reaches a terminal raw
        data = notulen.tabel(args.forum, args.status, aman=False)
        teks = json.dumps(json.loads(data.to_json(orient="records")), ensure_ascii=True, indent=1) + "\n"
        return _keluar(args, teks.encode())
    df = notulen.tabel(args.forum, args.status)
    if args.format == "xlsx":
        from . import ekspor_xlsx
        f = simpan.forum(args.forum)
        data = ekspor_xlsx.xlsx_bytes(df, judul=f"Masukan forum: {aturan.tampil(f['nama'])}", periode=f["tanggal"],
                                      wilayah="Kalimantan Selatan", sumber=["Masukan peserta forum"])
        if not args.out and sys.stdout.isatty():
            return _tolak("Format xlsx ditulis ke berkas: tambahkan --out BERKAS.xlsx.")
        return _keluar(args, data)
    buf = io.StringIO()
    ekspor.tulis_frame(df, args.format, buf)
    return _keluar(args, buf.getvalue().encode("utf-8"))


def _keluar(args, data: bytes) -> int:
    if args.out:
        masalah = ekspor.masalah_tujuan(args.out, args.format if args.format == "xlsx" else "csv")
        if masalah:
            return _tolak(masalah)
        ekspor.tulis_atomik(args.out, data)
        print(f"Ditulis: {args.out}")
    else:
        sys.stdout.buffer.write(data)
    return 0


def cmd_status(args) -> int:
    try:
        n = simpan.ubah_status(args.ids, args.status)
    except Tolak as e:
        return _tolak(e.pesan)
    print(f"{n} masukan kini {args.status}.")
    return 0


def cmd_notulen(args) -> int:
    from .dialog import notulen
    from .lembar.cetak import LembarError
    from .lembar.cli import ikuti_basis_data
    akhiran = args.out.lower().rsplit(".", 1)[-1]
    if akhiran not in ("pdf", "xlsx"):
        return _tolak(f"Notulen ditulis sebagai .pdf atau .xlsx: '{args.out}'.")
    masalah = ekspor.masalah_tujuan(args.out, "xlsx" if akhiran == "xlsx" else "pdf")
    if masalah:
        return _tolak(masalah)
    try:
        simpan.forum(args.forum)
        ikuti_basis_data()
        data = notulen.pdf(args.forum) if akhiran == "pdf" else notulen.xlsx(args.forum)
    except (Tolak, LembarError) as e:
        return _tolak(getattr(e, "pesan", None) or str(e))
    ekspor.tulis_atomik(args.out, data)
    print(f"Ditulis: {args.out}")
    return 0
