-- Mediana de horas hábiles de solución por categoría, de los tickets
-- solucionados en el periodo dentro del alcance del ANS (la mediana de
-- Polars interpola entre los dos valores centrales; la hoja "Por
-- categoría" usa rango más cercano).
-- Median resolution business hours per category (Polars' interpolated median).
SELECT
    category AS categoria,
    COUNT(*) AS solucionados,
    MEDIAN(resolution_business_s) / 3600.0 AS mediana_horas_habiles
FROM sla
WHERE solved_in_period AND excluded_reason IS NULL
GROUP BY category
ORDER BY categoria
