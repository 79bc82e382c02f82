-- Graduasi KPM PKH yang dilaporkan (impor lembar kerja) per kabupaten/kota dan periode, dengan KPM periode itu dan pendamping terakhir sampai periode itu.
-- @param kode kode_list  kode BPS wilayah, dipisah koma; kosong = seluruh provinsi
SELECT g.kode_bps, g.periode, k.jumlah AS kpm, g.graduasi,
       (SELECT p.jumlah FROM pilar AS p
         WHERE p.kode_bps = g.kode_bps AND p.jenis_pilar = 'pendamping_pkh' AND kuartal(p.periode) <= g.periode
         ORDER BY p.periode DESC LIMIT 1) AS pendamping
FROM impor_kpm AS g
JOIN kpm AS k ON k.kode_bps = g.kode_bps AND k.program = g.program AND k.periode = g.periode
WHERE g.aktif AND g.program = 'pkh' AND g.graduasi IS NOT NULL
  AND (len($kode) = 0 OR list_contains($kode, g.kode_bps))
ORDER BY g.periode, g.kode_bps
