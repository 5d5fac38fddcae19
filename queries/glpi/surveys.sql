-- plazo: canonical `surveys` table (answered satisfaction surveys) from GLPI 10.x.
--
-- Run:
--   mysql -h HOST -u USER -p --default-character-set=utf8mb4 --batch --raw glpi \
--         < queries/glpi/surveys.sql > surveys.tsv
--
-- Source: glpi_ticketsatisfactions, one row per survey sent (verified on 10.0.5:
-- id, tickets_id, type, date_begin, date_answered, satisfaction, comment).
-- Only ANSWERED surveys are emitted here (date_answered IS NOT NULL). The survey
-- response rate also needs the unanswered ones: export surveys_sent.sql as well.
--
-- Output columns: ticket_id, answered_at, score, max_score, comment, type, date_begin
--   score     : glpi_ticketsatisfactions.satisfaction (GLPI 10: 0..5 stars).
--   max_score : 5, GLPI 10's fixed scale. GLPI 11 adds a per-entity maximum
--               (glpi_entities.inquest_max_rate, default 5; not in GLPI 10.0.5):
--               there, replace the constant with that value (README).
--   comment   : CR, LF and TAB replaced by spaces so each survey stays on one line
--               of --batch --raw output. GLPI stores text HTML-encoded
--               (e.g. &#60; for <), as it is in the database.
--   type      : 1 internal survey, 2 external survey (an external URL; GLPI then
--               usually gets no answer back).
--   date_begin: when GLPI created the survey (normally the ticket's closing time).
--
-- TIME ZONE: date_begin / date_answered are TIMESTAMPs in GLPI 10, rendered in
-- this session's time zone; use the same SET time_zone as for tickets.sql:
-- SET time_zone = 'America/Bogota';
-- SET time_zone = '-05:00';

SELECT
    CAST(s.tickets_id AS CHAR)                          AS ticket_id,
    DATE_FORMAT(s.date_answered, '%Y-%m-%d %H:%i:%s')    AS answered_at,
    s.satisfaction                                      AS score,
    5                                                   AS max_score,
    REPLACE(REPLACE(REPLACE(s.comment, CHAR(13), ' '), CHAR(10), ' '), CHAR(9), ' ')
                                                        AS comment,
    s.type                                              AS type,
    DATE_FORMAT(s.date_begin, '%Y-%m-%d %H:%i:%s')       AS date_begin
FROM glpi_ticketsatisfactions AS s
JOIN glpi_tickets AS t ON t.id = s.tickets_id AND t.is_deleted = 0
WHERE s.date_answered IS NOT NULL
ORDER BY s.tickets_id, s.id;
