-- Jumlah KPM (keluarga penerima manfaat) per kabupaten/kota untuk satu program, dengan periode, status dan sumber.
-- @param kode kode_list  kode BPS wilayah, dipisah koma; kosong = seluruh provinsi
-- @param program teks  program bansos; kosong = pkh
-- @param periode teks  periode data KPM (mis. 2022-Q2); kosong = periode terbaru program itu
-- graduasi: KPM yang graduasi selama periode itu, dari impor lembar kerja yang aktif (docs/IMPOR.md);
-- NULL bila tidak diimpor. Setiap basis data punya tabel impor_kpm (kosong tanpa impor).
WITH prog AS (SELECT coalesce($program, 'pkh') AS program)
SELECT k.kode_bps, w.nama, k.program, k.periode, k.jumlah AS kpm, k.status, k.sumber_id, k.catatan,
       g.graduasi
FROM kpm AS k
JOIN prog USING (program)
JOIN wilayah AS w USING (kode_bps)
LEFT JOIN impor_kpm AS g
       ON g.aktif AND g.kode_bps = k.kode_bps AND g.program = k.program AND g.periode = k.periode
WHERE k.periode = coalesce($periode, (SELECT max(periode) FROM kpm JOIN prog USING (program)))
  AND (len($kode) = 0 OR list_contains($kode, k.kode_bps))
ORDER BY k.kode_bps
