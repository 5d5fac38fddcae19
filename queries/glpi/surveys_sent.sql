-- plazo: every satisfaction survey GLPI created, answered or not (GLPI 10.x).
--
-- Run:
--   mysql -h HOST -u USER -p --default-character-set=utf8mb4 --batch --raw glpi \
--         < queries/glpi/surveys_sent.sql > surveys_sent.tsv
--
-- surveys.sql keeps only answered surveys (the canonical `surveys` table). The
-- response-rate indicator (survey_response_rate_pct) needs the denominator too:
-- the surveys that were sent. This query lists all rows of glpi_ticketsatisfactions;
-- answered_at and score are NULL for a survey never answered.
--
-- Output columns: ticket_id, sent_at, answered_at, score, max_score, type, survey_id
--   sent_at   : glpi_ticketsatisfactions.date_begin (survey created, normally when
--               the ticket was closed).
--   max_score : 5 (GLPI 10; see surveys.sql for GLPI 11).
--   type      : 1 internal, 2 external (external surveys are answered outside
--               GLPI, so they usually stay "unanswered" here).
--   survey_id : glpi_ticketsatisfactions.id.
-- Note: GLPI only creates a survey for a share of closed tickets (the entity's
-- inquest_rate, e.g. 80 %), so closed tickets without a row were never surveyed.
--
-- TIME ZONE: as for tickets.sql.
-- SET time_zone = 'America/Bogota';
-- SET time_zone = '-05:00';

SELECT
    CAST(s.tickets_id AS CHAR)                          AS ticket_id,
    DATE_FORMAT(s.date_begin, '%Y-%m-%d %H:%i:%s')       AS sent_at,
    DATE_FORMAT(s.date_answered, '%Y-%m-%d %H:%i:%s')    AS answered_at,
    CASE WHEN s.date_answered IS NOT NULL THEN s.satisfaction END AS score,
    5                                                   AS max_score,
    s.type                                              AS type,
    s.id                                                AS survey_id
FROM glpi_ticketsatisfactions AS s
JOIN glpi_tickets AS t ON t.id = s.tickets_id AND t.is_deleted = 0
ORDER BY s.tickets_id, s.id;
