-- 0005: more workforce measures. Forward-only.

-- Working days an absence cost, when payroll knows it; otherwise reports count calendar days
-- (home-care rotas cover all seven days, so there is no standard working week to assume).
ALTER TABLE absences ADD COLUMN working_days_lost numeric CHECK (working_days_lost >= 0);

-- W8 first-year turnover: leavers in the 12 months to the period end whose spell lasted under
-- a year ÷ directly employed in post at the period end with under a year's service.
CREATE FUNCTION report_first_year_turnover(p_from date, p_to date, p_by text, p_hub text)
RETURNS TABLE (period_end date, hub text, numerator numeric, denominator numeric, rate numeric)
LANGUAGE sql STABLE AS $$
    WITH x AS (
        SELECT pe, d.hub,
               count(*) FILTER (WHERE d.end_date > (pe - interval '12 months')::date AND d.end_date <= pe
                                  AND NOT d.left_by_internal_move AND d.end_date - d.start_date < 365) AS leavers,
               count(*) FILTER (WHERE d.start_date <= pe AND (d.end_date IS NULL OR d.end_date > pe)
                                  AND pe - d.start_date < 365) AS new_in_post
        FROM carehub_period_ends(p_from, p_to, p_by) pe CROSS JOIN carehub_direct_spells d
        WHERE p_hub IS NULL OR d.hub = p_hub
        GROUP BY GROUPING SETS ((pe, d.hub), (pe))
    )
    SELECT pe, coalesce(hub, 'ALL'), leavers::numeric, new_in_post::numeric,
           carehub_rate(leavers, new_in_post)
    FROM x ORDER BY pe, coalesce(hub, 'ALL')
$$;

-- W10 sickness: days of sickness absence in the 12 months to the period end (clipped to the
-- window; working_days_lost pro rata when known, else calendar days) ÷ directly employed in post
-- at the period end. The rate is days per person, not a percentage.
CREATE FUNCTION report_sickness(p_from date, p_to date, p_by text, p_hub text)
RETURNS TABLE (period_end date, hub text, numerator numeric, denominator numeric, rate numeric)
LANGUAGE sql STABLE AS $$
    WITH people AS (
        SELECT pe, d.hub, d.carer_id
        FROM carehub_period_ends(p_from, p_to, p_by) pe
        JOIN carehub_direct_spells d ON d.start_date <= pe AND (d.end_date IS NULL OR d.end_date > pe)
        WHERE p_hub IS NULL OR d.hub = p_hub
    ), days AS (
        SELECT p.pe, p.hub, p.carer_id,
               coalesce((SELECT sum(
                          (least(a_end, p.pe + 1) - greatest(a_start, (p.pe - interval '12 months')::date + 1))::numeric
                          * CASE WHEN a.working_days_lost IS NULL THEN 1 ELSE a.working_days_lost / (a_end - a_start) END)
                        FROM absences a JOIN carers c ON c.id = a.carer_id JOIN hubs h ON h.id = c.hub_id,
                             LATERAL (SELECT (a.starts_at AT TIME ZONE h.timezone)::date AS a_start,
                                             (a.ends_at AT TIME ZONE h.timezone)::date AS a_end) span
                        WHERE a.carer_id = p.carer_id AND a.kind = 'sickness'
                          AND a_end > (p.pe - interval '12 months')::date + 1 AND a_start <= p.pe), 0) AS lost
        FROM people p
    ), x AS (
        SELECT pe, hub, sum(lost) AS lost, count(*) AS in_post FROM days GROUP BY GROUPING SETS ((pe, hub), (pe))
    )
    SELECT pe, coalesce(hub, 'ALL'), round(lost, 2), in_post::numeric,
           CASE WHEN in_post >= 10 THEN round(lost / in_post, 2) END
    FROM x ORDER BY pe, coalesce(hub, 'ALL')
$$;

-- W6 / W7 leavers by reason or destination: for each period end and hub, leavers in the 12
-- months (internal moves excluded) per code, with the share of all leavers and of voluntary ones.
CREATE FUNCTION report_leavers_by(p_field text, p_from date, p_to date, p_by text, p_hub text)
RETURNS TABLE (period_end date, hub text, code text, leavers bigint, all_leavers bigint, voluntary bigint)
LANGUAGE sql STABLE AS $$
    WITH l AS (
        SELECT pe, d.hub, CASE p_field WHEN 'destination' THEN coalesce(le.destination_code, 'unknown') ELSE le.reason_code END AS code,
               le.voluntary
        FROM carehub_period_ends(p_from, p_to, p_by) pe
        JOIN carehub_direct_spells d ON d.end_date > (pe - interval '12 months')::date AND d.end_date <= pe
             AND NOT d.left_by_internal_move
        JOIN leaving_events le ON le.spell_id = d.id
        WHERE p_hub IS NULL OR d.hub = p_hub
    ), by_code AS (
        SELECT pe, coalesce(hub, 'ALL') AS hub, code, count(*) AS leavers, count(*) FILTER (WHERE voluntary) AS voluntary
        FROM l GROUP BY GROUPING SETS ((pe, hub, code), (pe, code))
    ), totals AS (
        SELECT pe, coalesce(hub, 'ALL') AS hub, count(*) AS all_leavers FROM l GROUP BY GROUPING SETS ((pe, hub), (pe))
    )
    SELECT b.pe, b.hub, b.code, b.leavers, t.all_leavers, b.voluntary
    FROM by_code b JOIN totals t USING (pe, hub)
    ORDER BY b.pe, b.hub, b.leavers DESC, b.code
$$;
