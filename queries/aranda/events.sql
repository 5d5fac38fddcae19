-- plazo: status history (`events`) from an Aranda Service Desk V8 ("ASDK") database
-- on Microsoft SQL Server (T-SQL).
--
-- Run:
--   sqlcmd -S HOST -d ARANDA_DB -E -s"," -W -f 65001 -i queries/aranda/events.sql -o events.csv
--
-- Source: ASDK_ACTION_HIST (one row per action on a case: achi_id, achi_item_id =
-- the case's internal *_id, achi_row_type 1 incident / 4 request, achi_created)
-- joined to ASDK_HIST_MODIFY (one row per modified field: himo_action_hist_id,
-- himo_field_modified, himo_new_value). A status change is taken to be a
-- ASDK_HIST_MODIFY row whose himo_field_modified is the status field and whose
-- himo_new_value is the new AFW_STATUS.stat_id.
--
-- >>> UNVERIFIED: the name Aranda writes in himo_field_modified for the status.
-- >>> Public queries show upper-case field names (e.g. 'REASON' for the reason
-- >>> field, with the new reason id in himo_new_value); 'STATUS' is a guess.
-- >>> Find the real name first (README: "Finding the status field"):
-- >>>   SELECT himo_field_modified, COUNT(*) AS n FROM ASDK_HIST_MODIFY
-- >>>   GROUP BY himo_field_modified ORDER BY n DESC;
-- >>> and set it here:
DECLARE @status_field NVARCHAR(100) = N'STATUS';
DECLARE @project_id   INT           = NULL;  -- same value as in tickets.sql; NULL = all
--
-- The status a case was created with is not in this history: the state before the
-- first row is `new` (plazo's rule). A case with no row here never changed status;
-- its current status is the `status` attribute of tickets.sql.
--
-- TIME ZONE: achi_created is a datetime in the server's local time (UNVERIFIED, as
-- for tickets.sql), written as naive 'YYYY-MM-DD HH:MM:SS'.
--
-- Output columns: ticket_id, at, status, status_id, row_type, case_id, action_id,
--                 field_modified
--   status   : AFW_STATUS.stat_name of the new value (the raw value when it is not
--              a known stat_id)
--   status_id: himo_new_value as stored
--   action_id: ASDK_ACTION_HIST.achi_id, the tie-breaker for equal times
-- No actor column: the user column of ASDK_ACTION_HIST is not known.
-- Problems (ASDK_PROBLEM) are not included: their achi_row_type is unknown.

SET NOCOUNT ON;

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
    c.ticket_id                                         AS ticket_id,
    CONVERT(VARCHAR(19), ah.achi_created, 120)          AS [at],
    COALESCE(st.stat_name, hm.himo_new_value)           AS status,
    hm.himo_new_value                                   AS status_id,
    ah.achi_row_type                                    AS row_type,
    c.case_id                                           AS case_id,
    ah.achi_id                                          AS action_id,
    hm.himo_field_modified                              AS field_modified
FROM ASDK_ACTION_HIST AS ah
JOIN ASDK_HIST_MODIFY AS hm ON hm.himo_action_hist_id = ah.achi_id
JOIN cases            AS c  ON c.case_id  = ah.achi_item_id
                           AND c.row_type = ah.achi_row_type
-- Compared as text, so no TRY_CAST is needed (works at any compatibility level).
LEFT JOIN AFW_STATUS  AS st ON CAST(st.stat_id AS NVARCHAR(20)) = LTRIM(RTRIM(hm.himo_new_value))
WHERE hm.himo_field_modified = @status_field
  AND (@project_id IS NULL OR c.project_id = @project_id)
ORDER BY c.row_type, c.id_by_project, ah.achi_created, ah.achi_id;
