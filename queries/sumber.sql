-- Daftar sumber data dengan penerbit asli, tanggal, alamat, dan jumlah angka di basis data yang mengutipnya.
WITH kutip AS (
    SELECT sumber_id FROM fakta_wilayah
    UNION ALL SELECT sumber_id FROM fakta_provinsi
    UNION ALL SELECT sumber_id FROM acuan
    UNION ALL SELECT sumber_id FROM kpm
    UNION ALL SELECT sumber_id FROM pilar
)
SELECT s.sumber_id, s.judul, s.penerbit, s.media, s.tanggal, s.url, s.catatan,
       count(k.sumber_id)::INTEGER AS jumlah_angka
FROM sumber AS s
LEFT JOIN kutip AS k USING (sumber_id)
GROUP BY ALL
ORDER BY s.sumber_id
