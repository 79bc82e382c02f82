-- Nilai acuan (asumsi, norma, angka nasional) dengan periode, status dan sumber.
SELECT a.indikator, a.nilai, a.satuan, a.periode, a.status, a.sumber_id, s.penerbit, a.catatan
FROM acuan AS a JOIN sumber AS s USING (sumber_id)
QUALIFY a.periode = max(a.periode) OVER (PARTITION BY a.indikator)
ORDER BY a.indikator
