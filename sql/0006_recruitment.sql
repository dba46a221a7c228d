-- 0006: recruitment. Forward-only.

-- One candidate's application to a vacancy, with the date of each stage reached.
CREATE TABLE applications (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    external_id        text NOT NULL UNIQUE,
    vacancy_id         bigint NOT NULL REFERENCES vacancies (id) ON DELETE CASCADE,
    source             text NOT NULL DEFAULT 'unknown',
    applied_on         date NOT NULL,
    interviewed_on     date,
    offered_on         date,
    accepted_on        date,
    declined_on        date,
    checks_cleared_on  date,  -- DBS, references, right to work
    withdrawn_on       date,
    started_on         date,
    CHECK (interviewed_on IS NULL OR interviewed_on >= applied_on),
    CHECK (offered_on IS NULL OR offered_on >= applied_on),
    CHECK (accepted_on IS NULL OR (offered_on IS NOT NULL AND accepted_on >= offered_on)),
    CHECK (declined_on IS NULL OR (offered_on IS NOT NULL AND declined_on >= offered_on)),
    CHECK (accepted_on IS NULL OR declined_on IS NULL),
    CHECK (checks_cleared_on IS NULL OR accepted_on IS NOT NULL),
    CHECK (started_on IS NULL OR (accepted_on IS NOT NULL AND started_on >= accepted_on))
);
CREATE INDEX applications_vacancy_idx ON applications (vacancy_id);

CREATE TABLE recruitment_costs (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    hub_id        bigint NOT NULL REFERENCES hubs (id),
    vacancy_id    bigint REFERENCES vacancies (id),
    incurred_on   date NOT NULL,
    cost_type     text NOT NULL CHECK (cost_type IN ('external', 'internal')),
    amount_pence  integer NOT NULL CHECK (amount_pence > 0)
);

-- Duration reports: one row per period (the days after the previous period end up to this
-- one) and hub, plus ALL: how many, and the median and 90th percentile of the days taken.
-- Medians of fewer than 10 are suppressed.

-- R1 time to fill: days from a vacancy opening to the first offer accepted, for vacancies filled in the period.
CREATE FUNCTION report_time_to_fill(p_from date, p_to date, p_by text, p_hub text)
RETURNS TABLE (period_end date, hub text, count bigint, median numeric, p90 numeric)
LANGUAGE sql STABLE AS $$
    WITH pe AS (SELECT * FROM carehub_period_windows(p_from, p_to, p_by)),
    filled AS (
        SELECT v.id, h.code AS hub, min(a.accepted_on) AS accepted, v.opened_on
        FROM vacancies v JOIN hubs h ON h.id = v.hub_id JOIN applications a ON a.vacancy_id = v.id
        WHERE a.accepted_on IS NOT NULL AND (p_hub IS NULL OR h.code = p_hub)
        GROUP BY v.id, h.code, v.opened_on
    ), x AS (
        SELECT pe.e, f.hub, count(*) AS n,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY f.accepted - f.opened_on) AS median,
               percentile_cont(0.9) WITHIN GROUP (ORDER BY f.accepted - f.opened_on) AS p90
        FROM pe JOIN filled f ON f.accepted <= pe.e AND f.accepted > pe.prev
        GROUP BY GROUPING SETS ((pe.e, f.hub), (pe.e))
    )
    SELECT e, coalesce(hub, 'ALL'), n, carehub_suppressed(median, n),
           carehub_suppressed(p90, n)
    FROM x ORDER BY e, coalesce(hub, 'ALL')
$$;

