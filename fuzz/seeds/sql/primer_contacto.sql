-- Resolución en primer contacto: tickets solucionados en el periodo, dentro
-- del alcance del ANS, que nunca cambiaron de grupo (a lo sumo un grupo en
-- su historial de estados), por prioridad.
-- First-contact resolution: tickets solved in the period with no group change.
WITH grupos AS (
    SELECT ticket_id, COUNT(DISTINCT "group") AS n_grupos
    FROM events
    WHERE "group" IS NOT NULL
    GROUP BY ticket_id
)
SELECT
    s.priority AS prioridad,
    COUNT(*) AS solucionados,
    SUM(CASE WHEN COALESCE(g.n_grupos, 0) <= 1 THEN 1 ELSE 0 END) AS primer_contacto,
    100.0 * SUM(CASE WHEN COALESCE(g.n_grupos, 0) <= 1 THEN 1 ELSE 0 END) / COUNT(*) AS pct_primer_contacto
FROM sla s
LEFT JOIN grupos g ON s.ticket_id = g.ticket_id
WHERE s.solved_in_period AND s.excluded_reason IS NULL
GROUP BY s.priority
ORDER BY s.priority
