-- 0010: cost per hire. Forward-only.

-- R7 cost per hire (ANSI/SHRM method): external plus internal recruitment costs incurred in the
-- period ÷ hires who started in the period. In pounds; not suppressed (it describes money, not
-- people), but empty when nobody started.
CREATE FUNCTION report_cost_per_hire(p_from date, p_to date, p_by text, p_hub text)
RETURNS TABLE (period_end date, hub text, numerator numeric, denominator numeric, rate numeric)
LANGUAGE sql STABLE AS $$
    WITH pe AS (SELECT * FROM carehub_period_windows(p_from, p_to, p_by)),
    per_hub AS (
        SELECT pe.e, h.code AS hub,
               (SELECT coalesce(sum(c.amount_pence), 0) FROM recruitment_costs c
                WHERE c.hub_id = h.id AND c.incurred_on > pe.prev AND c.incurred_on <= pe.e) / 100.0 AS pounds,
               (SELECT count(*) FROM applications a JOIN vacancies v ON v.id = a.vacancy_id
                WHERE v.hub_id = h.id AND a.started_on > pe.prev AND a.started_on <= pe.e) AS hires
        FROM pe CROSS JOIN hubs h WHERE p_hub IS NULL OR h.code = p_hub
    ), x AS (
        SELECT e, hub, sum(pounds) AS pounds, sum(hires) AS hires FROM per_hub GROUP BY GROUPING SETS ((e, hub), (e))
    )
    SELECT e, coalesce(hub, 'ALL'), round(pounds, 2), hires, CASE WHEN hires > 0 THEN round(pounds / hires, 2) END
    FROM x ORDER BY e, coalesce(hub, 'ALL')
$$;
