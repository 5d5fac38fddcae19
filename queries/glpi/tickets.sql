-- plazo: canonical `tickets` table from a GLPI 10.x database (MySQL / MariaDB).
--
-- Run (TAB-separated, header row first, NULL printed as the word NULL):
--   mysql -h HOST -u USER -p --default-character-set=utf8mb4 --batch --raw glpi \
--         < queries/glpi/tickets.sql > tickets.tsv
-- See queries/glpi/README.md for CSV output, time zones and what is verified.
--
-- Output columns, in this order:
--   canonical : ticket_id, opened_at, type, priority, category, service, group,
--               assignee, requester, channel, affected_users
--   attributes: status, urgency, impact, solvedate, closedate, takeintoaccountdate,
--               time_to_own, time_to_resolve, waiting_duration, sla_waiting_duration,
--               solve_delay_stat, close_delay_stat, takeintoaccount_delay_stat,
--               slas_id_tto, slas_id_ttr, entities_id, entity, tipo_solucion
--
-- TIME ZONE. Every date is written as naive local time 'YYYY-MM-DD HH:MM:SS'.
-- In GLPI 10 the date columns are TIMESTAMP (stored in UTC), so MySQL renders them
-- in the time zone of THIS session. Set the session to the policy's time zone first,
-- by uncommenting ONE of these lines (README: "Time zone"):
-- SET time_zone = 'America/Bogota';   -- needs the server's time zone tables loaded
-- SET time_zone = '-05:00';           -- fixed offset: only for zones without DST
-- If a GLPI upgraded from 9.x still has DATETIME columns, SET time_zone changes
-- nothing and the values are the wall-clock time GLPI wrote (README explains how
-- to check: SHOW COLUMNS FROM glpi_tickets LIKE 'date').

SELECT
    CAST(t.id AS CHAR)                                   AS ticket_id,
    DATE_FORMAT(t.`date`, '%Y-%m-%d %H:%i:%s')            AS opened_at,
    -- glpi_tickets.type: 1 = incident, 2 = request (es_CO labels below).
    CASE t.type
        WHEN 1 THEN 'Incidente'
        WHEN 2 THEN 'Requerimiento'
        ELSE CAST(t.type AS CHAR)
    END                                                   AS type,
    -- GLPI priority code 1..6; es_CO labels: 6 Mayor, 5 Muy alta, 4 Alta, 3 Media,
    -- 2 Baja, 1 Muy baja. The code is emitted; the policy maps it (README).
    t.priority                                            AS priority,
    cat.completename                                      AS category,
    -- GLPI has no "service" field on tickets.
    NULL                                                  AS service,
    grp.names                                             AS `group`,
    tech.names                                            AS assignee,
    req.names                                             AS requester,
    rt.name                                               AS channel,
    -- GLPI has no "affected users" count on tickets.
    NULL                                                  AS affected_users,

    -- Extra GLPI columns, kept by plazo as attributes.
    t.status                                              AS status,
    t.urgency                                             AS urgency,
    t.impact                                              AS impact,
    DATE_FORMAT(t.solvedate, '%Y-%m-%d %H:%i:%s')            AS solvedate,
    DATE_FORMAT(t.closedate, '%Y-%m-%d %H:%i:%s')            AS closedate,
    DATE_FORMAT(t.takeintoaccountdate, '%Y-%m-%d %H:%i:%s')  AS takeintoaccountdate,
    DATE_FORMAT(t.time_to_own, '%Y-%m-%d %H:%i:%s')          AS time_to_own,
    DATE_FORMAT(t.time_to_resolve, '%Y-%m-%d %H:%i:%s')      AS time_to_resolve,
    t.waiting_duration                                    AS waiting_duration,
    t.sla_waiting_duration                                AS sla_waiting_duration,
    t.solve_delay_stat                                    AS solve_delay_stat,
    t.close_delay_stat                                    AS close_delay_stat,
    t.takeintoaccount_delay_stat                          AS takeintoaccount_delay_stat,
    t.slas_id_tto                                         AS slas_id_tto,
    t.slas_id_ttr                                         AS slas_id_ttr,
    t.entities_id                                         AS entities_id,
    ent.completename                                      AS entity,
    -- The solution type (glpi_solutiontypes) of the ticket's last solution, e.g.
    -- Itagüí's "Desistida" (PR-RF-09 activity 1, Nota), read by [[exclude.rules]].
    (SELECT st.name
       FROM glpi_itilsolutions AS s
       JOIN glpi_solutiontypes AS st ON st.id = s.solutiontypes_id
      WHERE s.itemtype = 'Ticket' AND s.items_id = t.id
      ORDER BY s.id DESC
      LIMIT 1)                                            AS tipo_solucion
FROM glpi_tickets AS t
LEFT JOIN glpi_itilcategories AS cat ON cat.id = t.itilcategories_id
LEFT JOIN glpi_entities       AS ent ON ent.id = t.entities_id
LEFT JOIN glpi_requesttypes   AS rt  ON rt.id  = t.requesttypes_id
-- Assigned technicians (glpi_tickets_users.type 2). A ticket may have several:
-- they are joined with ' | ' in the order they were linked. A link with
-- users_id = 0 is an e-mail-only actor: its address is used instead.
-- Names use GLPI's default display form "Realname Firstname", the same form GLPI
-- writes into glpi_logs (so events_groups.sql produces matching names).
LEFT JOIN (
    SELECT tu.tickets_id,
           GROUP_CONCAT(
               CASE WHEN tu.users_id = 0 THEN NULLIF(tu.alternative_email, '')
                    ELSE COALESCE(NULLIF(TRIM(CONCAT_WS(' ', u.realname, u.firstname)), ''), u.name)
               END
               ORDER BY tu.id SEPARATOR ' | ') AS names
    FROM glpi_tickets_users AS tu
    LEFT JOIN glpi_users AS u ON u.id = tu.users_id
    WHERE tu.type = 2
    GROUP BY tu.tickets_id
) AS tech ON tech.tickets_id = t.id
-- Requesters (glpi_tickets_users.type 1), same rules.
LEFT JOIN (
    SELECT tu.tickets_id,
           GROUP_CONCAT(
               CASE WHEN tu.users_id = 0 THEN NULLIF(tu.alternative_email, '')
                    ELSE COALESCE(NULLIF(TRIM(CONCAT_WS(' ', u.realname, u.firstname)), ''), u.name)
               END
               ORDER BY tu.id SEPARATOR ' | ') AS names
    FROM glpi_tickets_users AS tu
    LEFT JOIN glpi_users AS u ON u.id = tu.users_id
    WHERE tu.type = 1
    GROUP BY tu.tickets_id
) AS req ON req.tickets_id = t.id
-- Assigned groups (glpi_groups_tickets.type 2), full path ("Parent > Child").
LEFT JOIN (
    SELECT gt.tickets_id,
           GROUP_CONCAT(COALESCE(g.completename, g.name) ORDER BY gt.id SEPARATOR ' | ') AS names
    FROM glpi_groups_tickets AS gt
    JOIN glpi_groups AS g ON g.id = gt.groups_id
    WHERE gt.type = 2
    GROUP BY gt.tickets_id
) AS grp ON grp.tickets_id = t.id
WHERE t.is_deleted = 0            -- tickets in GLPI's trash are left out
-- Optional: restrict the export. Keep the window wide: a ticket opened before a
-- report period can be solved inside it.
--   AND t.`date` >= '2026-01-01'
ORDER BY t.id;
