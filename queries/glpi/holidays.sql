-- plazo: holidays / closed days of one GLPI calendar, GLPI 10.x.
--
-- Run (same calendar as calendar_segments.sql):
--   mysql -h HOST -u USER -p --default-character-set=utf8mb4 --batch --raw \
--         --init-command="SET @calendar_id = 2" glpi \
--         < queries/glpi/holidays.sql > holidays.tsv
--
-- Holidays are linked to calendars through glpi_calendars_holidays (verified on
-- GLPI 10.0.5: glpi_holidays(id, name, entities_id, is_recursive, comment,
-- begin_date, end_date, is_perpetual, ...), glpi_calendars_holidays(id,
-- calendars_id, holidays_id)).
--
-- Output columns: calendar_id, holiday_id, name, begin_date, end_date, is_perpetual
--   begin_date / end_date: 'YYYY-MM-DD', both INCLUDED; one row can span several
--                 days (e.g. 2026-04-02 .. 2026-04-03).
--   is_perpetual: 1 = repeats every year on the same month/day range (the year in
--                 the dates is then only where it started); 0 = that year only.
--   name        : as stored by GLPI (HTML-encoded special characters).
-- These rows go into the policy as extra_closed_days (or are covered by a
-- holidays rule set such as "co"); perpetual ones must be expanded for every
-- year of the report.

-- Default: the calendar of the root entity (id 0) when @calendar_id was not set.
SET @calendar_id = COALESCE(@calendar_id,
                            (SELECT e.calendars_id FROM glpi_entities AS e WHERE e.id = 0));

SELECT
    ch.calendars_id                                 AS calendar_id,
    h.id                                            AS holiday_id,
    h.name                                          AS name,
    DATE_FORMAT(h.begin_date, '%Y-%m-%d')           AS begin_date,
    DATE_FORMAT(h.end_date, '%Y-%m-%d')             AS end_date,
    h.is_perpetual                                  AS is_perpetual
FROM glpi_calendars_holidays AS ch
JOIN glpi_holidays AS h ON h.id = ch.holidays_id
WHERE ch.calendars_id = @calendar_id
ORDER BY h.begin_date, h.id;
