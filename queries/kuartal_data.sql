-- Triwulan yang punya angka pilar atau KPM, terbaru dulu: pilihan periode di dasbor.
SELECT kuartal(periode) AS kuartal, count(*)::INTEGER AS jumlah_angka
FROM (SELECT periode FROM pilar UNION ALL SELECT periode FROM kpm)
GROUP BY ALL
ORDER BY kuartal DESC
