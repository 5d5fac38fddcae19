-- plazo: canonical `tickets` table from an Aranda Service Desk V8 ("ASDK") database
-- on Microsoft SQL Server (T-SQL).
--
-- Run (see README.md for quoting caveats and other ways):
--   sqlcmd -S HOST -d ARANDA_DB -E -s"," -W -f 65001 -i queries/aranda/tickets.sql -o tickets.csv
--
-- Aranda keeps one table per case type, each with its own column prefix:
--   ASDK_INCIDENT      inci_   (incidents)         -> ticket_id 'INC-<number>'
--   ASDK_SERVICE_CALL  serv_   (service requests)  -> ticket_id 'REQ-<number>'
--   ASDK_PROBLEM       prob_   (problems; optional, commented out below)
-- <number> is *_id_by_project, the case number users see. It is numbered per Aranda
-- project: set @project_id when the database holds more than one project, or the
-- same ticket_id can occur twice.
--
-- TIME ZONE: Aranda's dates are SQL Server datetime values without offset, in the
-- server's local time (UTC-05:00 in Colombia) -- UNVERIFIED assumption. They are
-- written as naive 'YYYY-MM-DD HH:MM:SS' (CONVERT style 120); the policy's timezone
-- must be the zone the Aranda server writes in (README: "Time zone").
--
-- Output columns, in this order:
--   canonical : ticket_id, opened_at, type, priority, category, service, group,
--               assignee, requester, channel, affected_users
--   attributes: status, status_id, priority_id, urgency_id, impact_id, case_id,
--               id_by_project, project_id, sla_id, attention_esti_date,
--               attention_real_date, expired_date, solution_real_date, colsed_date,
--               attention_time, solution_time, attention_real_time,
--               solution_real_time, current_time, status_time, final_status,
--               survey_succeeded
--
-- Where the names come from: public report SQL written against real ASDK V8
-- databases and an entity mapping generated from one (README: "Verification").
-- NOTHING here was run against an Aranda database. In particular UNVERIFIED:
--   * the server-local time zone of the dates;
--   * the unit of the counters *_attention_time, *_solution_time, *_current_time,
--     *_status_time (minutes or seconds);
--   * the views V_ASDK_INCIDENTS / V_ASDK_SERVICE_CALL and their PRIORITY_DESC column
--     (used for the priority label; if your version lacks them, delete the two
--     LEFT JOINs to them and the priority falls back to the numeric priority id);
--   * REGISTRY_TYPE (ret_id, ret_description) for the channel;
--   * every ASDK_PROBLEM column (prob_ analogues of the inci_ columns).

SET NOCOUNT ON;

DECLARE @project_id INT = NULL;     -- Aranda project (*_fl_int_project_id); NULL = all

