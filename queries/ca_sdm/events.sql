-- plazo: status history (`events`) from a CA Service Desk Manager MDB on
-- Microsoft SQL Server (T-SQL).
--
-- Run:
--   sqlcmd -S HOST -d mdb -E -s"," -W -f 65001 -i queries/ca_sdm/events.sql -o events.csv
--
-- Source: the activity log. act_log.call_req_id holds the ticket's persid
-- ('cr:<id>'), act_log.type an activity type code (act_type.code). Rows kept:
--   'INIT' ticket created
--   'ST'   status change: the NEW status is only inside the description text, in a
--          site- and language-dependent wording such as
--          "Status changed from 'Open' to 'Work In Progress'".
-- The adapter extracts the status from `description` with a configurable pattern.
-- `status_guess` is a best-effort help only: the text between the LAST pair of single
-- quotes of an ST description (NULL when the text does not end with a quoted part).
-- Other types seen in the wild (TR transfer, RE, SOLN, FLD, LOG, ...) can be added to
-- the IN (...) list below; their meaning is site-dependent.
--
-- Timestamps: INTEGER seconds since 1970-01-01 UTC, emitted raw (*_epoch); the
-- adapter converts them in the policy's time zone (see tickets.sql for why).
--   at_epoch          = act_log.time_stamp  "Datetime of activity (user)"
--   system_time_epoch = act_log.system_time "Datetime of record creation"
-- time_stamp is the activity time plazo uses; system_time is kept for checking
-- (the schema marks time_stamp as a user-facing value, so the two may differ).
--
-- Output columns:
--   ticket_id, at_epoch, type, description, status_guess, action_desc, actor,
--   system_time_epoch, act_log_id
--   actor: the analyst who logged the activity (act_log.analyst -> ca_contact),
--          written "Last, First" like the names in tickets.sql.
--
-- Verification: act_log (id, call_req_id, time_stamp, system_time, analyst = a
-- contact_uuid, description, action_desc, type) is verified-by-docs (Broadcom MDB
-- schema page for Act_Log); call_req.persid / ref_num verified-by-docs
-- (View_Request). UNVERIFIED: the type codes 'INIT' / 'ST' and the ST description
-- wording (SOURCES.md, from public material), ca_contact.last_name / first_name.

SET NOCOUNT ON;

-- Optional window (UTC) on the activity time; NULL = the whole history.
-- Export the history of every ticket that tickets.sql exports: a window that cuts a
-- ticket's early events changes its SLA result.
DECLARE @since_utc DATETIME = NULL;            -- e.g. '2025-10-01'
DECLARE @since_epoch INT = CASE WHEN @since_utc IS NULL THEN NULL
                                ELSE DATEDIFF(second, '19700101', @since_utc) END;

SELECT
    cr.ref_num                                  AS ticket_id,
    al.time_stamp                               AS at_epoch,
    al.type                                     AS [type],
    REPLACE(REPLACE(REPLACE(al.description, NCHAR(13), N' '), NCHAR(10), N' '), NCHAR(9), N' ')
                                                AS description,
    CASE
        WHEN al.type = 'ST' AND CHARINDEX(N'''', REVERSE(q.inner_text)) > 1
        THEN RIGHT(q.inner_text, CHARINDEX(N'''', REVERSE(q.inner_text)) - 1)
    END                                         AS status_guess,
    REPLACE(REPLACE(REPLACE(al.action_desc, NCHAR(13), N' '), NCHAR(10), N' '), NCHAR(9), N' ')
                                                AS action_desc,
    NULLIF(LTRIM(RTRIM(
        ISNULL(an.last_name, N'')
        + CASE WHEN ISNULL(an.first_name, N'') <> N'' THEN N', ' + an.first_name ELSE N'' END
    )), N'')                                    AS actor,
    al.system_time                              AS system_time_epoch,
    al.id                                       AS act_log_id
FROM act_log AS al
JOIN call_req AS cr ON cr.persid = al.call_req_id
LEFT JOIN ca_contact AS an ON an.contact_uuid = al.analyst
-- The description without trailing blanks, and without its final quote when it
-- ends with one: "... to 'Work In Progress'" -> "... to 'Work In Progress".
CROSS APPLY (SELECT RTRIM(CAST(al.description AS NVARCHAR(4000))) AS d) AS t
CROSS APPLY (SELECT CASE WHEN RIGHT(t.d, 1) = N'''' THEN LEFT(t.d, LEN(t.d) - 1) END
                    AS inner_text) AS q
WHERE al.type IN ('INIT', 'ST')
  AND (@since_epoch IS NULL OR al.time_stamp >= @since_epoch)
ORDER BY cr.ref_num, al.time_stamp, al.id;
