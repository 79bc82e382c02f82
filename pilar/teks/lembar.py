"""Interface text of the unit profile, the fact sheet (PDF) and the audience page (HTML)."""
from __future__ import annotations

TEKS: dict[str, tuple[str, str]] = {
    "menu_profil": ("Profil wilayah", "Unit profile"),
    "judul_profil": ("Profil kabupaten/kota", "Regency/city profile"),
    "lb_provinsi": ("Provinsi Kalimantan Selatan", "South Kalimantan Province"),
    "lb_judul": ("Lembar fakta pilar sosial", "Social pillars fact sheet"),
    "lb_periode": ("Data pilar: {pilar} · KPM: {kpm}", "Pillar data: {pilar} · PKH families: {kpm}"),
    "lb_dicetak": ("dicetak pada {waktu}", "printed on {waktu}"),
    "lb_alasan_provinsi": ("nilai provinsi (tidak diperingkat)", "province value (not ranked)"),
    "lb_alasan_artefak": (
        "tidak diperingkat: {sisi} di wilayah ini adalah estimasi yang dibagi menurut {dasar}, jadi rasio ini hanya "
        "mengulang aturan pembagian",
        "not ranked: {sisi} here is an estimate shared out by {dasar}, so this ratio only repeats the allocation "
        "rule"),
    "lb_alasan_kosong": ("tidak diperingkat: tidak ada nilai", "not ranked: no value"),
    "lb_alasan_sendiri": ("tidak diperingkat: wilayah lain belum punya angka yang bisa dibandingkan",
                          "not ranked: no other unit has a comparable figure yet"),
    "lb_alasan_dibagi": (
        "tidak diperingkat: angka wilayah ini adalah estimasi yang dibagi menurut {dasar}, jadi peringkatnya hanya "
        "mengulang {dasar}",
        "not ranked: this unit's figure is an estimate shared out by {dasar}, so its rank would only repeat {dasar}"),
    "lb_h_pilar": ("Tujuh pilar sosial dan KPM", "The seven social pillars and PKH families"),
    "lb_h_rasio": ("Rasio utama", "Key ratios"),
    "lb_h_peta": ("Letak", "Location"),
    "lb_h_proyeksi": ("Ringkasan proyeksi graduasi KPM", "Projection summary: PKH graduation"),
    "lb_h_tren": ("Tren antarperiode", "Trend across periods"),
    "lb_h_sumber": ("Sumber", "Sources"),
    "lb_k_angka": ("Angka", "Figure"),
    "lb_k_nilai": ("Nilai", "Value"),
    "lb_k_satuan": ("Satuan", "Unit"),
    "lb_k_status": ("Status", "Status"),
    "lb_k_periode": ("Periode", "Period"),
    "lb_k_provinsi": ("Provinsi", "Province"),
    "lb_k_peringkat": ("Peringkat (1 = tertinggi)", "Rank (1 = highest)"),
    "lb_k_catatan": ("Catatan", "Note"),
    "lb_proyeksi_kosong": ("Tidak ada angka KPM dan pendamping untuk proyeksi.",
                           "No PKH family and facilitator figures to project."),
    "lb_proyeksi_awal": ("Saat ini {k0} KPM dan {p0} pendamping PKH ({rasio} KPM per pendamping).",
                         "Now {k0} PKH families and {p0} PKH facilitators ({rasio} families per facilitator)."),
    "lb_proyeksi_tahun": ("{nama}: sekitar {tahun} tahun untuk meluluskan KPM saat ini ({g} lulus per pendamping "
                          "per tahun).",
                          "{nama}: about {tahun} years to graduate the current families ({g} graduations per "
                          "facilitator per year)."),
    "lb_proyeksi_tetap": ("{nama}: jumlah KPM tidak berkurang (lulusan diganti keluarga baru).",
                          "{nama}: the caseload does not shrink (graduates are replaced by new families)."),
    "lb_proyeksi_model": ("Model dan asumsi: halaman Proyeksi (docs/PROYEKSI.md).",
                          "Model and assumptions: the Projection page (docs/PROYEKSI.md)."),
    "lb_legenda": (
        "Status angka: {resmi} = terbitan pemerintah; {berita} = dikutip media; {estimasi} (tanda {tanda}) = "
        "dihitung dari total terbitan dengan aturan yang terdokumentasi. Peringkat di antara kabupaten/kota yang "
        "nilainya tidak hanya mengulang aturan pembagian; 1 = tertinggi.",
        "Figure status: {resmi} = government publication; {berita} = quoted by the media; {estimasi} (mark "
        "{tanda}) = computed from a published total by a documented rule. Rank among the regencies/cities whose "
        "value does not only repeat an allocation rule; 1 = highest."),
    "lb_estimasi_ada": ("Sebagian angka di lembar ini adalah {estimasi} (tanda {tanda}).",
                        "Some figures on this sheet are {estimasi} (mark {tanda})."),
    "lb_unduh_pdf": ("Unduh lembar fakta (PDF)", "Download fact sheet (PDF)"),
    "lb_buka_audiens": ("Halaman ringan untuk ponsel", "Light page for phones"),
    "lb_buka_profil": ("Buka profil {nama}", "Open the profile of {nama}"),
    "lb_pilih_wilayah": ("Wilayah profil", "Profile of"),
    "lb_peta_ubin": ("Peta ubin: kotak sama besar menurut letak kira-kira.",
                     "Tile map: equal squares in their rough position."),
    "lb_peta_batas": ("Batas wilayah: {atribusi}", "Boundaries: {atribusi}"),
}
