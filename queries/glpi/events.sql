-- plazo: canonical `events` table (status history) from a GLPI 10.x database.
--
-- Run:
--   mysql -h HOST -u USER -p --default-character-set=utf8mb4 --batch --raw glpi \
--         < queries/glpi/events.sql > events.tsv
--
-- One row per status change. GLPI logs a status change in glpi_logs with
-- itemtype = 'Ticket' and id_search_option = 12; old_value / new_value hold the
-- status CODES (verified on GLPI 10.0.5):
--   1 New (es_CO "Nuevo"), 2 Processing/assigned ("En curso (asignada)"),
--   3 Processing/planned ("En curso (planificada)"), 4 Pending ("En espera"),
--   5 Solved ("Resueltas" in es_CO, "Resuelto" in es_ES), 6 Closed ("Cerrado").
-- The policy's [states] maps the codes, e.g. paused = ["4"].
--
-- GLPI does NOT log the status a ticket is created with. old_status is emitted so
-- the adapter can take the initial status from the first change's old_value. A
-- ticket with no row here never changed status: its status is glpi_tickets.status
-- (the `status` attribute of tickets.sql).
--
-- Output columns: ticket_id, at, status, old_status, actor, log_id
--   actor : glpi_logs.user_name as GLPI writes it, "Realname Firstname (users_id)"
--           (or "login (id)" for accounts without a real name; automatic actions
--           may show other texts).
--   log_id: glpi_logs.id, the tie-breaker for changes in the same second.
--
-- TIME ZONE: glpi_logs.date_mod is a TIMESTAMP in GLPI 10, rendered in this
-- session's time zone; use the same SET time_zone as for tickets.sql:
-- SET time_zone = 'America/Bogota';   -- needs the server's time zone tables
-- SET time_zone = '-05:00';           -- fixed offset: only for zones without DST

SELECT
    CAST(l.items_id AS CHAR)                        AS ticket_id,
    DATE_FORMAT(l.date_mod, '%Y-%m-%d %H:%i:%s')     AS `at`,
    l.new_value                                     AS status,
    l.old_value                                     AS old_status,
    l.user_name                                     AS actor,
    l.id                                            AS log_id
FROM glpi_logs AS l
-- Only tickets that tickets.sql exports (not in the trash, not purged).
JOIN glpi_tickets AS t ON t.id = l.items_id AND t.is_deleted = 0
WHERE l.itemtype = 'Ticket'
  AND l.id_search_option = 12
ORDER BY l.items_id, l.date_mod, l.id;
