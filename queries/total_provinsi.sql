-- Total provinsi yang diterbitkan sumber (bukan hasil penjumlahan), dengan nama indikator seperti di indikator_wilayah.
SELECT CASE WHEN indikator LIKE 'pilar\_%' ESCAPE '\' THEN substr(indikator, 7) ELSE indikator END AS indikator,
       nilai, satuan, periode, status, sumber_id, catatan
FROM fakta_provinsi
ORDER BY indikator, periode
