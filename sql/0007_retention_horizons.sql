-- 0007: new-starter retention at any horizon (91, 182, 365 days). Forward-only; 0006's
-- report_retention_91 stays and now delegates here.

-- Starters (directly employed, not internal moves) whose start lies between p_days + 365 and
-- p_days days before the period end (a one-year cohort that has had p_days to show), and the
-- share whose spell lasted at least p_days.
CREATE FUNCTION report_retention(p_days int, p_from date, p_to date, p_by text, p_hub text)
RETURNS TABLE (period_end date, hub text, numerator numeric, denominator numeric, rate numeric)
LANGUAGE sql STABLE AS $$
    WITH x AS (
        SELECT pe, d.hub,
               count(*) FILTER (WHERE d.end_date IS NULL OR d.end_date - d.start_date >= p_days) AS stayed, count(*) AS cohort
        FROM carehub_period_ends(p_from, p_to, p_by) pe
        JOIN carehub_direct_spells d ON d.start_date <= pe - p_days AND d.start_date > pe - p_days - 365
             AND NOT d.started_by_internal_move
        WHERE p_hub IS NULL OR d.hub = p_hub
        GROUP BY GROUPING SETS ((pe, d.hub), (pe))
    )
    SELECT pe, coalesce(hub, 'ALL'), stayed::numeric, cohort::numeric,
           carehub_rate(stayed, cohort)
    FROM x ORDER BY pe, coalesce(hub, 'ALL')
$$;

CREATE OR REPLACE FUNCTION report_retention_91(p_from date, p_to date, p_by text, p_hub text)
RETURNS TABLE (period_end date, hub text, numerator numeric, denominator numeric, rate numeric)
LANGUAGE sql STABLE AS $$ SELECT * FROM report_retention(91, p_from, p_to, p_by, p_hub) $$;

CREATE FUNCTION report_retention_182(p_from date, p_to date, p_by text, p_hub text)
RETURNS TABLE (period_end date, hub text, numerator numeric, denominator numeric, rate numeric)
LANGUAGE sql STABLE AS $$ SELECT * FROM report_retention(182, p_from, p_to, p_by, p_hub) $$;

CREATE FUNCTION report_retention_365(p_from date, p_to date, p_by text, p_hub text)
RETURNS TABLE (period_end date, hub text, numerator numeric, denominator numeric, rate numeric)
LANGUAGE sql STABLE AS $$ SELECT * FROM report_retention(365, p_from, p_to, p_by, p_hub) $$;
