-- plazo: working hours of one GLPI calendar (glpi_calendarsegments), GLPI 10.x.
--
-- Run (choose the calendar with --init-command; without it the root entity's
-- calendar is used):
--   mysql -h HOST -u USER -p --default-character-set=utf8mb4 --batch --raw \
--         --init-command="SET @calendar_id = 2" glpi \
--         < queries/glpi/calendar_segments.sql > calendar_segments.tsv
-- Which calendar applies: README "Which calendar". List them with
--   SELECT id, name FROM glpi_calendars;
--
-- One row per working segment; a day can have several (e.g. 07:00-12:00 and
-- 13:00-17:00). A weekday with no row is closed. Verified on GLPI 10.0.5:
-- glpi_calendarsegments(id, calendars_id, entities_id, is_recursive, day, begin, end),
-- day 0 = Sunday ... 6 = Saturday (PHP date('w')).
--
-- Output columns: calendar_id, calendar_name, day, weekday, begin, end
--   weekday: the policy's key for that day (sun, mon, tue, wed, thu, fri, sat), so a
--            row maps straight to [calendar.hours] mon = ["07:00-12:00", ...].
--   begin / end: 'HH:MM:SS' local wall-clock times (TIME columns: no time zone).

-- Default: the calendar of the root entity (id 0) when @calendar_id was not set.
SET @calendar_id = COALESCE(@calendar_id,
                            (SELECT e.calendars_id FROM glpi_entities AS e WHERE e.id = 0));

SELECT
    cs.calendars_id                                 AS calendar_id,
    c.name                                          AS calendar_name,
    cs.day                                          AS day,
    ELT(cs.day + 1, 'sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat') AS weekday,
    TIME_FORMAT(cs.`begin`, '%H:%i:%s')             AS `begin`,
    TIME_FORMAT(cs.`end`, '%H:%i:%s')               AS `end`
FROM glpi_calendarsegments AS cs
JOIN glpi_calendars AS c ON c.id = cs.calendars_id
WHERE cs.calendars_id = @calendar_id
ORDER BY cs.day, cs.`begin`;
