-- Jumlah tiap jenis pilar untuk wilayah terpilih, dengan status gabungan dan total provinsi yang diumumkan.
-- @param kode kode_list  kode BPS wilayah, dipisah koma; kosong = seluruh provinsi
-- @param periode teks  periode data pilar (YYYY-MM-DD); kosong = periode terbaru
WITH per AS (
    SELECT coalesce($periode, (SELECT max(periode) FROM pilar)) AS periode
),
pilih AS (
    SELECT p.*
    FROM pilar AS p, per
    WHERE p.periode = per.periode
      AND (len($kode) = 0 OR list_contains($kode, p.kode_bps))
),
agg AS (
    SELECT jenis_pilar, sum(jumlah)::INTEGER AS jumlah, count(*)::INTEGER AS jumlah_wilayah,
           status_of_rank(max(status_rank(status))) AS status_bagian
    FROM pilih
    GROUP BY jenis_pilar
)
SELECT j.jenis_pilar, j.satuan, per.periode, a.jumlah,
       -- A sum over all units that equals the announced total carries that total's status.
       CASE WHEN a.jumlah_wilayah = (SELECT count(*) FROM wilayah) AND a.jumlah = f.nilai
            THEN f.status ELSE a.status_bagian END AS status,
       a.jumlah_wilayah,
       f.nilai::INTEGER AS total_provinsi,
       f.sumber_id AS sumber_total_provinsi
FROM pilar_jenis AS j
CROSS JOIN per
LEFT JOIN agg AS a USING (jenis_pilar)
LEFT JOIN fakta_provinsi AS f ON f.indikator = 'pilar_' || j.jenis_pilar AND f.periode = per.periode
ORDER BY j.urutan
