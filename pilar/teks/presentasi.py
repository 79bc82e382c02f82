"""Interface text of the presentation mode (pages/7_Presentasi.py, pilar/ui_presentasi.py)."""
from __future__ import annotations

TEKS: dict[str, tuple[str, str]] = {
    "menu_presentasi": ("Presentasi", "Presentation"),
    "judul_presentasi": ("Pilar sosial Kalimantan Selatan", "Social pillars of South Kalimantan"),
    "sl_angka": ("Angka kunci", "Key figures"),
    "sl_peta": ("Peta: {ukuran}", "Map: {ukuran}"),
    "sl_peringkat": ("Peringkat: {ukuran}", "Ranking: {ukuran}"),
    "sl_proyeksi": ("Proyeksi graduasi KPM PKH", "Projected graduation of PKH families"),
    "sl_sumber": ("Sumber angka dan lembar fakta untuk ponsel", "Sources and the fact sheet for your phone"),
    "sl_sebelumnya": ("Sebelumnya", "Previous"),
    "sl_berikutnya": ("Berikutnya", "Next"),
    "sl_keluar": ("Keluar", "Exit"),
    "sl_nomor": ("slide {i}/{n}", "slide {i}/{n}"),
    "sl_legenda": ("{tanda} dan arsiran = {estimasi}; {berita} = dikutip media; {resmi} = terbitan pemerintah",
                   "{tanda} and hatching = {estimasi}; {berita} = quoted by the media; {resmi} = government publication"),
    "sl_bantuan": ("Pindah slide: tombol panah, Page Up/Page Down (clicker) atau spasi.",
                   "Change slides with the arrow keys, Page Up/Page Down (clicker) or Space."),
    "sl_provinsi": ("Provinsi: {nilai} · peringkat {peringkat}", "Province: {nilai} · rank {peringkat}"),
    "sl_provinsi_saja": ("Provinsi: {nilai}", "Province: {nilai}"),
    "sl_qr": ("Pindai untuk membuka lembar fakta {wilayah} di ponsel:",
              "Scan to open the {wilayah} fact sheet on your phone:"),
    "sl_qr_lokal": (
        "Alamat ini hanya terbuka di komputer ini. Agar ponsel peserta dapat membukanya, jalankan dasbor untuk "
        "jaringan forum (scripts/app --jaringan) dan buka presentasi lewat alamat jaringan komputer ini.",
        "This address only opens on this computer. For the audience's phones, run the dashboard for the forum's "
        "network (scripts/app --jaringan) and open the presentation through this computer's network address."),
    "sl_qr_tanpa_alamat": ("Alamat dasbor tidak diketahui; tautan lembar fakta: {alamat}",
                           "The dashboard's address is unknown; fact sheet link: {alamat}"),
    "sl_sumber_daftar": ("Sumber angka di slide ini", "Sources of the figures on these slides"),
    "sl_lama": ("Lama menghabiskan KPM pada laju ini", "Years to graduate all families at this pace"),
    "sl_nasional": ("Ukuran yang sama, nasional", "The same measure, nationally"),
    "sl_tahun": ("{n} tahun", "{n} years"),
}
