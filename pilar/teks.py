"""Interface text in Bahasa Indonesia (default) and English."""
from __future__ import annotations

TEKS: dict[str, tuple[str, str]] = {
    "judul_ringkasan": ("Ringkasan pilar sosial Kalimantan Selatan", "Social pillars of South Kalimantan: overview"),
    "bahasa": ("Bahasa", "Language"),
    "filter_wilayah": ("Kabupaten/kota", "Regency/city"),
    "semua_wilayah": ("Semua (Kalimantan Selatan)", "All (South Kalimantan)"),
    "filter_bantuan": ("Kosong berarti seluruh provinsi. Pilihan ini berlaku di semua halaman dan tersimpan di alamat (URL).",
                       "Empty means the whole province. The choice applies to every page and is kept in the URL."),
    "kode_tak_dikenal": ("Kode wilayah di alamat tidak dikenal dan diabaikan: {kode}.",
                         "Unknown region code in the URL was ignored: {kode}."),
    "seluruh_provinsi": ("Seluruh Kalimantan Selatan (13 kabupaten/kota)", "All of South Kalimantan (13 regencies/cities)"),
    "wilayah_terpilih": ("Wilayah", "Area"),
    "periode_pilar": ("Data pilar per {periode}", "Pillar data as of {periode}"),
    "periode_kpm": ("KPM PKH: {periode}", "PKH families: {periode}"),
    "status_estimasi": ("estimasi", "estimate"),
    "status_berita": ("berita", "press"),
    "status_resmi": ("resmi", "official"),
    "banner_estimasi": (
        "Sebagian angka di halaman ini **estimasi**: jumlah pilar per kabupaten/kota belum diterbitkan, "
        "sehingga total provinsi dibagi menurut aturan yang terdokumentasi. Lihat \"Tentang angka ini\".",
        "Some figures on this page are **estimates**: per-regency pillar counts are not published, so the "
        "province totals are shared out by a documented rule. See \"About these figures\"."),
    "banner_berita": (
        "Sebagian angka berasal dari **berita** (pernyataan pejabat atau rilis yang dikutip media), belum dari terbitan resmi.",
        "Some figures come from the **press** (officials' statements or releases quoted by the media), not an official publication."),
    "kpm": ("KPM PKH", "PKH families"),
    "tentang_angka": ("Tentang angka ini", "About these figures"),
    "kolom_angka": ("Angka", "Figure"),
    "kolom_nilai": ("Nilai", "Value"),
    "kolom_periode": ("Periode", "Period"),
    "kolom_status": ("Status", "Status"),
    "kolom_sumber": ("Sumber", "Source"),
    "kolom_definisi": ("Definisi", "Definition"),
    "kolom_catatan": ("Catatan", "Note"),
    "keterangan_status": (
        "**resmi**: terbitan pemerintah (BPS, kementerian, pemda). **berita**: dikutip media. "
        "**estimasi**: dihitung dari total yang diterbitkan dengan aturan terdokumentasi (data/sources/README.md).",
        "**official**: government publication (BPS, ministries, local government). **press**: quoted by the media. "
        "**estimate**: computed from a published total by a documented rule (data/sources/README.md)."),
}


def t(key: str, lang: str = "id") -> str:
    idn, en = TEKS[key]
    return en if lang == "en" else idn
