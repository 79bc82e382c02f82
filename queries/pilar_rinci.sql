-- Jumlah pilar per kabupaten/kota dan jenis, satu baris per angka, dengan status, sumber dan catatan.
-- @param kode kode_list  kode BPS wilayah, dipisah koma; kosong = seluruh provinsi
-- @param periode teks  periode data pilar (YYYY-MM-DD); kosong = periode terbaru
SELECT p.kode_bps, w.nama, p.jenis_pilar, p.periode, p.jumlah,
       p.status, p.sumber_id, p.catatan
FROM pilar AS p
JOIN wilayah AS w USING (kode_bps)
JOIN pilar_jenis AS j USING (jenis_pilar)
WHERE p.periode = coalesce($periode, (SELECT max(periode) FROM pilar))
  AND (len($kode) = 0 OR list_contains($kode, p.kode_bps))
ORDER BY p.kode_bps, j.urutan