WITH cases AS (
    -- Incidents.
    SELECT
        1                                   AS row_type,     -- ASDK_ACTION_HIST.achi_row_type
        N'Incidente'                        AS case_type,
        N'INC-' + CAST(i.inci_id_by_project AS NVARCHAR(20)) AS ticket_id,
        i.inci_id                           AS case_id,
        i.inci_id_by_project                AS id_by_project,
        i.inci_fl_int_project_id            AS project_id,
        i.inci_opened_date                  AS opened_date,
        i.inci_status_id                    AS status_id,
        i.inci_priority_id                  AS priority_id,
        vi.PRIORITY_DESC                    AS priority_desc,
        i.inci_urgency_id                   AS urgency_id,
        i.inci_impact_id                    AS impact_id,
        i.inci_category_id                  AS category_id,
        i.inci_service_id                   AS service_id,
        i.inci_responsible_group_id         AS group_id,
        i.inci_responsible_id               AS responsible_id,
        i.inci_customer_id                  AS customer_id,
        i.inci_registry_type_id             AS registry_type_id,
        i.inci_service_sla_id               AS sla_id,
        i.inci_attention_esti_date          AS attention_esti_date,
        i.inci_attention_real_date          AS attention_real_date,
        i.inci_expired_date                 AS expired_date,
        i.inci_solution_real_date           AS solution_real_date,
        i.inci_colsed_date                  AS colsed_date,   -- Aranda's own spelling
        i.inci_attention_time               AS attention_time,
        i.inci_solution_time                AS solution_time,
        i.inci_attention_real_time          AS attention_real_time,
        i.inci_solution_real_time           AS solution_real_time,
        i.inci_current_time                 AS case_current_time,
        i.inci_status_time                  AS status_time,
        i.inci_final_status                 AS final_status,
        CAST(NULL AS INT)                   AS survey_succeeded
    FROM ASDK_INCIDENT AS i
    LEFT JOIN V_ASDK_INCIDENTS AS vi ON vi.INCI_ID = i.inci_id

    UNION ALL

    -- Service requests.
    SELECT
        4,
        N'Requerimiento',
        N'REQ-' + CAST(s.serv_id_by_project AS NVARCHAR(20)),
        s.serv_id,
        s.serv_id_by_project,
        s.serv_fl_int_project_id,
        s.serv_opened_date,
        s.serv_status_id,
        s.serv_priority_id,
        vs.PRIORITY_DESC,
        s.serv_urgency_id,
        s.serv_impact_id,
        s.serv_category_id,
        s.serv_service_id,
        s.serv_responsible_group_id,
        s.serv_responsible_id,
        s.serv_customer_id,
        s.serv_registry_type_id,
        s.serv_service_sla_id,
        s.serv_attention_esti_date,
        s.serv_attention_real_date,
        s.serv_expired_date,
        s.serv_solution_real_date,
        s.serv_colsed_date,
        s.serv_attention_time,
        s.serv_solution_time,
        s.serv_attention_real_time,
        s.serv_solution_real_time,
        s.serv_current_time,
        s.serv_status_time,
        s.serv_final_status,
        s.survey_succeeded
    FROM ASDK_SERVICE_CALL AS s
    LEFT JOIN V_ASDK_SERVICE_CALL AS vs ON vs.SERV_ID = s.serv_id

    -- Problems (optional). UNVERIFIED: the prob_ columns are assumed to mirror the
    -- inci_ ones, and the problem row type of ASDK_ACTION_HIST is unknown (events.sql
    -- has no problem branch). Check with
    --   SELECT TOP 0 * FROM ASDK_PROBLEM
    -- then remove the comment marks (and drop columns your version lacks).
    -- UNION ALL
    -- SELECT
    --     NULL, N'Problema',
    --     N'PRB-' + CAST(p.prob_id_by_project AS NVARCHAR(20)),
    --     p.prob_id, p.prob_id_by_project, p.prob_fl_int_project_id,
    --     p.prob_opened_date, p.prob_status_id, p.prob_priority_id, NULL,
    --     p.prob_urgency_id, p.prob_impact_id, p.prob_category_id, p.prob_service_id,
    --     p.prob_responsible_group_id, p.prob_responsible_id, p.prob_customer_id,
    --     p.prob_registry_type_id, p.prob_service_sla_id,
    --     p.prob_attention_esti_date, p.prob_attention_real_date, p.prob_expired_date,
    --     p.prob_solution_real_date, p.prob_colsed_date,
    --     p.prob_attention_time, p.prob_solution_time, p.prob_attention_real_time,
    --     p.prob_solution_real_time, p.prob_current_time, p.prob_status_time,
    --     p.prob_final_status, NULL
    -- FROM ASDK_PROBLEM AS p
)
SELECT
    c.ticket_id                                         AS ticket_id,
    CONVERT(VARCHAR(19), c.opened_date, 120)            AS opened_at,
    c.case_type                                         AS [type],
    COALESCE(c.priority_desc, CAST(c.priority_id AS NVARCHAR(20))) AS priority,
    cat.FL_STR_HIERARCHY                                AS category,      -- full path
    svc.NAME                                            AS service,
    grp.GRP_NAME                                        AS [group],
    usr.UNAME                                           AS assignee,
    cus.UNAME                                           AS requester,
    rt.ret_description                                  AS channel,
    CAST(NULL AS INT)                                   AS affected_users, -- no such field

    -- Attributes.
    st.stat_name                                        AS status,
    c.status_id                                         AS status_id,
    c.priority_id                                       AS priority_id,
    c.urgency_id                                        AS urgency_id,
    c.impact_id                                         AS impact_id,
    c.case_id                                           AS case_id,
    c.id_by_project                                     AS id_by_project,
    c.project_id                                        AS project_id,
    c.sla_id                                            AS sla_id,
    CONVERT(VARCHAR(19), c.attention_esti_date, 120)    AS attention_esti_date,
    CONVERT(VARCHAR(19), c.attention_real_date, 120)    AS attention_real_date,
    CONVERT(VARCHAR(19), c.expired_date, 120)           AS expired_date,
    CONVERT(VARCHAR(19), c.solution_real_date, 120)     AS solution_real_date,
    CONVERT(VARCHAR(19), c.colsed_date, 120)            AS colsed_date,
    c.attention_time                                    AS attention_time,
    c.solution_time                                     AS solution_time,
    c.attention_real_time                               AS attention_real_time,
    c.solution_real_time                                AS solution_real_time,
    c.case_current_time                                 AS [current_time],
    c.status_time                                       AS status_time,
    c.final_status                                      AS final_status,   -- 0 closed, 1 open
    c.survey_succeeded                                  AS survey_succeeded
FROM cases AS c
LEFT JOIN AFW_STATUS        AS st  ON st.stat_id            = c.status_id
LEFT JOIN ASDK_CATEGORY     AS cat ON cat.CTG_INDEX          = c.category_id
LEFT JOIN ASDK_SERVICE      AS svc ON svc.FL_INT_SERVICE_ID  = c.service_id
LEFT JOIN GROUPHD           AS grp ON grp.GRP_ID             = c.group_id
LEFT JOIN USUARIOS          AS usr ON usr.CODUSUARIO         = c.responsible_id
LEFT JOIN USUARIOS          AS cus ON cus.CODUSUARIO         = c.customer_id
LEFT JOIN REGISTRY_TYPE     AS rt  ON rt.ret_id              = c.registry_type_id
WHERE (@project_id IS NULL OR c.project_id = @project_id)
ORDER BY c.row_type, c.id_by_project;
