-- 0011: length of service. Forward-only.

-- W9: for directly employed staff in post at each period end, the days since their spell
-- started: how many, median and 90th percentile (a snapshot, not a window).
CREATE FUNCTION report_length_of_service(p_from date, p_to date, p_by text, p_hub text)
RETURNS TABLE (period_end date, hub text, count bigint, median numeric, p90 numeric)
LANGUAGE sql STABLE AS $$
    WITH x AS (
        SELECT pe, d.hub, count(*) AS n,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY pe - d.start_date) AS median,
               percentile_cont(0.9) WITHIN GROUP (ORDER BY pe - d.start_date) AS p90
        FROM carehub_period_ends(p_from, p_to, p_by) pe
        JOIN carehub_direct_spells d ON d.start_date <= pe AND (d.end_date IS NULL OR d.end_date > pe)
        WHERE p_hub IS NULL OR d.hub = p_hub
        GROUP BY GROUPING SETS ((pe, d.hub), (pe))
    )
    SELECT pe, coalesce(hub, 'ALL'), n, carehub_suppressed(median, n),
           carehub_suppressed(p90, n)
    FROM x ORDER BY pe, coalesce(hub, 'ALL')
$$;
