-- 0008: more recruitment measures. Forward-only.

-- R2 time to start: days from a vacancy opening to its hire's first day, for hires starting in the period.
CREATE FUNCTION report_time_to_start(p_from date, p_to date, p_by text, p_hub text)
RETURNS TABLE (period_end date, hub text, count bigint, median numeric, p90 numeric)
LANGUAGE sql STABLE AS $$
    WITH pe AS (SELECT * FROM carehub_period_windows(p_from, p_to, p_by)),
    starts AS (
        SELECT h.code AS hub, a.started_on, a.started_on - v.opened_on AS days
        FROM applications a JOIN vacancies v ON v.id = a.vacancy_id JOIN hubs h ON h.id = v.hub_id
        WHERE a.started_on IS NOT NULL AND (p_hub IS NULL OR h.code = p_hub)
    ), x AS (
        SELECT pe.e, s.hub, count(*) AS n,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median,
               percentile_cont(0.9) WITHIN GROUP (ORDER BY days) AS p90
        FROM pe JOIN starts s ON s.started_on <= pe.e AND s.started_on > pe.prev
        GROUP BY GROUPING SETS ((pe.e, s.hub), (pe.e))
    )
    SELECT e, coalesce(hub, 'ALL'), n, carehub_suppressed(median, n),
           carehub_suppressed(p90, n)
    FROM x ORDER BY e, coalesce(hub, 'ALL')
$$;

-- R4 check lag: days from offer accepted to pre-employment checks cleared (DBS, references,
-- right to work), for checks cleared in the period.
CREATE FUNCTION report_check_lag(p_from date, p_to date, p_by text, p_hub text)
RETURNS TABLE (period_end date, hub text, count bigint, median numeric, p90 numeric)
LANGUAGE sql STABLE AS $$
    WITH pe AS (SELECT * FROM carehub_period_windows(p_from, p_to, p_by)),
    checks AS (
        SELECT h.code AS hub, a.checks_cleared_on, a.checks_cleared_on - a.accepted_on AS days
        FROM applications a JOIN vacancies v ON v.id = a.vacancy_id JOIN hubs h ON h.id = v.hub_id
        WHERE a.checks_cleared_on IS NOT NULL AND (p_hub IS NULL OR h.code = p_hub)
    ), x AS (
        SELECT pe.e, c.hub, count(*) AS n,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median,
               percentile_cont(0.9) WITHIN GROUP (ORDER BY days) AS p90
        FROM pe JOIN checks c ON c.checks_cleared_on <= pe.e
             AND c.checks_cleared_on > pe.prev
        GROUP BY GROUPING SETS ((pe.e, c.hub), (pe.e))
    )
    SELECT e, coalesce(hub, 'ALL'), n, carehub_suppressed(median, n),
           carehub_suppressed(p90, n)
    FROM x ORDER BY e, coalesce(hub, 'ALL')
$$;

-- R4 (second part) accepted offers lost before start: offers accepted in the period then
-- withdrawn before a start ÷ offers accepted in the period.
CREATE FUNCTION report_lost_after_acceptance(p_from date, p_to date, p_by text, p_hub text)
RETURNS TABLE (period_end date, hub text, numerator numeric, denominator numeric, rate numeric)
LANGUAGE sql STABLE AS $$
    WITH pe AS (SELECT * FROM carehub_period_windows(p_from, p_to, p_by)),
    accepted AS (
        SELECT h.code AS hub, a.accepted_on, a.started_on IS NULL AND a.withdrawn_on IS NOT NULL AND a.withdrawn_on >= a.accepted_on AS lost
        FROM applications a JOIN vacancies v ON v.id = a.vacancy_id JOIN hubs h ON h.id = v.hub_id
        WHERE a.accepted_on IS NOT NULL AND (p_hub IS NULL OR h.code = p_hub)
    ), x AS (
        SELECT pe.e, a.hub, count(*) FILTER (WHERE a.lost) AS lost, count(*) AS accepted
        FROM pe JOIN accepted a ON a.accepted_on <= pe.e AND a.accepted_on > pe.prev
        GROUP BY GROUPING SETS ((pe.e, a.hub), (pe.e))
    )
    SELECT e, coalesce(hub, 'ALL'), lost::numeric, accepted::numeric,
           carehub_rate(lost, accepted)
    FROM x ORDER BY e, coalesce(hub, 'ALL')
$$;
