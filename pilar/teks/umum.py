"""Interface text shared by the pages: (Bahasa Indonesia, English) per key."""
from __future__ import annotations

TEKS: dict[str, tuple[str, str]] = {
    "judul_ringkasan": ("Ringkasan pilar sosial Kalimantan Selatan", "Social pillars of South Kalimantan: overview"),
    "bahasa": ("Bahasa", "Language"),
    "menu_ringkasan": ("Ringkasan", "Overview"),
    "menu_peta": ("Peta", "Map"),
    "menu_rasio": ("Rasio", "Ratios"),
    "menu_sumber": ("Sumber data", "Data sources"),
    "periode_status": ("Periode dan status angka per kelompok data", "Period and status of figures per dataset"),
    "daftar_sumber": ("Daftar sumber", "List of sources"),
    "catatan_sumber": (
        "Penerbit asli = lembaga asal angka; dimuat di = tempat angka itu terbaca. Angka terbitan dikutip apa "
        "adanya; angka turunan ({estimasi}) dihitung dari angka terbitan sumber itu, misalnya total provinsi yang "
        "dibagi ke kabupaten/kota menurut jumlah kecamatan, desa/kelurahan, KPM atau penduduk (metode sisa terbesar). "
        "Dasar pembagian tiap angka tertulis di kolom Catatan pada \"Tentang angka ini\". Satu orang bisa tercatat "
        "di beberapa pilar (Dinsos Kalsel, 2023), jadi jumlah pilar bisa tumpang tindih.",
        "Original publisher = the body the figure comes from; published in = where it was read. Published figures "
        "are quoted as they are; derived figures ({estimasi}) are computed from that source's published figures, "
        "e.g. a province total shared out to the regencies by sub-districts, villages, families or population "
        "(largest remainder). The basis of each figure is in the Note column of \"About these figures\". One person "
        "can be counted in several pillars (Dinsos Kalsel, 2023), so pillar counts can overlap."),
    "filter_wilayah": ("Kabupaten/kota", "Regency/city"),
    "semua_wilayah": ("Semua (Kalimantan Selatan)", "All (South Kalimantan)"),
    "filter_bantuan": ("Kosong berarti seluruh provinsi. Pilihan ini berlaku di semua halaman dan tersimpan di alamat (URL).",
                       "Empty means the whole province. The choice applies to every page and is kept in the URL."),
    "kode_tak_dikenal": ("Kode wilayah di alamat tidak dikenal dan diabaikan: {kode}.",
                         "Unknown region code in the URL was ignored: {kode}."),
    "seluruh_provinsi": ("Seluruh Kalimantan Selatan (13 kabupaten/kota)", "All of South Kalimantan (13 regencies/cities)"),
    "angka_lama": ("Untuk periode ini belum ada angka baru dari sebagian wilayah; yang tampil angka terakhir "
                   "sebelumnya, dengan periodenya sendiri: {daftar}.",
                   "Some units have no figure for this period yet; their latest earlier figure is shown, with "
                   "its own period: {daftar}."),
    "tren": ("Tren antarperiode", "Trend across periods"),
    "tren_kosong": ("Tren tampil bila ada angka dari dua periode atau lebih (impor data triwulanan menambah periode).",
                    "The trend shows once figures from two or more periods exist (quarterly imports add periods)."),
    "tren_bantuan": ("Nilai pilihan wilayah pada tiap periode, dengan angka terakhir tiap wilayah sampai periode "
                     "itu. Titik kosong = {estimasi}.",
                     "The selection's value at each period, using each unit's latest figure up to that period. "
                     "Hollow point = {estimasi}."),
    "diperbarui": ("Data diperbarui: {waktu}", "Data updated: {waktu}"),
    "data_pilar": ("Jumlah pilar (7 jenis)", "Pillar counts (7 types)"),
    "data_batas_bawah": ("Batas bawah {pilar} (sebagian anggota yang diberitakan)",
                         "Lower bound of {pilar} (part of the members, as reported)"),
    "data_lain": ("Data lain ({kode})", "Other data ({kode})"),
    "kolom_data": ("Data", "Data"),
    "kolom_id": ("ID", "ID"),
    "kolom_judul": ("Judul", "Title"),
    "kolom_penerbit": ("Penerbit asli", "Original publisher"),
    "kolom_media": ("Dimuat di", "Published in"),
    "kolom_tanggal": ("Tanggal", "Date"),
    "kolom_url": ("Alamat", "Address"),
    "kolom_angka_terbit": ("Angka terbitan", "Published figures"),
    "kolom_angka_turunan": ("Angka turunan ({estimasi})", "Derived figures ({estimasi})"),
    "tidak_informatif": (
        "Abu-abu = tidak informatif per wilayah ({wilayah}): {sisi} di sana adalah estimasi yang dibagi menurut "
        "{dasar}, jadi rasio ini hanya mengulang aturan pembagian, bukan keadaan lapangan. Angka provinsi tetap sah.",
        "Grey = not informative per unit ({wilayah}): {sisi} there are estimates shared out by {dasar}, so this "
        "ratio only repeats the allocation rule, not the situation on the ground. The province value stands."),
    "tidak_informatif_singkat": ("tidak informatif per wilayah (mengulang aturan pembagian)",
                                 "not informative per unit (repeats the allocation rule)"),
    "kekurangan_provinsi": (
        "Untuk wilayah terpilih, TKSK per kabupaten/kota adalah estimasi yang dibagi menurut jumlah kecamatan, jadi "
        "kekurangannya hanya mengulang aturan itu; yang tampil kekurangan seluruh provinsi.",
        "For the selected units, TKSK per regency are estimates shared out by sub-districts, so their shortfall would "
        "only repeat that rule; the whole province's shortfall is shown."),
    "periode_berbeda": ("periode berbeda", "different periods"),
    "catatan_periode_berbeda": (
        "Angka ini membagi dua data dari periode yang berbeda ({periode}); pilih periode di sisi kiri untuk "
        "membandingkan data dari periode yang sama bila ada.",
        "This figure divides two data sets of different periods ({periode}); pick a period in the sidebar to "
        "compare data of the same period where it exists."),
    "periode_data": ("Periode data (pilar dan KPM)", "Data period (pillars and KPM)"),
    "periode_terbaru": ("Terbaru ({periode})", "Latest ({periode})"),
    "periode_tak_dikenal": ("Periode di alamat tidak ada di data dan diabaikan: {periode}.",
                            "The period in the URL is not in the data and was ignored: {periode}."),
    "wilayah_terpilih": ("Wilayah", "Area"),
    "periode_pilar": ("Data pilar per {periode}", "Pillar data as of {periode}"),
    "periode_kpm": ("KPM PKH: {periode}", "PKH families: {periode}"),
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
    "kolom_periode": ("Periode", "Period"),
    "kolom_status": ("Status", "Status"),
    "kolom_sumber": ("Sumber", "Source"),
    "kolom_definisi": ("Definisi", "Definition"),
    "kolom_catatan": ("Catatan", "Note"),
    "keterangan_status": (
        "**{resmi}**: terbitan pemerintah (BPS, kementerian, pemda). **{berita}**: dikutip media. "
        "**{estimasi}**: dihitung dari total yang diterbitkan dengan aturan yang tertulis di catatan tiap angka.",
        "**{resmi}**: government publication (BPS, ministries, local government). **{berita}**: quoted by the media. "
        "**{estimasi}**: computed from a published total by the rule stated in each figure's note."),
    "unduh_csv": ("Unduh CSV", "Download CSV"),
    "judul_peta": ("Peta kabupaten/kota", "Map of regencies/cities"),
    "judul_rasio": ("Rasio dan cakupan", "Ratios and coverage"),
    "judul_sumber": ("Sumber data", "Data sources"),
    "komposisi": ("Komposisi pilar", "Pillar mix"),
    "peringkat": ("Peringkat kabupaten/kota", "Ranking of regencies/cities"),
    "urut_menurut": ("Urutkan menurut", "Sort by"),
    "pilih_satu": ("Pilih satu", "Choose one"),
    "angka_tak_terbaca": ("Bukan angka yang terbaca; tulis misalnya {contoh}. Nilai tidak diubah.",
                          "Not a readable number; write for example {contoh}. The value was not changed."),
    "angka_di_luar": ("Di luar rentang {lo}–{hi}; nilai tidak diubah.",
                      "Outside the range {lo}–{hi}; the value was not changed."),
    "ukuran": ("Ukuran", "Measure"),
    "tampilan": ("Tampilan", "View"),
    "peta_ubin": ("Peta ubin (13 kotak sama besar)", "Tile map (13 equal tiles)"),
    "peta_geografis": ("Peta geografis", "Geographic map"),
    "klik_peta": ("Klik satu kabupaten/kota di peta untuk menambah atau melepasnya dari pilihan.",
                  "Click a regency/city on the map to add it to or remove it from the selection."),
    "nilai_pilihan": ("Nilai untuk pilihan", "Value for the selection"),
    "nilai_provinsi": ("Provinsi", "Province"),
    "tanda_estimasi": ("Tanda {tanda} dan arsiran = angka {estimasi}.", "{tanda} and hatching = {estimasi} figure."),
    "belum_ada_batas": (
        "Batas wilayah geografis belum dipasang, jadi yang tampil peta ubin. Untuk memasang batas dari berkas "
        "Anda (GeoJSON, Shapefile zip, GeoPackage): `python -m pilar boundaries install BERKAS`; atau unduh set "
        "terbuka geoBoundaries bila ada internet: `python -m pilar boundaries download`.",
        "No geographic boundaries are installed, so the tile map is shown. To install boundaries from your file "
        "(GeoJSON, zipped Shapefile, GeoPackage): `python -m pilar boundaries install FILE`; or download the open "
        "geoBoundaries set when online: `python -m pilar boundaries download`."),
    "atribusi": ("Atribusi batas wilayah", "Boundary attribution"),
    "tanpa_basis_data": (
        "Dasbor belum bisa tampil: basis data belum ada dan data sumber tidak sah. Petugas admin perlu "
        "memperbaiki berkas sumber lalu menjalankan python -m pilar build. Masalah pertama:",
        "The dashboard cannot show yet: there is no database and the source data are invalid. An administrator "
        "needs to fix the source files and run python -m pilar build. First problems:"),
    "basis_data_sibuk": (
        "Basis data sedang tidak bisa dibaca (sedang ditulis atau izin berkas). Muat ulang halaman sebentar lagi.",
        "The database cannot be read right now (being written, or file permissions). Reload the page shortly."),
    "menu_impor": ("Impor data (admin)", "Import data (admin)"),
    "judul_impor": ("Impor data triwulanan kabupaten/kota", "Import the regencies' quarterly data"),
    "impor_perlu_masuk": ("Halaman ini untuk admin: masuk di bagian \"Admin\" sisi kiri.",
                          "This page is for admins: log in under \"Admin\" in the sidebar."),
    "impor_h_templat": ("1. Templat", "1. Template"),
    "impor_templat_bantuan": (
        "Templat berisi 13 kabupaten/kota dan lembar petunjuk. Kantor kabupaten/kota boleh mengisi satu baris "
        "(wilayahnya sendiri) atau semuanya; lembar mereka sendiri juga diterima bila judul kolomnya dikenali.",
        "The template holds the 13 regencies/cities and an instruction sheet. An office may fill one row (its own) "
        "or all; their own sheets are accepted too when the column headers are recognised."),
    "impor_unduh_templat": ("Unduh templat {jenis}", "Download the {jenis} template"),
    "impor_h_unggah": ("2. Unggah, periksa, simpan", "2. Upload, check, save"),
    "impor_berkas": ("Berkas (xlsx, xls, ods, csv; paling besar {mb})", "File (xlsx, xls, ods, csv; at most {mb})"),
    "impor_jenis": ("Jenis data", "Kind of data"),
    "impor_periode": ("Periode (pilar: YYYY-MM-DD, KPM: YYYY-Qn)", "Period (pillars: YYYY-MM-DD, KPM: YYYY-Qn)"),
    "impor_lembar": ("Lembar (kosong = dicari)", "Sheet (empty = found)"),
    "impor_sumber": ("Sumber (mis. Dinas Sosial Kab. Tapin)", "Source (e.g. Dinas Sosial Kab. Tapin)"),
    "impor_periksa": ("Periksa berkas", "Check the file"),
    "impor_membaca": ("Membaca dan memeriksa berkas ...", "Reading and checking the file ..."),
    "impor_ditolak": ("Berkas ditolak; tidak ada yang diubah. Masalahnya:", "File refused; nothing changed. The problems:"),
    "impor_pratinjau": ("Pratinjau", "Preview"),
    "impor_kolom_kode_bps": ("Kode BPS", "BPS code"),
    "impor_kolom_wilayah": ("Kabupaten/kota", "Regency/city"),
    "impor_kolom_ukuran": ("Angka", "Figure"),
    "impor_kolom_lama": ("Sekarang", "Now"),
    "impor_kolom_baru": ("Baru", "New"),
    "impor_kolom_selisih": ("Selisih", "Difference"),
    "impor_kolom_asal_lama": ("Asal angka sekarang", "Where today's figure is from"),
    "impor_kolom_baris": ("Baris di berkas", "Row in the file"),
    "impor_diabaikan_kolom": ("Kolom diabaikan:", "Columns ignored:"),
    "impor_diabaikan_baris": ("Baris dilewati:", "Rows skipped:"),
    "impor_peringatan": ("Perhatikan:", "Note:"),
    "impor_bentrok": ("Periode ini sudah punya angka untuk:", "This period already has figures for:"),
    "impor_ganti": ("Ganti angka yang sudah ada (yang lama tetap di riwayat dan bisa dikembalikan)",
                    "Replace the figures already there (the old ones stay in the history and can be restored)"),
    "impor_simpan": ("Simpan impor", "Save the import"),
    "impor_berhasil": ("Impor #{nomor} tersimpan; periode {periode} kini tampil di semua halaman.",
                       "Import #{nomor} saved; period {periode} now shows on every page."),
    "impor_tak_tertulis": ("Basis data tidak dapat ditulis (izin folder data atau sedang dipakai proses lain); "
                           "tidak ada yang diubah. Rincian:",
                           "The database cannot be written (data folder permissions, or another process is using "
                           "it); nothing was changed. Details:"),
    "impor_h_riwayat": ("4. Riwayat impor", "4. Import history"),
    "impor_riwayat_kosong": ("Belum ada impor.", "No imports yet."),
    "impor_r_id": ("No.", "No."),
    "impor_r_waktu": ("Waktu", "Time"),
    "impor_r_jenis": ("Jenis", "Kind"),
    "impor_r_periode": ("Periode", "Period"),
    "impor_r_berkas": ("Berkas", "File"),
    "impor_r_baris": ("Angka", "Figures"),
    "impor_r_oleh": ("Oleh", "By"),
    "impor_r_status": ("Status", "Status"),
    "impor_pilih_batal": ("Impor yang dibatalkan", "Import to undo"),
    "impor_yakin_batal": ("Ya, batalkan impor ini", "Yes, undo this import"),
    "impor_batal": ("Batalkan impor", "Undo the import"),
    "impor_dibatalkan": ("Impor #{nomor} dibatalkan. Yang berlaku lagi untuk angka-angkanya: {berlaku}.",
                         "Import #{nomor} undone. In force again for its figures: {berlaku}."),
    "admin_judul": ("Admin", "Admin"),
    "admin_sandi": ("Kata sandi admin", "Admin password"),
    "admin_masuk": ("Masuk", "Log in"),
    "admin_keluar": ("Keluar", "Log out"),
    "admin_sudah_masuk": ("Anda masuk sebagai admin di sesi ini.", "You are logged in as admin in this session."),
    "admin_salah": ("Kata sandi salah.", "Wrong password."),
    "admin_tunggu": ("Terlalu banyak percobaan masuk. Coba lagi dalam {menit} menit.",
                     "Too many login attempts. Try again in {menit} minutes."),
    "admin_hanya_server": (
        "Admin hanya bisa masuk dari komputer server ini (buka dasbor di server lewat http://localhost). "
        "Operator dapat mengizinkan jaringan tertentu dengan PILAR_ADMIN_JARINGAN, sebaiknya dengan HTTPS.",
        "Admin can log in only from this server itself (open the dashboard on the server at http://localhost). "
        "The operator can allow a named network with PILAR_ADMIN_JARINGAN, preferably over HTTPS."),
    "admin_cara_aktif": (
        "Fitur admin (memasang batas wilayah) nonaktif: belum ada kata sandi admin. Untuk mengaktifkannya, jalankan "
        "dasbor dengan variabel lingkungan PILAR_ADMIN_SANDI, atau isi admin_sandi di .streamlit/secrets.toml.",
        "Admin features (installing boundaries) are off: no admin password is configured. To enable them, run the "
        "dashboard with the environment variable PILAR_ADMIN_SANDI, or set admin_sandi in .streamlit/secrets.toml."),
    "admin_perlu_masuk": ("Masuk sebagai admin (di sisi kiri) untuk memasang batas wilayah.",
                          "Log in as admin (in the sidebar) to install boundaries."),
    "admin_sumber_rusak": (
        "Data sumber tidak sah, jadi dasbor menampilkan basis data sah terakhir. Perbaiki berkasnya:",
        "The source data are invalid, so the dashboard shows the last valid database. Fix the file:"),
    "admin_batas": ("Admin: pasang batas wilayah", "Admin: install boundaries"),
    "admin_berkas": ("Berkas batas (GeoJSON, Shapefile dalam zip, GeoPackage)", "Boundary file (GeoJSON, zipped Shapefile, GeoPackage)"),
    "admin_sumber": ("Sumber (mis. BIG, RBI 1:50.000)", "Source (e.g. BIG, RBI 1:50,000)"),
    "admin_lisensi": ("Lisensi", "Licence"),
    "admin_atribusi": ("Teks atribusi di bawah peta", "Attribution text under the map"),
    "admin_pasang": ("Pasang dari berkas", "Install from file"),
    "admin_unduh": ("Unduh set terbuka geoBoundaries (butuh internet)", "Download the open geoBoundaries set (needs internet)"),
    "admin_proses": ("Memasang batas wilayah ...", "Installing boundaries ..."),
    "admin_berhasil": ("Batas wilayah terpasang. Muat ulang halaman untuk melihat peta geografis.",
                       "Boundaries installed. Reload the page to see the geographic map."),
    "atribusi_kosong": ("sumber {sumber}; atribusi tidak dicatat saat dipasang", "source {sumber}; no attribution recorded at install"),
    "kolom_wilayah": ("Kabupaten/kota", "Regency/city"),
    "definisi": ("Definisi", "Definition"),
    "rentang_beban": ("Wilayah mudah dijangkau: {lo}–{hi} KPM per pendamping (ucapan koordinator, bukan aturan)",
                      "Easy-to-reach areas: {lo}–{hi} families per facilitator (a coordinator's words, not a rule)"),
    "catatan_beban": (
        "Rentang {lo}–{hi} adalah ucapan seorang koordinator PKH (Kendari, 2019) untuk wilayah yang mudah dijangkau; "
        "sumber yang sama menyebut {slo}–{shi} untuk wilayah sulit (misalnya pulau-pulau Kotabaru), dan koordinator "
        "lain (Tulungagung, 2025) menyebut sekitar {tul}. Tidak ada regulasi yang dikutip ({sumber}).",
        "The {lo}–{hi} range is one PKH coordinator's words (Kendari, 2019) for easy-to-reach areas; the same source "
        "gives {slo}–{shi} for difficult areas (such as Kotabaru's islands), and another coordinator (Tulungagung, "
        "2025) says about {tul}. No regulation is cited ({sumber})."),
    "kekurangan_tksk": ("Kekurangan TKSK terhadap norma 1 per kecamatan", "TKSK shortfall against one per sub-district"),
    "kekurangan_tksk_bantuan": ("{tksk} TKSK untuk {kec} kecamatan.", "{tksk} TKSK for {kec} sub-districts."),
    "norma_tksk": ("Norma: 1 per kecamatan", "Norm: 1 per sub-district"),
    "judul_desa": ("Pilar di tingkat desa/kelurahan", "Village-level pillars"),
    "judul_per_penduduk": ("Pilar per penduduk dan per penduduk miskin", "Pillars per population and per poor"),
    "pilih_pilar": ("Jenis pilar", "Pillar type"),
    # Proyeksi page (issue 5)
    "menu_proyeksi": ("Proyeksi", "Projections"),
    "judul_proyeksi": ("Proyeksi graduasi KPM: naik kelas dalam berapa tahun?",
                       "KPM graduation projections: how many years to self-reliance?"),
    "pr_pengantar": (
        "Dua pernyataan Menteri Sosial di Dialog Pilar Sosial Kalimantan Selatan (23 September 2025; detik.com), "
        "masing-masing dengan maknanya sendiri:\n\n"
        "1. Contoh hitungan nasional: *\"Kalau satu pendamping mendampingi 10 KPM, maka setiap tahun ada 330 ribu "
        "keluarga yang naik kelas.\"* Kementerian Sosial menetapkan target minimal yang sama: 10 graduasi per "
        "pendamping per tahun.\n"
        "2. Lama untuk **satu keluarga** yang didukung paket lengkap (DTSEN, Sekolah Rakyat, bansos tepat sasaran): "
        "*naik kelas \"dalam tiga sampai lima tahun\"*. Itu bukan lama menghabiskan seluruh KPM suatu wilayah.\n\n"
        "Halaman ini menghitung, untuk wilayah terpilih, lama menghabiskan KPM pada beberapa laju graduasi, dan "
        "membandingkannya dengan ukuran yang sama secara nasional. Semua masukan dapat diubah dan tersimpan di alamat (URL).",
        "Two statements by the Minister of Social Affairs at the South Kalimantan social-pillar dialog (23 September "
        "2025; detik.com), each with its own meaning:\n\n"
        "1. A national worked example: *\"If one facilitator accompanies 10 families, every year 330 thousand families "
        "move up.\"* The ministry set the same minimum target: 10 graduations per facilitator per year.\n"
        "2. The time for **one family** supported by the whole package (DTSEN, Sekolah Rakyat, well-targeted aid): "
        "*moving up \"within three to five years\"*. That is not the time to clear an area's whole caseload.\n\n"
        "This page works out, for the selected area, how long clearing the caseload takes at several graduation rates, "
        "next to the same measure nationally. Every input can be changed and is kept in the URL."),
    "pr_periode": ("KPM awal K(0): KPM PKH {kpm} · pendamping awal P(0): pendamping PKH {pendamping}",
                   "Starting families K(0): PKH families {kpm} · starting facilitators P(0): PKH facilitators {pendamping}"),
    "pr_tanpa_data": ("Wilayah terpilih tidak punya data KPM PKH dan pendamping PKH; proyeksi tidak dapat dihitung.",
                      "The selected area has no PKH family and facilitator data; no projection can be made."),
    "pr_tanpa_data_sebagian": ("Wilayah tanpa data KPM atau pendamping tidak ikut dihitung: {kode}.",
                               "Units without family or facilitator data are left out: {kode}."),
    "pr_url_salah": ("Sebagian nilai skenario di alamat (URL) tidak sah dan diganti nilai bawaan: {daftar}.",
                     "Some scenario values in the URL are not valid and were replaced by defaults: {daftar}."),
    "pr_sumber_bawaan": ("bawaan model (tidak ada di basis data)", "model default (not in the database)"),
    "pr_h_awal": ("Titik awal", "Starting point"),
    "pr_m_k0": ("KPM PKH {periode}, K(0)", "PKH families {periode}, K(0)"),
    "pr_m_p0": ("Pendamping PKH, P(0)", "PKH facilitators, P(0)"),
    "pr_m_rasio": ("KPM per pendamping", "Families per facilitator"),
    "pr_m_laju": ("Graduasi/tahun (g = {g})", "Graduations/year (g = {g})"),
    "pr_kalimat_laju": (
        "Pada laju ini **{kap}** dari **{k0}** keluarga naik kelas per tahun: seluruh KPM saat ini baru tergraduasi "
        "dalam sekitar **{lama} tahun** bila tidak ada KPM baru. Ukuran yang sama secara nasional: {nas_lulus} per tahun "
        "dari sekitar {nas_kpm} KPM PKH berarti sekitar **{nas_lama} tahun**. Angka \"tiga sampai lima tahun\" adalah "
        "lama satu keluarga, bukan lama ini.",
        "At this pace **{kap}** of **{k0}** families graduate per year: all current families take about **{lama} years** "
        "if no new families enter. The same measure nationally: {nas_lulus} a year out of about {nas_kpm} PKH families "
        "means about **{nas_lama} years**. \"Three to five years\" is the time for one family, not this."),
    "pr_h_skenario": ("Skenario", "Scenarios"),
    "pr_i_H": ("Jangka proyeksi (tahun)", "Projection horizon (years)"),
    "pr_i_sk": ("Jumlah skenario", "Number of scenarios"),
    "pr_skenario_ke": ("Skenario {i}", "Scenario {i}"),
    "pr_i_nama": ("Nama (kosong = otomatis)", "Name (empty = automatic)"),
    "pr_i_g": ("Graduasi per pendamping per tahun (g)", "Graduations per facilitator per year (g)"),
    "pr_i_dp": ("Perubahan pendamping per tahun (ΔP, seluruh pilihan)",
                "Change in facilitators per year (ΔP, whole selection)"),
    "pr_i_masuk": ("KPM baru per tahun (N, seluruh pilihan)", "New families per year (N, whole selection)"),
    "pr_i_keluar": ("Keluar lainnya per tahun (e, % dari sisa KPM)", "Other exits per year (e, % of remaining families)"),
    "pr_i_p0": ("Pendamping awal", "Starting facilitators"),
    "pr_p0_data": ("dari data", "from the data"),
    "pr_p0_target": ("sesuai target ({x}% dalam {y} tahun)", "as the target needs ({x}% within {y} years)"),
    "pr_h_realisasi": ("Graduasi terealisasi dan harapan model", "Reported graduations against the model"),
    "pr_realisasi_kosong": ("Belum ada graduasi yang dilaporkan: impor lembar KPM dengan kolom Graduasi (halaman "
                            "Impor data) untuk membandingkannya dengan proyeksi.",
                            "No graduations reported yet: import KPM sheets with a Graduasi column (Import data page) "
                            "to compare them with the projection."),
    "pr_realisasi_bantuan": ("Harapan per triwulan = g (skenario 1) × pendamping ÷ 4. Graduasi dan KPM dari lembar "
                             "kerja yang diimpor (resmi); pendamping = angka terakhir sampai triwulan itu.",
                             "Expected per quarter = g (scenario 1) × facilitators ÷ 4. Graduations and families from "
                             "the imported sheets (official); facilitators = the latest figure up to that quarter."),
    "pr_r_periode": ("Triwulan", "Quarter"),
    "pr_r_kpm": ("KPM PKH", "PKH families"),
    "pr_r_graduasi": ("Graduasi dilaporkan", "Graduations reported"),
    "pr_r_harapan": ("Harapan pada g = {g}", "Expected at g = {g}"),
    "pr_r_rasio": ("Realisasi ÷ harapan", "Reported ÷ expected"),
    "pr_target_kosong": ("Belum ada target (lihat \"Apa yang dibutuhkan\"); skenario ini memakai pendamping dari data.",
                         "No target yet (see \"What it takes\"); this scenario uses the facilitators from the data."),
    "pr_target_gagal": ("Target tidak dapat dicapai dengan g = 0; skenario ini memakai pendamping dari data.",
                        "The target cannot be reached with g = 0; this scenario uses the facilitators from the data."),
    "pr_bawaan_tabel": (
        "| Skenario bawaan | g | Sumber |\n|---|---|---|\n"
        "| Target Kemensos | {g} | {sumber_g} |\n"
        "| Realisasi 2025 | {gr} | {sumber_gr} |\n"
        "| Kuota tetap: setiap lulusan diganti KPM baru, seperti kuota PKH nasional yang bertahan sekitar 10 juta sejak 2020 | {g} | {sumber_q} |\n\n"
        "ΔP, N dan e bawaan 0; K(0) dan P(0) dari data (lihat titik awal). Tidak ada target bawaan untuk "
        "\"Apa yang dibutuhkan\": tidak ada yang menyatakan target untuk seluruh KPM.",
        "| Default scenario | g | Source |\n|---|---|---|\n"
        "| Kemensos target | {g} | {sumber_g} |\n"
        "| 2025 realisation | {gr} | {sumber_gr} |\n"
        "| Fixed quota: every graduate replaced by a new family, as the national PKH quota has stayed near 10 million since 2020 | {g} | {sumber_q} |\n\n"
        "ΔP, N and e default to 0; K(0) and P(0) from the data (see the starting point). No default target for "
        "\"What it takes\": nobody stated one for the whole caseload."),
    "pr_h_banding": ("Perbandingan setelah {H} tahun", "Comparison after {H} years"),
    "pr_kolom_ukuran": ("Ukuran", "Figure"),
    "pr_kolom_wilayah": ("Kabupaten/kota", "Regency/city"),
    "pr_b_p0": ("Pendamping awal", "Facilitators at start"),
    "pr_b_pH": ("Pendamping tahun ke-{H}", "Facilitators in year {H}"),
    "pr_b_g1": ("Graduasi tahun pertama", "Graduations in year one"),
    "pr_b_kum": ("Tergraduasi dalam {H} tahun", "Graduated within {H} years"),
    "pr_b_persen": ("% dari KPM awal", "% of starting families"),
    "pr_b_kH": ("KPM aktif setelah {H} tahun", "Active families after {H} years"),
    "pr_b_rasio": ("KPM per pendamping tahun ke-{H}", "Families per facilitator in year {H}"),
    "pr_b_target": ("KPM aktif turun ke {s}% dari awal atau kurang", "Active families down to {s}% of the start or less"),
    "pr_tahun_ke": ("tahun ke-{t}", "year {t}"),
    "pr_tidak_dalam": ("tidak dalam {H} tahun", "not within {H} years"),
    "pr_sumbu_tahun": ("Tahun ke-", "Year"),
    "pr_c_kpm": ("KPM aktif, K(t)", "Active families, K(t)"),
    "pr_sumbu_kpm": ("KPM", "families"),
    "pr_c_kum": ("Tergraduasi kumulatif", "Cumulative graduates"),
    "pr_sumbu_kum": ("keluarga", "families"),
    "pr_c_target": ("target {x}% dari KPM awal", "target: {x}% of starting families"),
    "pr_c_rasio": ("KPM per pendamping", "Families per facilitator"),
    "pr_sumbu_rasio": ("KPM per pendamping", "families per facilitator"),
    "pr_c_rentang": ("rentang {lo}–{hi} ({sumber})", "range {lo}–{hi} ({sumber})"),
    "pr_h_unit": ("Per kabupaten/kota", "By regency/city"),
    "pr_u_k0": ("KPM awal", "Families at start"),
    "pr_u_p0": ("Pendamping awal", "Facilitators at start"),
    "pr_u_g1": ("Graduasi tahun 1", "Graduations year 1"),
    "pr_u_kum": ("Tergraduasi {H} tahun", "Graduated in {H} years"),
    "pr_u_kH": ("KPM tahun ke-{H}", "Families in year {H}"),
    "pr_u_pH": ("Pendamping tahun ke-{H}", "Facilitators in year {H}"),
    "pr_u_rasio": ("KPM/pendamping tahun ke-{H}", "Families/facilitator in year {H}"),
    "pr_u_target": ("Target tercapai", "Target reached"),
    "pr_tanda_estimasi": (
        "{tanda} = angka awal {estimasi}. Tampilan dibulatkan ke bilangan bulat; model menghitung dengan bilangan real, "
        "sehingga jumlah baris yang dibulatkan bisa berbeda 1 dari totalnya.",
        "{tanda} = {estimasi} starting figure. Display is rounded to whole numbers; the model works with real numbers, "
        "so rounded rows may differ from their total by 1."),
    "pr_h_lensa": ("Lensa \"{dmin} sampai {dmax} tahun\"", "The \"{dmin} to {dmax} years\" lens"),
    "pr_i_D": ("Rata-rata lama sampai keluarga naik kelas (D, tahun)", "Average time until a family graduates (D, years)"),
    "pr_sumber_d": ("Rentang {dmin}–{dmax} tahun: {sumber}. Bawaan D di tengah rentang.",
                    "Range {dmin}–{dmax} years: {sumber}. Default D is the middle of the range."),
    "pr_l_m_butuh": ("Dibutuhkan di tahun 1", "Needed in year 1"),
    "pr_l_m_kapasitas": ("Diberikan g·P sekarang", "Delivered by g·P now"),
    "pr_l_m_g": ("g penutup celah", "g closing the gap"),
    "pr_l_m_p": ("Pendamping penutup celah", "Facilitators closing the gap"),
    "pr_l_kalimat": (
        "Bila rata-rata keluarga naik kelas dalam **{D} tahun**, tahun pertama butuh sekitar **{butuh}** graduasi; "
        "g·P sekarang memberi **{kap}** ({persen} dari kebutuhan; kebutuhan **{rasio}×** kapasitas). Menutup celah "
        "itu butuh **g ≈ {g}** per pendamping dengan pendamping sekarang, atau **{p} pendamping** pada g = {g1}. "
        "Lensa ini perkiraan kasar (K(0)/D); jawaban tepat ada di bagian \"Apa yang dibutuhkan\".",
        "If families graduate after **{D} years** on average, year one needs about **{butuh}** graduations; "
        "g·P now delivers **{kap}** ({persen} of the need; the need is **{rasio}×** the capacity). Closing the gap "
        "takes **g ≈ {g}** per facilitator with today's facilitators, or **{p} facilitators** at g = {g1}. "
        "This lens is a rough estimate (K(0)/D); the exact answer is in \"What it takes\"."),
    "pr_l_per_unit": ("Lensa per kabupaten/kota", "Lens by regency/city"),
    "pr_l_butuh": ("Dibutuhkan per tahun (K(0)/D)", "Needed per year (K(0)/D)"),
    "pr_l_kapasitas": ("g·P sekarang", "g·P now"),
    "pr_l_rasio": ("Kebutuhan / kapasitas", "Need / capacity"),
    "pr_l_lama": ("Lama pada laju ini (tahun)", "Years at this pace"),
    "pr_l_g": ("g penutup celah", "g closing the gap"),
    "pr_l_p": ("Pendamping penutup celah", "Facilitators closing the gap"),
    "pr_h_butuh": ("Apa yang dibutuhkan", "What it takes"),
    "pr_i_target": ("Target: % KPM saat ini tergraduasi", "Target: % of current families graduated"),
    "pr_i_dalam": ("dalam (tahun)", "within (years)"),
    "pr_sumber_target": ("Tidak ada target bawaan; isi persen dan jangka yang ingin dihitung (0 = tanpa target).",
                         "No default target; enter the share and horizon to work out (0 = no target)."),
    "pr_tak_tercapai": ("tidak tercapai", "not reachable"),
    "pr_n_m_p": ("Pendamping dibutuhkan (g = {g})", "Facilitators needed (g = {g})"),
    "pr_n_m_tambah": ("Selisih dari pendamping sekarang", "Difference from current facilitators"),
    "pr_n_rentang": ("Aspirasi {dmin} sampai {dmax} tahun untuk target {x}%, dihitung tepat yang sama:",
                     "The {dmin} to {dmax} year aspiration for the {x}% target, solved the same exact way:"),
    "pr_n_dalam": ("Dalam (tahun)", "Within (years)"),
    "pr_n_m_g": ("g dibutuhkan (pendamping sekarang)", "g needed (current facilitators)"),
    "pr_n_kalimat": (
        "Agar **{x}%** KPM saat ini tergraduasi dalam **{y} tahun**, dibutuhkan **{p} pendamping** (sekarang {p0}) "
        "pada {g} graduasi per pendamping per tahun, atau **{gb} graduasi per pendamping per tahun** dengan "
        "pendamping sekarang.",
        "For **{x}%** of current families to graduate within **{y} years**, it takes **{p} facilitators** "
        "(now {p0}) at {g} graduations per facilitator per year, or **{gb} graduations per facilitator per year** "
        "with today's facilitators."),
    "pr_n_cara": (
        "Dihitung tepat pada model dengan pencarian bilangan bulat (bukan rumus kasar), dengan pendamping tetap "
        "selama jangka target dan g = {g}, KPM baru {masuk}/tahun, keluar lain {keluar}/tahun dari skenario 1. "
        "Untuk gabungan wilayah setiap kabupaten/kota harus mencapai target: pendamping = jumlah kebutuhan tiap "
        "wilayah, g = kebutuhan g terbesar di antara wilayah.",
        "Solved exactly on the model by integer search (not a rough formula), with facilitators constant over the "
        "target horizon and g = {g}, new families {masuk}/year, other exits {keluar}/year from scenario 1. For "
        "several units every unit must reach the target: facilitators = sum of the units' needs, g = the largest "
        "g any unit needs."),
    "pr_n_per_unit": ("Kebutuhan per kabupaten/kota", "Needs by regency/city"),
    "pr_n_p": ("Pendamping dibutuhkan", "Facilitators needed"),
    "pr_n_tambah": ("Selisih", "Difference"),
    "pr_n_g": ("g dibutuhkan", "g needed"),
    "pr_h_asumsi": ("Model, asumsi dan catatan", "Model, assumptions and caveats"),
    "pr_model": (
        "Per kabupaten/kota, per tahun t = 0 … H:\n\n"
        "- K(t): KPM aktif di awal tahun t; K(0) dari data.\n"
        "- P(t+1) = maks(0, P(t) + ΔP); P(0) dari data (atau sesuai target).\n"
        "- Graduasi G(t) = min(g · P(t), K(t)): dibatasi kapasitas pendamping dan sisa keluarga.\n"
        "- Keluar lain X(t) = e · (K(t) − G(t)).\n"
        "- KPM baru N(t): angka per tahun untuk seluruh pilihan, dibagi ke wilayah menurut K(0); ΔP dibagi dengan cara yang sama. Dengan kuota tetap, N(t) juga memuat G(t): setiap lulusan diganti keluarga baru.\n"
        "- K(t+1) = K(t) − G(t) − X(t) + N(t).\n\n"
        "Angka provinsi atau gabungan = jumlah proyeksi tiap wilayah, bukan proyeksi dari jumlah. "
        "Model memakai bilangan real; tampilan dibulatkan. Rincian: `docs/PROYEKSI.md`.",
        "Per regency/city, per year t = 0 … H:\n\n"
        "- K(t): active families at the start of year t; K(0) from the data.\n"
        "- P(t+1) = max(0, P(t) + ΔP); P(0) from the data (or as the target needs).\n"
        "- Graduations G(t) = min(g · P(t), K(t)): capped by facilitator capacity and by who is left.\n"
        "- Other exits X(t) = e · (K(t) − G(t)).\n"
        "- New families N(t): a number per year for the whole selection, split to units by K(0); ΔP is split the same way. With a fixed quota N(t) also holds G(t): every graduate is replaced.\n"
        "- K(t+1) = K(t) − G(t) − X(t) + N(t).\n\n"
        "Province or multi-unit figures are sums of per-unit projections, never a projection of sums. "
        "The model uses real numbers; the display is rounded. Details: `docs/PROYEKSI.md`."),
    "pr_catatan": (
        "**Catatan.** KPM awal adalah KPM PKH {kpm} (sumber {sumber_k}), angka per wilayah terbaru yang ditemukan; "
        "sebagian wilayah estimasi dari total provinsi. Pendamping per wilayah (sumber {sumber_p}) adalah estimasi: "
        "total provinsi 385 dibagi menurut jumlah KPM, jadi hasil per wilayah mengulang aturan itu. 10 graduasi per "
        "pendamping per tahun adalah contoh Menteri dan target minimal Kemensos, bukan capaian terukur; realisasi "
        "nasional 2025 sekitar 2,3. Proyeksi menunjukkan besarnya celah, bukan ramalan.",
        "**Caveats.** Starting families are PKH families {kpm} (source {sumber_k}), the latest per-unit figures found; "
        "some units are estimated from the province total. Facilitators per unit (source {sumber_p}) are estimates: "
        "the province total of 385 shared out in proportion to families, so per-unit results repeat that rule. 10 "
        "graduations per facilitator per year is the Minister's example and Kemensos' minimum target, not a measured "
        "result; the 2025 national realisation was about 2.3. The projection shows the size of the gap, not a forecast."),
    "pr_sk_target": ("Target {tahun} tahun", "Target {tahun} years"),
    "pr_sk_tambah": ("Tambah {dp} pendamping/tahun", "Add {dp} facilitators/year"),
    "pr_sk_kemensos": ("Target Kemensos: {g}/pendamping", "Kemensos target: {g}/facilitator"),
    "pr_sk_realisasi": ("Realisasi 2025: ≈ {g}/pendamping", "2025 realisation: ≈ {g}/facilitator"),
    "pr_sk_ganti": ("kuota tetap, lulusan diganti KPM baru", "fixed quota, graduates replaced"),
    "pr_sk_tanpa_ganti": ("tanpa pengganti", "no replacement"),
    "pr_i_ganti": ("Lulusan diganti KPM baru (kuota tetap)", "Graduates replaced by new families (fixed quota)"),
    "pr_tanpa_target": ("Isi target di atas untuk menghitung apa yang dibutuhkan.",
                        "Enter a target above to work out what it takes."),
    "pr_sk_g": ("{g} graduasi/pendamping", "{g} graduations/facilitator"),
    "pr_sk_ek_dp": ("{tanda}{dp} pendamping/tahun", "{tanda}{dp} facilitators/year"),
    "pr_sk_ek_masuk": ("+{n} KPM baru/tahun", "+{n} new families/year"),
    "pr_sk_ek_keluar": ("keluar lain {e}/tahun", "other exits {e}/year"),
}

