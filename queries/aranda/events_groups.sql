-- plazo (optional): group / specialist transfers from an Aranda Service Desk V8
-- ("ASDK") database on Microsoft SQL Server (T-SQL).
--
-- Run:
--   sqlcmd -S HOST -d ARANDA_DB -E -s"," -W -f 65001 -i queries/aranda/events_groups.sql -o events_groups.csv
--
-- These rows carry NO status: keep them in their own file, not in events.csv,
-- unless the reader you use accepts status-less event rows.
--
-- Source: ASDK_ROUTER_HIST (rohi_action_hist_id, rohi_old_group, rohi_new_group,
-- rohi_old_user, rohi_new_user) joined to ASDK_ACTION_HIST for the case and time.
-- Column names as used by public report SQL for ASDK V8: not checked against an
-- Aranda database (UNVERIFIED).
--
-- Output columns: ticket_id, at, group, assignee, old_group, old_assignee, action_id
--   group / assignee: the NEW group (GROUPHD.GRP_NAME) and specialist
--                     (USUARIOS.UNAME), the same names as tickets.sql uses.
--
-- TIME ZONE: as for events.sql (server-local datetime, UNVERIFIED).

SET NOCOUNT ON;

DECLARE @project_id INT = NULL;     -- same value as in tickets.sql; NULL = all

WITH cases AS (
    SELECT 1 AS row_type, i.inci_id AS case_id, i.inci_id_by_project AS id_by_project,
           N'INC-' + CAST(i.inci_id_by_project AS NVARCHAR(20)) AS ticket_id,
           i.inci_fl_int_project_id AS project_id
    FROM ASDK_INCIDENT AS i
    UNION ALL
    SELECT 4, s.serv_id, s.serv_id_by_project,
           N'REQ-' + CAST(s.serv_id_by_project AS NVARCHAR(20)),
           s.serv_fl_int_project_id
    FROM ASDK_SERVICE_CALL AS s
)
SELECT
    c.ticket_id                                 AS ticket_id,
    CONVERT(VARCHAR(19), ah.achi_created, 120)  AS [at],
    g_new.GRP_NAME                              AS [group],
    u_new.UNAME                                 AS assignee,
    g_old.GRP_NAME                              AS old_group,
    u_old.UNAME                                 AS old_assignee,
    ah.achi_id                                  AS action_id
FROM ASDK_ROUTER_HIST AS rh
JOIN ASDK_ACTION_HIST AS ah ON ah.achi_id = rh.rohi_action_hist_id
JOIN cases            AS c  ON c.case_id  = ah.achi_item_id
                           AND c.row_type = ah.achi_row_type
-- LEFT JOINs: a transfer from "nobody" (no previous user/group) is kept.
LEFT JOIN GROUPHD  AS g_new ON g_new.GRP_ID     = rh.rohi_new_group
LEFT JOIN GROUPHD  AS g_old ON g_old.GRP_ID     = rh.rohi_old_group
LEFT JOIN USUARIOS AS u_new ON u_new.CODUSUARIO = rh.rohi_new_user
LEFT JOIN USUARIOS AS u_old ON u_old.CODUSUARIO = rh.rohi_old_user
WHERE (@project_id IS NULL OR c.project_id = @project_id)
ORDER BY c.row_type, c.id_by_project, ah.achi_created, ah.achi_id;