-- R3 time to hire: days from application to offer accepted, for offers accepted in the period.
CREATE FUNCTION report_time_to_hire(p_from date, p_to date, p_by text, p_hub text)
RETURNS TABLE (period_end date, hub text, count bigint, median numeric, p90 numeric)
LANGUAGE sql STABLE AS $$
    WITH pe AS (SELECT * FROM carehub_period_windows(p_from, p_to, p_by)),
    hires AS (
        SELECT h.code AS hub, a.accepted_on, a.accepted_on - a.applied_on AS days
        FROM applications a JOIN vacancies v ON v.id = a.vacancy_id JOIN hubs h ON h.id = v.hub_id
        WHERE a.accepted_on IS NOT NULL AND (p_hub IS NULL OR h.code = p_hub)
    ), x AS (
        SELECT pe.e, hires.hub, count(*) AS n,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median,
               percentile_cont(0.9) WITHIN GROUP (ORDER BY days) AS p90
        FROM pe JOIN hires ON hires.accepted_on <= pe.e
             AND hires.accepted_on > pe.prev
        GROUP BY GROUPING SETS ((pe.e, hires.hub), (pe.e))
    )
    SELECT e, coalesce(hub, 'ALL'), n, carehub_suppressed(median, n),
           carehub_suppressed(p90, n)
    FROM x ORDER BY e, coalesce(hub, 'ALL')
$$;

-- R5 offer acceptance: offers made in the period that were accepted ÷ those resolved (accepted,
-- declined, or withdrawn after the offer); offers still pending are left out.
CREATE FUNCTION report_offer_acceptance(p_from date, p_to date, p_by text, p_hub text)
RETURNS TABLE (period_end date, hub text, numerator numeric, denominator numeric, rate numeric)
LANGUAGE sql STABLE AS $$
    WITH pe AS (SELECT * FROM carehub_period_windows(p_from, p_to, p_by)),
    offers AS (
        SELECT h.code AS hub, a.offered_on, a.accepted_on IS NOT NULL AS accepted,
               (a.accepted_on IS NOT NULL OR a.declined_on IS NOT NULL OR (a.withdrawn_on IS NOT NULL AND a.withdrawn_on >= a.offered_on)) AS resolved
        FROM applications a JOIN vacancies v ON v.id = a.vacancy_id JOIN hubs h ON h.id = v.hub_id
        WHERE a.offered_on IS NOT NULL AND (p_hub IS NULL OR h.code = p_hub)
    ), x AS (
        SELECT pe.e, o.hub, count(*) FILTER (WHERE o.accepted) AS accepted, count(*) FILTER (WHERE o.resolved) AS resolved
        FROM pe JOIN offers o ON o.offered_on <= pe.e AND o.offered_on > pe.prev
        GROUP BY GROUPING SETS ((pe.e, o.hub), (pe.e))
    )
    SELECT e, coalesce(hub, 'ALL'), accepted::numeric, resolved::numeric,
           carehub_rate(accepted, resolved)
    FROM x ORDER BY e, coalesce(hub, 'ALL')
$$;

-- R8 new-starter retention at 91 days: starters (directly employed, not internal moves) whose
-- start is between 456 and 91 days before the period end (a one-year cohort that has had 91
-- days to show), and the share whose spell lasted at least 91 days.
CREATE FUNCTION report_retention_91(p_from date, p_to date, p_by text, p_hub text)
RETURNS TABLE (period_end date, hub text, numerator numeric, denominator numeric, rate numeric)
LANGUAGE sql STABLE AS $$
    WITH x AS (
        SELECT pe, d.hub,
               count(*) FILTER (WHERE d.end_date IS NULL OR d.end_date - d.start_date >= 91) AS stayed, count(*) AS cohort
        FROM carehub_period_ends(p_from, p_to, p_by) pe
        JOIN carehub_direct_spells d ON d.start_date <= pe - 91 AND d.start_date > pe - 91 - 365 AND NOT d.started_by_internal_move
        WHERE p_hub IS NULL OR d.hub = p_hub
        GROUP BY GROUPING SETS ((pe, d.hub), (pe))
    )
    SELECT pe, coalesce(hub, 'ALL'), stayed::numeric, cohort::numeric,
           carehub_rate(stayed, cohort)
    FROM x ORDER BY pe, coalesce(hub, 'ALL')
$$;
