SELECT t.ticket_id, s.resolution_s, e.status FROM tickets t JOIN sla s ON s.ticket_id = t.ticket_id LEFT JOIN events e ON e.ticket_id = t.ticket_id WHERE t.opened_at >= '2026-07-01' LIMIT 10
