-- plazo: canonical `tickets` table from a CA Service Desk Manager (Broadcom) MDB
-- on Microsoft SQL Server (T-SQL).
--
-- Run (see README.md for quoting caveats and other ways):
--   sqlcmd -S HOST -d mdb -E -s"," -W -f 65001 -i queries/ca_sdm/tickets.sql -o tickets.csv
--
-- TIMESTAMPS ARE NOT CONVERTED HERE. CA SDM stores dates as INTEGER seconds since
-- 1970-01-01 00:00:00 UTC ("pdmtime"). They are emitted raw, in *_epoch columns;
-- the plazo adapter turns them into instants and reads them in the policy's time
-- zone. A DATEADD(second, open_date, '1970-01-01') plus a fixed offset would be
-- wrong for every zone with daylight saving time (or a past rule change), and
-- AT TIME ZONE needs SQL Server 2016+ and Windows zone names: one source of truth,
-- the policy's IANA zone, is safer. (For a quick look only:
--   DATEADD(second, cr.open_date, '19700101') is the UTC date-time.)
--
-- Output columns, in this order:
--   canonical : ticket_id, opened_at_epoch, type, priority, category, service, group,
--               assignee, requester, channel, affected_users
--   attributes: status, status_label, resolved_at_epoch, closed_at_epoch,
--               last_mod_at_epoch, active_flag, sla_violation, priority_code,
--               cr_id, persid, title
--
-- Table/column facts and how sure they are (README.md, "Verification"):
--   verified-by-docs (Broadcom's View_Request / MDB schema pages):
--     call_req.id, persid ('cr:<id>'), ref_num, summary, status (= cr_stat.code),
--     active_flag, open_date (pdmtime integer), last_mod_dt
--   UNVERIFIED (SOURCES.md / common knowledge, not checked against a live MDB):
--     call_req.type ('I' incident / 'R' request / 'P' problem), priority (= pri.enum),
--     category (= prob_ctg.persid), group_id / assignee / customer
--     (= ca_contact.contact_uuid, binary(16)), resolve_date, close_date, sla_violation;
--     pri.sym, prob_ctg.sym, cr_stat.sym; ca_contact.last_name / first_name, and a
--     group's name being held in ca_contact.last_name.

SET NOCOUNT ON;   -- no "(N rows affected)" line at the end of the output

-- Optional window (UTC). NULL = every ticket. A ticket is kept when it was opened,
-- resolved or closed at or after @since_utc, or is still active, so that tickets
-- opened before a report period but solved inside it are not lost.
DECLARE @since_utc DATETIME = NULL;            -- e.g. '2026-01-01'
DECLARE @since_epoch INT = CASE WHEN @since_utc IS NULL THEN NULL
                                ELSE DATEDIFF(second, '19700101', @since_utc) END;

SELECT
    cr.ref_num                                  AS ticket_id,
    cr.open_date                                AS opened_at_epoch,
    -- 'I' incident, 'R' request, 'P' problem (the README suggests policy labels).
    cr.type                                     AS [type],
    pri.sym                                     AS priority,
    ctg.sym                                     AS category,
    CAST(NULL AS NVARCHAR(1))                   AS service,
    grp.last_name                               AS [group],
    -- "Last, First" (contact names); NULL when unassigned.
    NULLIF(LTRIM(RTRIM(
        ISNULL(asg.last_name, N'')
        + CASE WHEN ISNULL(asg.first_name, N'') <> N'' THEN N', ' + asg.first_name ELSE N'' END
    )), N'')                                    AS assignee,
    NULLIF(LTRIM(RTRIM(
        ISNULL(cus.last_name, N'')
        + CASE WHEN ISNULL(cus.first_name, N'') <> N'' THEN N', ' + cus.first_name ELSE N'' END
    )), N'')                                    AS requester,
    CAST(NULL AS NVARCHAR(1))                   AS channel,
    CAST(NULL AS INT)                           AS affected_users,

    -- Attributes.
    cr.status                                   AS status,          -- code: OP, WIP, RE, CL, ...
    st.sym                                      AS status_label,
    cr.resolve_date                             AS resolved_at_epoch,
    cr.close_date                               AS closed_at_epoch,
    cr.last_mod_dt                              AS last_mod_at_epoch,
    cr.active_flag                              AS active_flag,
    cr.sla_violation                            AS sla_violation,   -- a count
    cr.priority                                 AS priority_code,   -- pri.enum
    cr.id                                       AS cr_id,
    cr.persid                                   AS persid,
    -- Summary with CR / LF / TAB replaced by spaces, so one ticket = one line.
    REPLACE(REPLACE(REPLACE(cr.summary, NCHAR(13), N' '), NCHAR(10), N' '), NCHAR(9), N' ')
                                                AS title
FROM call_req AS cr
LEFT JOIN pri        AS pri ON pri.[enum]        = cr.priority
LEFT JOIN prob_ctg   AS ctg ON ctg.persid        = cr.category
LEFT JOIN cr_stat    AS st  ON st.code           = cr.status
LEFT JOIN ca_contact AS grp ON grp.contact_uuid  = cr.group_id
LEFT JOIN ca_contact AS asg ON asg.contact_uuid  = cr.assignee
LEFT JOIN ca_contact AS cus ON cus.contact_uuid  = cr.customer
WHERE @since_epoch IS NULL
   OR cr.open_date    >= @since_epoch
   OR cr.resolve_date >= @since_epoch
   OR cr.close_date   >= @since_epoch
   OR cr.active_flag  =  1
ORDER BY cr.open_date, cr.id;
