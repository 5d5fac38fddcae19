-- Tickets abiertos en el periodo por canal de entrada (portal, correo,
-- teléfono...), con su participación.
-- Tickets opened in the period per channel.
SELECT
    COALESCE(t.channel, '(sin dato)') AS canal,
    COUNT(*) AS abiertos
FROM tickets t
JOIN sla s ON s.ticket_id = t.ticket_id
WHERE s.opened_in_period
GROUP BY t.channel
ORDER BY abiertos DESC, canal
