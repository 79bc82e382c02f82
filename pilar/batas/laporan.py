"""The install report: what was matched, repaired and simplified (``Laporan.ringkasan()``)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from .dasar import ANGGARAN_BYTES, angka, kb


@dataclass
class Laporan:
    """What an install did. Sizes are bytes of the GeoJSON FeatureCollection of the 13 units."""
    berkas: str
    lapisan: str | None = None
    crs_asal: str | None = None
    baris: int = 0                                       # rows in the layer read
    cocok: dict[str, str] = field(default_factory=dict)  # "6371" -> how it was matched
    hilang: list[str] = field(default_factory=list)      # names of units not found
    diabaikan: list[str] = field(default_factory=list)   # rows that looked like a unit but were left out
    perbaikan: list[str] = field(default_factory=list)   # repairs made to the geometry
    simpul_sebelum: int = 0
    simpul_sesudah: int = 0
    bagian_sebelum: int = 0
    bagian_sesudah: int = 0
    ukuran_sebelum: int = 0
    ukuran_sesudah: int = 0
    ukuran_berkas: int = 0
    toleransi: float = 0.0                               # coverage_simplify tolerance, degrees
    detik: float = 0.0

    def to_dict(self) -> dict:
        return asdict(self)

    def ringkasan(self) -> str:
        lines = [f"Batas wilayah dipasang dari {self.berkas}"
                 + (f" (lapisan {self.lapisan}, {self.crs_asal})" if self.lapisan else "") + ".",
                 f"Wilayah cocok: {len(self.cocok)} dari {len(self.cocok) + len(self.hilang)}"
                 + (f"; tidak ada: {', '.join(self.hilang)}" if self.hilang else "") + "."]
        lines += [f"  {kode}: {cara}" for kode, cara in self.cocok.items()]
        lines.append(f"Simpul: {angka(self.simpul_sebelum)} -> {angka(self.simpul_sesudah)}; "
                     f"bagian poligon: {angka(self.bagian_sebelum)} -> {angka(self.bagian_sesudah)}; "
                     f"ukuran GeoJSON: {kb(self.ukuran_sebelum)} -> {kb(self.ukuran_sesudah)} "
                     f"(anggaran {kb(ANGGARAN_BYTES)}; berkas masukan {kb(self.ukuran_berkas)}).")
        if self.toleransi:
            lines.append(f"Disederhanakan bersama (batas bersama tetap berimpit), toleransi "
                         f"{angka(self.toleransi, 6)} derajat.")
        lines += [f"Perbaikan: {p}" for p in self.perbaikan]
        lines += [f"Diabaikan: {d}" for d in self.diabaikan]
        lines.append(f"Waktu: {angka(self.detik, 1)} detik.")
        return "\n".join(lines)
