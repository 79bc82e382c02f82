-- Semua angka dasar per kabupaten/kota dalam format panjang, dengan periode, status, sumber dan dasar alokasi angka estimasi: untuk pilar dan KPM angka terbaru tiap wilayah sampai triwulan terpilih, untuk fakta wilayah periode terbaru.
-- @param kode kode_list  kode BPS wilayah, dipisah koma; kosong = seluruh provinsi
-- @param kuartal teks  triwulan data (YYYY-Qn) untuk pilar dan KPM; kosong = terbaru
WITH semua AS (
    -- basis: what an estimated pillar count was allocated by (pilar_jenis.basis_alokasi)
    SELECT kode_bps, indikator, nilai, satuan, periode, sumber_id, status, catatan, FALSE AS berkala,
           NULL::VARCHAR AS basis
    FROM fakta_wilayah
    UNION ALL
    SELECT kode_bps, 'kpm_' || program, jumlah, 'KPM', periode, sumber_id, status, catatan, TRUE, NULL
    FROM kpm
    UNION ALL
    SELECT p.kode_bps, p.jenis_pilar, p.jumlah, j.satuan, p.periode, p.sumber_id, p.status, p.catatan, TRUE,
           j.basis_alokasi
    FROM pilar AS p JOIN pilar_jenis AS j USING (jenis_pilar)
),
terbaru AS (
    -- Facts: the latest period of each indicator. Pillars and KPM: each unit's latest figure up to
    -- the chosen quarter, so a unit that did not report in that quarter keeps its own older figure.
    SELECT * EXCLUDE (berkala) FROM semua
    WHERE NOT berkala OR $kuartal IS NULL OR kuartal(periode) <= $kuartal
    QUALIFY periode = max(periode) OVER (PARTITION BY indikator, CASE WHEN berkala THEN kode_bps END)
),
desa_kelurahan AS (
    -- derived: desa + kelurahan, with the weaker status of the two
    SELECT kode_bps, 'desa_kelurahan' AS indikator, sum(nilai) AS nilai, 'desa/kelurahan' AS satuan,
           max(periode) AS periode, string_agg(DISTINCT sumber_id, ',') AS sumber_id,
           status_of_rank(max(status_rank(status))) AS status,
           'Jumlah desa ditambah jumlah kelurahan' AS catatan, NULL AS basis
    FROM terbaru
    WHERE indikator IN ('desa', 'kelurahan')
    GROUP BY kode_bps
)
SELECT t.kode_bps, w.nama, w.nama_pendek, t.indikator, t.nilai, t.satuan, t.periode, kuartal(t.periode) AS kuartal,
       t.sumber_id, t.status, t.catatan, t.basis
FROM (SELECT * FROM terbaru UNION ALL SELECT * FROM desa_kelurahan) AS t
JOIN wilayah AS w USING (kode_bps)
WHERE len($kode) = 0 OR list_contains($kode, t.kode_bps)
ORDER BY t.kode_bps, t.indikator
