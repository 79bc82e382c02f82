-- Jumlah tujuh jenis pilar sosial per kabupaten/kota, satu baris per wilayah.
-- @param kode kode_list  kode BPS wilayah, dipisah koma; kosong = seluruh provinsi
-- @param periode teks  periode data pilar (YYYY-MM-DD); kosong = periode terbaru
WITH p AS (
    SELECT *
    FROM pilar
    WHERE periode = coalesce($periode, (SELECT max(periode) FROM pilar))
)
SELECT
    w.kode_bps,
    w.nama,
    sum(p.jumlah) FILTER (WHERE p.jenis_pilar = 'lks')::INTEGER                AS lks,
    sum(p.jumlah) FILTER (WHERE p.jenis_pilar = 'tksk')::INTEGER               AS tksk,
    sum(p.jumlah) FILTER (WHERE p.jenis_pilar = 'psm')::INTEGER                AS psm,
    sum(p.jumlah) FILTER (WHERE p.jenis_pilar = 'karang_taruna')::INTEGER      AS karang_taruna,
    sum(p.jumlah) FILTER (WHERE p.jenis_pilar = 'pendamping_pkh')::INTEGER     AS pendamping_pkh,
    sum(p.jumlah) FILTER (WHERE p.jenis_pilar = 'tagana')::INTEGER             AS tagana,
    sum(p.jumlah) FILTER (WHERE p.jenis_pilar = 'pelopor_perdamaian')::INTEGER AS pelopor_perdamaian
FROM wilayah AS w
LEFT JOIN p USING (kode_bps)
WHERE len($kode) = 0 OR list_contains($kode, w.kode_bps)
GROUP BY w.kode_bps, w.nama
ORDER BY w.kode_bps
