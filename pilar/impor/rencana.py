"""``baca``: a file, checked end to end, becomes a ``Rencana`` (the plan of an import: each unit's old
and new figure), or an ImporError listing every problem. Nothing is written here."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .. import build, config, sumber
from .. import format as fmt
from . import buka, konteks, pribadi
from . import periode_judul
from .dasar import BATAS_PERUBAHAN, JUDUL, UKURAN, ImporError, Tempat, huruf_kolom, periksa_jenis, periksa_periode
from .judul import Judul, cari_judul
from .urai import Hasil, Urai, urai


@dataclass(frozen=True)
class Perubahan:
    kode_bps: int
    wilayah: str
    ukuran: str           # a pillar type, 'kpm' or 'graduasi'
    lama: int | None      # the figure in the database now (None: none)
    baru: int | None
    baris: int            # spreadsheet row
    asal_lama: str | None  # 'sumber S01 (estimasi)', 'impor #3'

    @property
    def selisih(self) -> int | None:
        return None if self.lama is None or self.baru is None else self.baru - self.lama


@dataclass
class Rencana:
    """A checked import, ready for ``terapkan``. ``perubahan``: one row per unit and measure."""
    jenis: str
    periode: str
    berkas: str
    sha256: str
    lembar: str | None
    baris_judul: int
    perubahan: list[Perubahan]
    kolom: dict[str, str]                # measure -> 'C (Karang Taruna)'
    kolom_diabaikan: list[str] = field(default_factory=list)
    baris_diabaikan: list[str] = field(default_factory=list)
    bentrok: list[str] = field(default_factory=list)      # figures of this period already in the database
    peringatan: list[str] = field(default_factory=list)
    db_path: Path | None = None
    sources: Path | None = None
    # Added for the offices' own sheets (all optional, so older callers keep working):
    konfirmasi: list[str] = field(default_factory=list)   # warnings to confirm before saving (period, far figures)
    nihil: list[str] = field(default_factory=list)        # cells holding '-', read as 0 (nil)
    lembar_semua: list[str] = field(default_factory=list)  # every sheet of the workbook
    lembar_otomatis: bool = True                           # the sheet was found, not named by the user
    cocokkan: dict[str, int] = field(default_factory=dict)  # names matched by the user's choice -> code

    @property
    def nilai(self) -> dict[tuple[int, str], int | None]:
        return {(p.kode_bps, p.ukuran): p.baru for p in self.perubahan}

    @property
    def wilayah(self) -> list[int]:
        return sorted({p.kode_bps for p in self.perubahan})

    def tabel(self) -> pd.DataFrame:
        """The preview: kode_bps, wilayah, ukuran (human name), lama, baru, selisih, asal_lama, baris."""
        rows = [{"kode_bps": p.kode_bps, "wilayah": p.wilayah, "ukuran": JUDUL[p.ukuran], "lama": p.lama,
                 "baru": p.baru, "selisih": p.selisih, "asal_lama": p.asal_lama, "baris": p.baris}
                for p in self.perubahan]
        df = pd.DataFrame(rows, columns=["kode_bps", "wilayah", "ukuran", "lama", "baru", "selisih", "asal_lama",
                                         "baris"])
        for c in ("lama", "baru", "selisih"):
            df[c] = df[c].astype("Int64")
        return df

    def ringkasan(self) -> str:
        di = ""
        if self.lembar is not None:
            cara = "ditemukan sendiri" if self.lembar_otomatis else "dipilih"
            lain = [n for n in self.lembar_semua if n != self.lembar]
            di = (f"lembar '{self.lembar}' ({cara}" + (f"; lembar lain: {', '.join(repr(n) for n in lain)}" if lain
                                                      else "") + ") ")
        return (f"{self.berkas} {di}(judul kolom di baris {self.baris_judul}): {len(self.wilayah)} kabupaten/kota, "
                f"{len(self.perubahan)} angka {self.jenis} periode {self.periode}; kolom "
                + ", ".join(f"{JUDUL[m]} = {k}" for m, k in self.kolom.items()))


# ---------------------------------------------------------------- choosing the sheet

def _cocok_jenis(j: Judul, jenis: str) -> bool:
    return not j.jenis_lain(jenis) and any(m in UKURAN[jenis] for m in j.ukuran)


def _pilih(buku: buka.Buku, jenis: str, sheet: str | None) -> tuple[buka.Lembar, Judul | None]:
    if sheet is not None:
        if buku.format == "csv":
            raise ImporError(f"{buku.nama}: berkas CSV tidak punya lembar; hapus --sheet")
        pilihan = ([lb for lb in buku.lembar if lb.nama == sheet]
                   or [lb for lb in buku.lembar if lb.nama.casefold() == sheet.strip().casefold()])
        if not pilihan:
            raise ImporError(f"{buku.nama}: tidak ada lembar '{sheet}'; lembar yang ada: "
                             + ", ".join(f"'{lb.nama}'" for lb in buku.lembar), lembar=[lb.nama for lb in buku.lembar])
        return pilihan[0], cari_judul(pilihan[0])
    if not any(any(any(v not in (None, "") for v in r) for r in lb.sel) for lb in buku.lembar):
        raise ImporError(f"{buku.nama}: tidak berisi data (semua lembar kosong)")
    calon = [(lb, cari_judul(lb)) for lb in buku.lembar]
    lengkap = [(lb, j) for lb, j in calon if j is not None and j.skor()[0]]
    if len(lengkap) > 1:
        lengkap = [(lb, j) for lb, j in lengkap if _cocok_jenis(j, jenis)] or lengkap
    if len(lengkap) > 1:
        raise ImporError(f"{buku.nama}: ada beberapa lembar data (" + ", ".join(f"'{lb.nama}'" for lb, _ in lengkap)
                         + "); pilih satu (halaman Impor: pilihan Lembar; CLI: --sheet)",
                         lembar=[lb.nama for lb in buku.lembar])
    if lengkap:
        return lengkap[0]
    sebagian = [(lb, j) for lb, j in calon if j is not None]
    if sebagian:
        return max(sebagian, key=lambda x: x[1].skor())
    return calon[0][0], None


# ---------------------------------------------------------------- header problems

def _masalah_judul(j: Judul | None, jenis: str, t: Tempat) -> list[str]:
    lain = "kpm" if jenis == "pilar" else "pilar"
    contoh = ", ".join(JUDUL[m] for m in UKURAN[jenis])
    if j is None:
        return [f"{t()}: tidak ditemukan baris judul kolom (kolom kabupaten/kota dan kolom {contoh}) di "
                f"{30} baris pertama"]
    out, b = [], j.baris + 1
    if not j.ada_wilayah:
        out.append(f"{t(b)}: tidak ada kolom kabupaten/kota (judul 'Kabupaten/Kota', 'Wilayah' atau 'Kode')")
    out += [f"{t(b, c, j.teks[c])}: judul kolom tidak dikenal; maksudnya '{JUDUL[m]}'? Tulis judulnya "
            f"'{JUDUL[m]}' (kolom yang mirip tidak diabaikan diam-diam)" for c, m in sorted(j.mirip.items())]
    out += [f"{t(b)}: kolom {JUDUL[m]} ada {len(cs)} kali (kolom {', '.join(map(huruf_kolom, cs))})"
            for m, cs in j.ganda.items()]
    asing = j.jenis_lain(jenis)
    if asing:
        out.append(f"{t(b)}: lembar ini berisi kolom {', '.join(JUDUL[m] for m in asing)} (data {lain}), bukan "
                   f"data {jenis}; impor dengan --jenis {lain}, atau hapus kolom itu")
    elif jenis == "kpm" and "kpm" not in j.ukuran:
        out.append(f"{t(b)}: tidak ada kolom jumlah KPM (judul 'KPM', 'KPM PKH' atau 'Jumlah KPM PKH')")
    elif not any(m in UKURAN[jenis] for m in j.ukuran) and not j.mirip:
        out.append(f"{t(b)}: tidak ada kolom angka yang dikenali; judul yang dikenal: {contoh}")
    return out


# ---------------------------------------------------------------- the plan

def _perubahan(hasil: Hasil, k: konteks.Konteks) -> list[Perubahan]:
    urut = {m: i for i, m in enumerate(UKURAN["pilar"] + UKURAN["kpm"])}
    out = []
    for (kode, m), baru in sorted(hasil.nilai.items(), key=lambda x: (x[0][0], urut[x[0][1]])):
        lama = k.lama.get((kode, m))
        out.append(Perubahan(kode, k.unit(kode).nama, m, lama.jumlah if lama else None, baru, hasil.baris[kode],
                             lama.asal() if lama else None))
    return out


def _bentrok(ps: list[Perubahan]) -> list[str]:
    return [f"{p.wilayah} {JUDUL[p.ukuran]} = {p.lama} ({p.asal_lama})" for p in ps
            if p.asal_lama is not None and p.ukuran != "graduasi"]


def _peringatan(r: Rencana, k: konteks.Konteks) -> list[str]:
    out = []
    for m, (total, sid) in sorted(k.total.items()):
        akhir = {kode: v.jumlah for (kode, mm), v in k.lama.items() if mm == m}
        akhir.update({kode: n for (kode, mm), n in r.nilai.items() if mm == m})
        if m in r.kolom and len(akhir) == len(k.units) and sum(akhir.values()) != total:
            out.append(f"{JUDUL[m]}: jumlah 13 kabupaten/kota sesudah impor {sum(akhir.values())} tidak sama dengan "
                       f"total provinsi yang terbit untuk periode ini ({total:g}, sumber {sid})")
    if k.terbaru is None or r.periode > k.terbaru:
        ada = {kode for (kode, _m) in r.nilai} | {kode for (kode, _m) in k.lama}
        if len(ada) < len(k.units):
            out.append(f"periode {r.periode} akan menjadi periode terbaru tetapi baru berisi {len(ada)} dari "
                       f"{len(k.units)} kabupaten/kota; halaman yang memakai periode terbaru menampilkan kosong "
                       "untuk wilayah lain sampai angkanya diimpor")
    return out


def _jauh(r: Rencana, k: konteks.Konteks) -> list[str]:
    """Figures BATAS_PERUBAHAN or more away from the unit's last period: to confirm, never refused."""
    out = []
    for p in r.perubahan:
        lalu = k.sebelum.get((p.kode_bps, p.ukuran))
        if lalu is None or p.baru is None:
            continue
        n, per = lalu
        if abs(p.baru - n) >= BATAS_PERUBAHAN * max(n, 1) and p.baru != n:
            beda = (p.baru - n) / max(n, 1) * 100
            out.append(f"{p.wilayah} {JUDUL[p.ukuran]} {fmt.angka(p.baru, 'id')} (baris {p.baris}): periode "
                       f"sebelumnya ({per}) {fmt.angka(n, 'id')}, berubah {'+' if beda > 0 else ''}"
                       f"{fmt.angka(beda, 'id')}% (batas {fmt.angka(BATAS_PERUBAHAN * 100, 'id')}%); pastikan angkanya "
                       "benar")
    return out


