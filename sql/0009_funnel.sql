-- 0009: recruitment funnel. Forward-only.

-- R6: applications grouped by the month they were made (the cohort), with how many reached each
-- stage. A cohort is shown only once it is 90 days old at p_to (so late stages have had time);
-- p_from and p_to bound the cohort months.
CREATE FUNCTION report_funnel(p_from date, p_to date, p_hub text)
RETURNS TABLE (cohort date, hub text, applied bigint, interviewed bigint, offered bigint, accepted bigint,
               checks_cleared bigint, started bigint)
LANGUAGE sql STABLE AS $$
    SELECT date_trunc('month', a.applied_on)::date AS cohort, coalesce(h.code, 'ALL'),
           count(*), count(a.interviewed_on), count(a.offered_on), count(a.accepted_on), count(a.checks_cleared_on), count(a.started_on)
    FROM applications a JOIN vacancies v ON v.id = a.vacancy_id JOIN hubs h ON h.id = v.hub_id
    WHERE a.applied_on >= date_trunc('month', p_from) AND a.applied_on <= p_to
      AND (date_trunc('month', a.applied_on) + interval '1 month - 1 day')::date <= p_to - 90
      AND (p_hub IS NULL OR h.code = p_hub)
    GROUP BY GROUPING SETS ((date_trunc('month', a.applied_on), h.code), (date_trunc('month', a.applied_on)))
    ORDER BY 1, 2
$$;
