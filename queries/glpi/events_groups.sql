-- plazo (optional): assignment and priority changes from a GLPI 10.x database.
--
-- Run:
--   mysql -h HOST -u USER -p --default-character-set=utf8mb4 --batch --raw glpi \
--         < queries/glpi/events_groups.sql > events_groups.tsv
--
-- These rows carry NO status. Keep them in their own file: do not append them to
-- events.csv unless the reader you use accepts status-less event rows.
--
-- What GLPI writes in glpi_logs (itemtype = 'Ticket'):
--   id_search_option 5  technician (Ticket_User type 2)   VERIFIED on GLPI 10.0.5
--                       (linked_action 15, itemtype_link 'User', new_value
--                       "Realname Firstname (users_id)")
--   id_search_option 8  assigned group (Group_Ticket type 2)   from GLPI's source
--                       (CommonITILActor::getForceLogOption), NOT seen in the
--                       10.0.5 sample, which assigns no groups: UNVERIFIED there
--   linked_action 15    relation added  (Log::HISTORY_ADD_RELATION; verified)
--   linked_action 16    relation removed (Log::HISTORY_DEL_RELATION; from GLPI's
--                       source, not in the sample): the name is in old_value
--   id_search_option 3  priority change, old/new values assumed to be the priority
--                       CODES like status (id 12): UNVERIFIED (no priority change
--                       in the sample)
--
-- Output columns:
--   ticket_id, at, change, group, assignee, priority, old_value, new_value, actor, log_id
--   change  : group_added | group_removed | assignee_added | assignee_removed |
--             priority_changed
--   group / assignee: the name without GLPI's " (id)" suffix, so it matches the
--             names in tickets.sql (assignee "Realname Firstname"; group: the name
--             GLPI logged, which may be the group's full path)
--   old_value / new_value: raw glpi_logs values, kept for checking.
--
-- TIME ZONE: as for events.sql (date_mod is a TIMESTAMP rendered in the session
-- time zone):
-- SET time_zone = 'America/Bogota';
-- SET time_zone = '-05:00';

SELECT
    y.ticket_id,
    y.`at`,
    y.`change`,
    CASE WHEN y.id_search_option = 8 THEN y.name END   AS `group`,
    CASE WHEN y.id_search_option = 5 THEN y.name END   AS assignee,
    CASE WHEN y.id_search_option = 3 THEN y.new_value END AS priority,
    y.old_value,
    y.new_value,
    y.actor,
    y.log_id
FROM (
    SELECT
        x.*,
        -- "Name (123)" -> "Name". Written without REGEXP_REPLACE so it also runs
        -- on MySQL 5.7. A value without the " (id)" suffix is kept as it is.
        CASE
            WHEN x.raw_name LIKE '% (%)'
            THEN LEFT(x.raw_name,
                      CHAR_LENGTH(x.raw_name) - CHAR_LENGTH(SUBSTRING_INDEX(x.raw_name, ' (', -1)) - 2)
            ELSE x.raw_name
        END AS name
    FROM (
        SELECT
            CAST(l.items_id AS CHAR)                      AS ticket_id,
            DATE_FORMAT(l.date_mod, '%Y-%m-%d %H:%i:%s')   AS `at`,
            CASE
                WHEN l.id_search_option = 8 AND l.linked_action = 15 THEN 'group_added'
                WHEN l.id_search_option = 8 AND l.linked_action = 16 THEN 'group_removed'
                WHEN l.id_search_option = 5 AND l.linked_action = 15 THEN 'assignee_added'
                WHEN l.id_search_option = 5 AND l.linked_action = 16 THEN 'assignee_removed'
                ELSE 'priority_changed'
            END                                           AS `change`,
            l.id_search_option,
            -- The related name: new_value when a link is added, old_value when removed.
            CASE WHEN l.linked_action = 16 THEN l.old_value ELSE l.new_value END AS raw_name,
            l.old_value,
            l.new_value,
            l.user_name                                   AS actor,
            l.id                                          AS log_id,
            l.items_id,
            l.date_mod                                    AS date_mod_raw
        FROM glpi_logs AS l
        JOIN glpi_tickets AS t ON t.id = l.items_id AND t.is_deleted = 0
        WHERE l.itemtype = 'Ticket'
          AND (   (l.id_search_option IN (5, 8) AND l.linked_action IN (15, 16))
               OR (l.id_search_option = 3 AND l.linked_action = 0))
    ) AS x
) AS y
ORDER BY y.items_id, y.date_mod_raw, y.log_id;