def _paths(db_path, sources) -> tuple[Path, Path]:
    return Path(db_path or config.db_path()), Path(sources or config.sources_dir())


def siapkan_db(db_path=None, sources=None) -> tuple[Path, Path]:
    """(database, sources) paths, the database built first when needed."""
    target, src = _paths(db_path, sources)
    try:
        build.ensure_built(src, target)
    except sumber.SumberError as e:
        raise ImporError(["data sumber tidak sah dan belum ada basis data yang bisa dipakai: " + p
                          for p in e.pesan]) from None
    return target, src


def _buka(path, jenis: str, periode: str, nama: str | None) -> tuple[buka.Buku, list[str]]:
    periksa_jenis(jenis)
    salah = periksa_periode(jenis, periode)
    masalah = [f"{Path(nama or path).name}: {salah}"] if salah else []
    try:
        buku = buka.buka(path, nama)
    except ImporError as e:
        raise ImporError(masalah + e.pesan) from None
    pribadi_ = pribadi.periksa(buku)
    if pribadi_:
        raise ImporError(masalah + pribadi_)
    return buku, masalah


def baca(path, jenis: str, periode: str, sheet: str | None = None, *, nama: str | None = None, db_path=None,
         sources=None, cocokkan: dict[str, int] | None = None) -> Rencana:
    """Check ``path`` as an import of ``jenis`` ('pilar' | 'kpm') for ``periode`` and return the plan.

    ``nama``: the file's own name when ``path`` is a temp copy (an upload); messages and the history
    use it, and its ending must match the content. Raises ImporError whose ``pesan`` lists every
    problem (file, sheet, row, column); its ``saran`` maps each misspelt unit name to the code it most
    likely means and ``lembar`` lists the sheets when the sheet is to be picked. ``cocokkan``: unit names
    as written -> BPS code, suggestions the user accepted ({"Kab. Tabalung": 6309}). Writes nothing
    (builds the database first only when there is none, as every reader does)."""
    buku, masalah = _buka(path, jenis, periode, nama)
    lembar, judul = _pilih(buku, jenis, sheet)
    semua = [lb.nama for lb in buku.lembar if lb.nama is not None]
    t = Tempat(buku.nama, lembar.nama)
    masalah += _masalah_judul(judul, jenis, t)
    target, src = siapkan_db(db_path, sources)
    k = konteks.muat(target, jenis, str(periode).strip())
    ukuran = {m: c for m, c in (judul.ukuran.items() if judul else []) if m in UKURAN[jenis]}
    if judul is None or not judul.ada_wilayah or not ukuran or judul.jenis_lain(jenis):
        raise ImporError(masalah, lembar=semua)
    cocok = {" ".join(str(n).split()): int(kd) for n, kd in (cocokkan or {}).items()}
    hasil = urai(Urai(lembar, judul, ukuran, k.units, k.penduduk, t, cocokkan=cocok))
    masalah += hasil.masalah
    if not hasil.nilai and not hasil.masalah:
        masalah.append(f"{t()}: tidak ada baris kabupaten/kota yang berisi angka (hanya judul kolom?)")
    if masalah:
        raise ImporError(masalah, saran=hasil.saran, lembar=semua)
    ps = _perubahan(hasil, k)
    r = Rencana(jenis, str(periode).strip(), buku.nama, buku.sha256, lembar.nama, judul.baris + 1, ps,
                {m: f"{huruf_kolom(c)} ({judul.teks[c]})" for m, c in ukuran.items()},
                [f"{huruf_kolom(c)} ({judul.teks[c]})" for c in judul.diabaikan], hasil.diabaikan, _bentrok(ps),
                db_path=target, sources=src, nihil=hasil.nihil, lembar_semua=semua, lembar_otomatis=sheet is None,
                cocokkan={n: kd for n, kd in cocok.items() if any(p.kode_bps == kd for p in ps)})
    r.peringatan = _peringatan(r, k)
    r.konfirmasi = periode_judul.periksa(lembar, judul.baris, jenis, r.periode, t) + _jauh(r, k)
    return r
