"""Personal data: the dashboard holds aggregates only, so a file with personal data in ANY sheet is
refused whole. Found by headers (NIK, No. KK; a person's name together with an address) and by
values (16-digit numbers, the form of a NIK). Messages never repeat the values.
"""
from __future__ import annotations

import re

from .buka import Buku, Lembar
from .dasar import Tempat, huruf_kolom, normal

JUDUL_NIK = {"nik", "no nik", "nomor nik", "nik kpm", "nik penerima", "nik kepala keluarga", "nomor induk kependudukan",
             "no ktp", "nomor ktp", "no kk", "nomor kk", "no kartu keluarga", "nomor kartu keluarga", "nkk", "no nkk"}
BUKAN_ORANG = {"kabupaten", "kab", "kota", "wilayah", "daerah", "kecamatan", "desa", "kelurahan", "provinsi",
               "lembaga", "lks", "organisasi", "program", "kegiatan", "bantuan"}
_NIK_TEKS = re.compile(r"'?\s*[0-9]{16}\s*|[0-9]{4}([ .-])[0-9]{4}\1[0-9]{4}\1[0-9]{4}")
PESAN = ("dasbor ini hanya menyimpan angka agregat per kabupaten/kota, bukan data orang. Berkas tidak "
         "diimpor dan tidak disimpan; hapus data pribadinya dan kirim rekap jumlahnya saja")


def nik(v) -> bool:
    if isinstance(v, bool):
        return False
    if isinstance(v, (int, float)):
        return 10**15 <= v < 10**16 and v == int(v)
    return isinstance(v, str) and bool(_NIK_TEKS.fullmatch(v.strip()))


def _nama_orang(t: str) -> bool:
    kata = t.split()
    return bool(kata) and kata[0] == "nama" and not set(kata[1:]) & BUKAN_ORANG


def _judul(lembar: Lembar) -> list[str]:
    """Personal-data headers of one sheet: 'kolom C (NIK)', 'kolom B (Nama) dengan kolom D (Alamat)'."""
    out = []
    for r, baris in enumerate(lembar.sel):
        teks = {c: normal(v) for c, v in enumerate(baris) if isinstance(v, str) and v.strip()}
        out += [f"baris {r + 1}, kolom {huruf_kolom(c)} ({lembar.sel[r][c].strip()[:30]})"
                for c, t in teks.items() if t in JUDUL_NIK]
        orang = [c for c, t in teks.items() if _nama_orang(t)]
        alamat = [c for c, t in teks.items() if t.startswith("alamat")]
        if orang and alamat:
            out.append(f"baris {r + 1}: kolom {huruf_kolom(orang[0])} ({lembar.sel[r][orang[0]].strip()[:30]}) "
                       f"bersama kolom {huruf_kolom(alamat[0])} ({lembar.sel[r][alamat[0]].strip()[:30]})")
    return out


def _nilai(lembar: Lembar) -> list[str]:
    kolom: dict[int, list[int]] = {}
    for r, baris in enumerate(lembar.sel):
        for c, v in enumerate(baris):
            if nik(v):
                kolom.setdefault(c, []).append(r)
    return [f"kolom {huruf_kolom(c)}: {len(rs)} sel berisi 16 angka seperti NIK (mulai baris {rs[0] + 1})"
            for c, rs in sorted(kolom.items())]


def periksa(buku: Buku) -> list[str]:
    """One message per sheet that holds personal data (empty: none found)."""
    out = []
    for lembar in buku.lembar:
        temuan = _judul(lembar) + _nilai(lembar)
        if temuan:
            out.append(f"{Tempat(buku.nama, lembar.nama)()}: berisi data pribadi ({'; '.join(temuan[:5])}); "
                       + PESAN)
    return out
