-- Jumlah KPM (keluarga penerima manfaat) per kabupaten/kota untuk satu program, dengan periode, status dan sumber.
-- @param kode kode_list  kode BPS wilayah, dipisah koma; kosong = seluruh provinsi
-- @param program teks  program bansos; kosong = pkh
-- @param periode teks  periode data KPM (mis. 2022-Q2); kosong = periode terbaru program itu
WITH prog AS (SELECT coalesce($program, 'pkh') AS program)
SELECT k.kode_bps, w.nama, k.program, k.periode, k.jumlah AS kpm, k.status, k.sumber_id, k.catatan
FROM kpm AS k
JOIN prog USING (program)
JOIN wilayah AS w USING (kode_bps)
WHERE k.periode = coalesce($periode, (SELECT max(periode) FROM kpm JOIN prog USING (program)))
  AND (len($kode) = 0 OR list_contains($kode, k.kode_bps))
ORDER BY k.kode_bps
