-- 0012: turnover by contract type. Forward-only.

INSERT INTO anchors (metric, scope, value, unit, period, source, status) VALUES
    ('turnover_by_contract', 'england_zero_hours', 31.8, 'percent', '2018/19', 'Skills for Care, State of the adult social care sector, 2019', 'dated'),
    ('turnover_by_contract', 'england_not_zero_hours', 24.9, 'percent', '2018/19', 'Skills for Care, State of the adult social care sector, 2019', 'dated');

-- W12: W1 (SfC turnover) split by zero-hours and other contracts; the group is reported in the
-- hub column as 'HUB zero-hours' / 'HUB contracted' (and 'ALL …').
CREATE FUNCTION report_turnover_by_contract(p_from date, p_to date, p_by text, p_hub text)
RETURNS TABLE (period_end date, hub text, numerator numeric, denominator numeric, rate numeric)
LANGUAGE sql STABLE AS $$
    WITH x AS (
        SELECT pe, d.hub, d.zero_hours,
               count(*) FILTER (WHERE d.end_date > (pe - interval '12 months')::date AND d.end_date <= pe
                                  AND NOT d.left_by_internal_move) AS leavers,
               count(*) FILTER (WHERE d.start_date <= pe AND (d.end_date IS NULL OR d.end_date > pe)) AS in_post
        FROM carehub_period_ends(p_from, p_to, p_by) pe CROSS JOIN carehub_direct_spells d
        WHERE p_hub IS NULL OR d.hub = p_hub
        GROUP BY GROUPING SETS ((pe, d.hub, d.zero_hours), (pe, d.zero_hours))
    )
    SELECT pe, coalesce(hub, 'ALL') || CASE WHEN zero_hours THEN ' zero-hours' ELSE ' contracted' END, leavers::numeric, in_post::numeric,
           carehub_rate(leavers, in_post)
    FROM x ORDER BY pe, coalesce(hub, 'ALL'), zero_hours
$$;
