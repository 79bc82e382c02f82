-- Periode tiap kelompok data dan berapa angka berstatus resmi, berita dan estimasi.
WITH semua AS (
    SELECT 'pilar' AS data, periode, status FROM pilar
    UNION ALL SELECT 'kpm_' || program, periode, status FROM kpm
    UNION ALL SELECT indikator, periode, status FROM fakta_wilayah
)
SELECT data, periode,
       count(*) FILTER (WHERE status = 'resmi')::INTEGER    AS resmi,
       count(*) FILTER (WHERE status = 'berita')::INTEGER   AS berita,
       count(*) FILTER (WHERE status = 'estimasi')::INTEGER AS estimasi
FROM semua
GROUP BY data, periode
ORDER BY data, periode
