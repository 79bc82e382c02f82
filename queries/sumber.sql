-- Daftar sumber data dengan penerbit asli, tanggal, alamat, dan berapa angka di basis data yang diterbitkannya (resmi/berita) dan yang diturunkan darinya (estimasi).
WITH kutip AS (
    SELECT sumber_id, status FROM fakta_wilayah
    UNION ALL SELECT sumber_id, status FROM fakta_provinsi
    UNION ALL SELECT sumber_id, status FROM acuan
    UNION ALL SELECT sumber_id, status FROM kpm
    UNION ALL SELECT sumber_id, status FROM pilar
)
SELECT s.sumber_id, s.judul, s.penerbit, s.media, s.tanggal, s.url, s.catatan,
       -- the weakest status (estimasi, pilar/status.py) marks a figure derived by a rule
       count(k.sumber_id) FILTER (WHERE k.status <> enum_last(NULL::status_angka))::INTEGER AS angka_terbit,
       count(k.sumber_id) FILTER (WHERE k.status = enum_last(NULL::status_angka))::INTEGER AS angka_turunan
FROM sumber AS s
LEFT JOIN kutip AS k USING (sumber_id)
GROUP BY ALL
ORDER BY s.sumber_id
