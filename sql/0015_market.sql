-- 0015: the home-care market and the rest of the Better Care Fund figures. Forward-only.
-- Packages gain what a commissioner buys (funder, hours, rate, when it was asked for and why it
-- ended); visits gain what happened (delivered minutes, who cancelled). Reports by ISO week too.

-- A package asked for but not yet started (no provider found) has no valid_from: it is waiting.
-- Every reader already asks `valid_from <= day`, which is never true for NULL.
ALTER TABLE care_packages
    ALTER COLUMN valid_from DROP NOT NULL,
    ADD COLUMN funder text CHECK (funder IN ('icb', 'council', 'bcf_pooled', 'self_funded')),
    ADD COLUMN commissioned_hours numeric(6, 2) CHECK (commissioned_hours > 0 AND commissioned_hours <= 168 * 3),
    ADD COLUMN hourly_rate numeric(7, 2) CHECK (hourly_rate >= 0),
    ADD COLUMN requested_on date,
    ADD COLUMN end_reason text CHECK (end_reason IN ('provider_handback', 'died', 'hospital', 'care_home', 'no_longer_needed', 'moved_away', 'other')),
    ADD CONSTRAINT care_packages_requested_check CHECK (requested_on IS NULL OR valid_from IS NULL OR requested_on <= valid_from),
    ADD CONSTRAINT care_packages_ended_check CHECK (end_reason IS NULL OR valid_to IS NOT NULL),
    ADD CONSTRAINT care_packages_waiting_check CHECK (valid_from IS NOT NULL OR requested_on IS NOT NULL);

-- The outcome of a visit, as electronic call monitoring records it. 'cancelled' with
-- cancelled_by NULL is a cancellation by planning (package ended, client away).
ALTER TABLE visits
    ADD COLUMN actual_start timestamptz,
    ADD COLUMN actual_minutes integer CHECK (actual_minutes >= 0 AND actual_minutes <= 1440),
    ADD COLUMN cancelled_by text CHECK (cancelled_by IN ('provider', 'person')),
    ADD COLUMN outcome_recorded_at timestamptz,
    ADD CONSTRAINT visits_cancelled_by_status_check CHECK (cancelled_by IS NULL OR status = 'cancelled'),
    ADD CONSTRAINT visits_actual_status_check CHECK (actual_minutes IS NULL OR status = 'delivered');
CREATE INDEX visits_local_date_idx ON visits (local_date);

-- Weeks as a period too (Monday to Sunday), for the weekly market figures.
CREATE OR REPLACE FUNCTION carehub_period_ends(p_from date, p_to date, p_by text) RETURNS SETOF date
LANGUAGE sql IMMUTABLE AS $$
    WITH step AS (SELECT CASE p_by WHEN 'quarter' THEN interval '3 months' WHEN 'week' THEN interval '1 week' ELSE interval '1 month' END AS i)
    SELECT DISTINCT least(p_to, (date_trunc(p_by, g) + step.i - interval '1 day')::date)
    FROM step, generate_series(date_trunc(p_by, p_from), p_to, step.i) g
    ORDER BY 1
$$;

INSERT INTO anchors (metric, scope, value, unit, period, source, status) VALUES
    ('undelivered_share', 'england', 5.2, 'percent', 'Jan-Mar 2022', 'ADASS survey: 2,206,187 hours undelivered vs 40,288,271 delivered', 'dated'),
    ('statutory_cost_floor_hour', 'england', 22.71, 'pounds', '2025/26', 'Homecare Association fee-rate research (employment cost alone)', 'verified'),
    ('people_waiting', 'england', 418000, 'people', 'Spring 2024', 'ADASS Spring Survey 2024', 'secondary');

-- Hours a week a package buys: its commissioned hours, else the sum of its calls (each carer's
-- time counts, so a double-up of 30 minutes is an hour).
CREATE VIEW carehub_packages AS
SELECT p.id, p.external_id, p.client_id, cl.hub_id, h.code AS hub, h.timezone, p.valid_from, p.valid_to, p.requested_on, p.end_reason,
       coalesce(p.funder, cl.funding_stream) AS funder, p.hourly_rate, cl.home_first,
       coalesce(p.commissioned_hours,
                (SELECT sum(pv.duration_minutes * pv.carers_needed) / 60.0 FROM package_visits pv WHERE pv.package_id = p.id), 0) AS hours
FROM care_packages p JOIN clients cl ON cl.id = p.client_id JOIN hubs h ON h.id = cl.hub_id;

-- Visits with the care hours they stand for (minutes × carers) and whether they fell short.
CREATE VIEW carehub_visit_outcomes AS
SELECT v.id, v.local_date, h.code AS hub, v.status, v.cancelled_by, v.carers_needed,
       v.duration_minutes * v.carers_needed / 60.0 AS scheduled_hours,
       CASE WHEN v.status = 'delivered' THEN coalesce(v.actual_minutes, v.duration_minutes) * v.carers_needed / 60.0 ELSE 0 END AS delivered_hours,
       (v.status = 'missed' OR (v.status = 'cancelled' AND v.cancelled_by = 'provider')) AS undelivered,
       -- Off the schedule: cancelled by the person or by planning (ended package, client away).
       (v.status = 'cancelled' AND v.cancelled_by IS DISTINCT FROM 'provider') AS not_wanted
FROM visits v JOIN clients cl ON cl.id = v.client_id JOIN hubs h ON h.id = cl.hub_id;

-- M1: care hours delivered in the period ÷ hours commissioned for it (each package's weekly
-- hours × the days it was active in the period ÷ 7). Hours, so nothing is suppressed.
CREATE FUNCTION report_delivered_hours(p_from date, p_to date, p_by text, p_hub text)
RETURNS TABLE (period_end date, hub text, numerator numeric, denominator numeric, rate numeric)
LANGUAGE sql STABLE AS $$
    WITH pe AS (SELECT * FROM carehub_period_windows(p_from, p_to, p_by)),
    commissioned AS (
        SELECT pe.e, p.hub, sum(p.hours * (least(pe.e, coalesce(p.valid_to, pe.e)) - greatest(pe.prev + 1, p.valid_from) + 1) / 7.0) AS hours
        FROM pe JOIN carehub_packages p ON p.valid_from <= pe.e AND (p.valid_to IS NULL OR p.valid_to > pe.prev)
        WHERE p_hub IS NULL OR p.hub = p_hub
        GROUP BY pe.e, p.hub
    ), delivered AS (
        SELECT pe.e, v.hub, sum(v.delivered_hours) AS hours
        FROM pe JOIN carehub_visit_outcomes v ON v.local_date > pe.prev AND v.local_date <= pe.e
        WHERE p_hub IS NULL OR v.hub = p_hub
        GROUP BY pe.e, v.hub
    ), x AS (
        SELECT c.e, c.hub, coalesce(d.hours, 0) AS delivered, c.hours AS commissioned
        FROM commissioned c LEFT JOIN delivered d ON d.e = c.e AND d.hub = c.hub
    ), y AS (
        SELECT e, hub, sum(delivered) AS delivered, sum(commissioned) AS commissioned FROM x GROUP BY GROUPING SETS ((e, hub), (e))
    )
    SELECT e, coalesce(hub, 'ALL'), round(delivered, 1), round(commissioned, 1),
           CASE WHEN commissioned > 0 THEN round(100 * delivered / commissioned, 1) END
    FROM y ORDER BY e, coalesce(hub, 'ALL')
$$;

-- M2: scheduled care hours missed or cancelled by the provider ÷ all scheduled hours (visits
-- the person cancelled, or that planning dropped, are not scheduled).
CREATE FUNCTION report_undelivered_hours(p_from date, p_to date, p_by text, p_hub text)
RETURNS TABLE (period_end date, hub text, numerator numeric, denominator numeric, rate numeric)
LANGUAGE sql STABLE AS $$
    WITH pe AS (SELECT * FROM carehub_period_windows(p_from, p_to, p_by)),
    x AS (
        SELECT pe.e, v.hub, sum(v.scheduled_hours) FILTER (WHERE v.undelivered) AS missed, sum(v.scheduled_hours) AS scheduled
        FROM pe JOIN carehub_visit_outcomes v ON v.local_date > pe.prev AND v.local_date <= pe.e AND NOT v.not_wanted
        WHERE p_hub IS NULL OR v.hub = p_hub
        GROUP BY GROUPING SETS ((pe.e, v.hub), (pe.e))
    )
    SELECT e, coalesce(hub, 'ALL'), round(coalesce(missed, 0), 1), round(scheduled, 1),
           CASE WHEN scheduled > 0 THEN round(100 * coalesce(missed, 0) / scheduled, 1) END
    FROM x ORDER BY e, coalesce(hub, 'ALL')
$$;

-- M3: at each period end, people with a package asked for and not started (no start date, or
-- one after the period end) and not ended: people, hours a week, median days waiting, and how
-- many are Home First (a hospital-discharge wait rather than a community one).
CREATE FUNCTION report_waiting(p_from date, p_to date, p_by text, p_hub text)
RETURNS TABLE (period_end date, hub text, people bigint, hours numeric, median_days numeric, home_first bigint)
LANGUAGE sql STABLE AS $$
    WITH x AS (
        SELECT pe, p.hub, count(DISTINCT p.client_id) AS people, sum(p.hours) AS hours,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY pe - p.requested_on) AS median, count(DISTINCT p.client_id) FILTER (WHERE p.home_first) AS hf
        FROM carehub_period_ends(p_from, p_to, p_by) pe
        JOIN carehub_packages p ON p.requested_on <= pe AND (p.valid_from IS NULL OR p.valid_from > pe)
             AND (p.valid_to IS NULL OR p.valid_to >= pe)
        WHERE p_hub IS NULL OR p.hub = p_hub
        GROUP BY GROUPING SETS ((pe, p.hub), (pe))
    )
    SELECT pe, coalesce(hub, 'ALL'), people, round(hours, 1), carehub_suppressed(median, people), hf
    FROM x ORDER BY pe, coalesce(hub, 'ALL')
$$;

-- M4: packages the provider handed back in the period: packages, people, hours a week, and the
-- share of those people with another package starting within 28 days of the handback.
CREATE FUNCTION report_handbacks(p_from date, p_to date, p_by text, p_hub text)
RETURNS TABLE (period_end date, hub text, packages bigint, people bigint, hours numeric, replaced_28d numeric)
LANGUAGE sql STABLE AS $$
    WITH pe AS (SELECT * FROM carehub_period_windows(p_from, p_to, p_by)),
    b AS (
        SELECT pe.e, p.*, EXISTS (SELECT 1 FROM care_packages q WHERE q.client_id = p.client_id AND q.id <> p.id
                                   AND q.valid_from > p.valid_to AND q.valid_from <= p.valid_to + 28) AS replaced
        FROM pe JOIN carehub_packages p ON p.end_reason = 'provider_handback' AND p.valid_to > pe.prev AND p.valid_to <= pe.e
        WHERE p_hub IS NULL OR p.hub = p_hub
    ), x AS (
        SELECT e, hub, count(*) AS packages, count(DISTINCT client_id) AS people, sum(hours) AS hours,
               count(DISTINCT client_id) FILTER (WHERE replaced) AS replaced
        FROM b GROUP BY GROUPING SETS ((e, hub), (e))
    )
    SELECT e, coalesce(hub, 'ALL'), packages, people, round(hours, 1), carehub_rate(replaced, people) FROM x
    UNION ALL  -- a period with no handbacks still gets its ALL row of zeros
    SELECT pe.e, 'ALL', 0, 0, 0, NULL FROM pe WHERE NOT EXISTS (SELECT 1 FROM x WHERE x.e = pe.e)
    ORDER BY 1, 2
$$;

-- M5: the hours-weighted rate publicly funded packages active at the period end pay (council,
-- ICB, pooled BCF; not self-funders), against the Homecare Association minimum price and the
-- statutory employment cost, both from `anchors` (the latest period of each).
CREATE FUNCTION report_rate_vs_min_price(p_from date, p_to date, p_by text, p_hub text)
RETURNS TABLE (period_end date, hub text, hours numeric, mean_rate numeric, min_price numeric, gap numeric,
               below_min numeric, below_cost numeric)
LANGUAGE sql STABLE AS $$
    WITH prices AS (
        SELECT (SELECT value FROM anchors WHERE metric = 'hca_min_price_hour' ORDER BY period DESC LIMIT 1) AS min_price,
               (SELECT value FROM anchors WHERE metric = 'statutory_cost_floor_hour' ORDER BY period DESC LIMIT 1) AS floor
    ), x AS (
        SELECT pe, p.hub, sum(p.hours) AS hours, sum(p.hours * p.hourly_rate) / nullif(sum(p.hours), 0) AS mean_rate,
               sum(p.hours) FILTER (WHERE p.hourly_rate < prices.min_price) AS below_min,
               sum(p.hours) FILTER (WHERE p.hourly_rate < prices.floor) AS below_cost
        FROM carehub_period_ends(p_from, p_to, p_by) pe CROSS JOIN prices
        JOIN carehub_packages p ON p.valid_from <= pe AND (p.valid_to IS NULL OR p.valid_to >= pe)
             AND p.funder <> 'self_funded' AND p.hourly_rate IS NOT NULL
        WHERE p_hub IS NULL OR p.hub = p_hub
        GROUP BY GROUPING SETS ((pe, p.hub), (pe))
    )
    SELECT pe, coalesce(hub, 'ALL'), round(hours, 1), round(mean_rate, 2), prices.min_price, round(prices.min_price - mean_rate, 2),
           round(100 * coalesce(below_min, 0) / nullif(hours, 0), 1), round(100 * coalesce(below_cost, 0) / nullif(hours, 0), 1)
    FROM x CROSS JOIN prices ORDER BY pe, coalesce(hub, 'ALL')
$$;

-- M6: supply = contracted hours a week of directly employed care workers in post at the period
-- end × the contact-time ratio of the hub's published rosters for weeks starting in the 28 days
-- to the period end (visit minutes ÷ visit minutes plus the gaps under an hour between a carer's
-- consecutive visits, the travel and waiting payroll pays). Demand = commissioned hours a week
-- active at the period end + hours a week waiting. No roster in the 28 days: no ratio, no supply.
CREATE FUNCTION report_capacity_vs_demand(p_from date, p_to date, p_by text, p_hub text)
RETURNS TABLE (period_end date, hub text, contracted numeric, contact_ratio numeric, supply numeric, demand numeric,
               ratio numeric, gap numeric)
LANGUAGE sql STABLE AS $$
    WITH pes AS (SELECT pe FROM carehub_period_ends(p_from, p_to, p_by) pe),
    hubs_in AS (SELECT id, code FROM hubs WHERE p_hub IS NULL OR code = p_hub),
    contracted AS (
        SELECT pe, d.hub, sum(d.contracted_minutes) / 60.0 AS hours
        FROM pes JOIN carehub_direct_spells d ON d.start_date <= pe AND (d.end_date IS NULL OR d.end_date > pe)
        WHERE d.job_role = 'care_worker' AND d.service_type IN ('domiciliary', 'reablement')
        GROUP BY pe, d.hub
    ), legs AS (
        SELECT pes.pe, h.code AS hub, v.duration_minutes AS minutes,
               extract(epoch FROM ra.starts_at - lag(ra.starts_at + make_interval(mins => v.duration_minutes))
                   OVER (PARTITION BY pes.pe, r.id, ra.carer_id, (ra.starts_at AT TIME ZONE h.timezone)::date ORDER BY ra.starts_at)) / 60 AS gap
        FROM pes JOIN rosters r ON r.status = 'published'
             AND to_date(r.iso_week, 'IYYY-"W"IW') > pes.pe - 28 AND to_date(r.iso_week, 'IYYY-"W"IW') <= pes.pe
        JOIN hubs h ON h.id = r.hub_id
        JOIN roster_assignments ra ON ra.roster_id = r.id
        JOIN visits v ON v.id = ra.visit_id
    ), contact AS (
        SELECT pe, hub, sum(minutes) / nullif(sum(minutes) + coalesce(sum(gap) FILTER (WHERE gap > 0 AND gap < 60), 0), 0) AS ratio
        FROM legs GROUP BY pe, hub
    ), demand AS (
        SELECT pe, p.hub,
               coalesce(sum(p.hours) FILTER (WHERE p.valid_from <= pe AND (p.valid_to IS NULL OR p.valid_to >= pe)), 0)
             + coalesce(sum(p.hours) FILTER (WHERE p.requested_on <= pe AND (p.valid_from IS NULL OR p.valid_from > pe)
                                               AND (p.valid_to IS NULL OR p.valid_to >= pe)), 0) AS hours
        FROM pes JOIN carehub_packages p ON true
        GROUP BY pe, p.hub
    ), per_hub AS (
        SELECT pes.pe, h.code AS hub, coalesce(c.hours, 0) AS contracted, k.ratio, coalesce(c.hours, 0) * k.ratio AS supply,
               coalesce(d.hours, 0) AS demand
        FROM pes CROSS JOIN hubs_in h
        LEFT JOIN contracted c ON c.pe = pes.pe AND c.hub = h.code
        LEFT JOIN contact k ON k.pe = pes.pe AND k.hub = h.code
        LEFT JOIN demand d ON d.pe = pes.pe AND d.hub = h.code
    ), x AS (
        SELECT pe, hub, contracted, ratio, supply, demand FROM per_hub
        UNION ALL
        -- ALL: the whole county's supply, with its ratio weighted by contracted hours; unknown if any hub's is.
        SELECT pe, NULL, sum(contracted), CASE WHEN bool_and(ratio IS NOT NULL) THEN sum(supply) / nullif(sum(contracted), 0) END,
               CASE WHEN bool_and(ratio IS NOT NULL) THEN sum(supply) END, sum(demand)
        FROM per_hub GROUP BY pe
    )
    SELECT pe, coalesce(hub, 'ALL'), round(contracted, 1), round(ratio, 3), round(supply, 1), round(demand, 1),
           CASE WHEN demand > 0 THEN round(supply / demand, 2) END, round(supply - demand, 1)
    FROM x ORDER BY pe, coalesce(hub, 'ALL')
$$;

-- M7: commissioned hours a week per person with a package active at the period end.
CREATE FUNCTION report_package_size(p_from date, p_to date, p_by text, p_hub text)
RETURNS TABLE (period_end date, hub text, people bigint, mean_hours numeric, median_hours numeric)
LANGUAGE sql STABLE AS $$
    WITH per_person AS (
        SELECT pe, p.hub, p.client_id, sum(p.hours) AS hours
        FROM carehub_period_ends(p_from, p_to, p_by) pe
        JOIN carehub_packages p ON p.valid_from <= pe AND (p.valid_to IS NULL OR p.valid_to >= pe)
        WHERE p_hub IS NULL OR p.hub = p_hub
        GROUP BY pe, p.hub, p.client_id
    ), x AS (
        SELECT pe, hub, count(*) AS people, avg(hours) AS mean, percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) AS median
        FROM per_person GROUP BY GROUPING SETS ((pe, hub), (pe))
    )
    SELECT pe, coalesce(hub, 'ALL'), people, carehub_suppressed(mean::float8, people), carehub_suppressed(median, people)
    FROM x ORDER BY pe, coalesce(hub, 'ALL')
$$;

-- Spend by funding stream: care hours delivered in the period, and what they cost at each
-- package's hourly rate (visits of packages without a rate are counted in hours, not pounds).
-- The group is reported in the hub column as 'HUB council' and so on (and 'ALL …').
CREATE FUNCTION report_spend_by_funder(p_from date, p_to date, p_by text, p_hub text)
RETURNS TABLE (period_end date, hub text, delivered_hours numeric, priced_hours numeric, spend numeric, share numeric)
LANGUAGE sql STABLE AS $$
    WITH pe AS (SELECT * FROM carehub_period_windows(p_from, p_to, p_by)),
    v AS (
        SELECT pe.e, o.hub, p.funder, o.delivered_hours, p.hourly_rate
        FROM pe JOIN carehub_visit_outcomes o ON o.local_date > pe.prev AND o.local_date <= pe.e AND o.delivered_hours > 0
        JOIN visits vv ON vv.id = o.id JOIN package_visits pv ON pv.id = vv.package_visit_id
        JOIN carehub_packages p ON p.id = pv.package_id
        WHERE p_hub IS NULL OR o.hub = p_hub
    ), x AS (
        SELECT e, hub, funder, sum(delivered_hours) AS hours, sum(delivered_hours) FILTER (WHERE hourly_rate IS NOT NULL) AS priced,
               coalesce(sum(delivered_hours * hourly_rate), 0) AS spend
        FROM v GROUP BY GROUPING SETS ((e, hub, funder), (e, funder))
    )
    SELECT e, coalesce(hub, 'ALL') || ' ' || funder, round(hours, 1), round(coalesce(priced, 0), 1), round(spend, 2),
           round(100 * spend / nullif(sum(spend) OVER (PARTITION BY e, hub), 0), 1)
    FROM x ORDER BY e, coalesce(hub, 'ALL'), funder
$$;

-- B7 Home First pathway mix: discharges in the period by pathway 0–3, as shares (suppressed
-- under 10 discharges). Home First aims to keep pathways 0 and 1 (home) high.
CREATE FUNCTION report_pathway_mix(p_from date, p_to date, p_by text, p_hub text)
RETURNS TABLE (period_end date, hub text, discharges bigint, pathway_0 numeric, pathway_1 numeric, pathway_2 numeric, pathway_3 numeric)
LANGUAGE sql STABLE AS $$
    WITH pe AS (SELECT * FROM carehub_period_windows(p_from, p_to, p_by)),
    x AS (
        SELECT pe.e, h.code AS hub, count(*) AS n,
               count(*) FILTER (WHERE d.pathway = 0) AS p0, count(*) FILTER (WHERE d.pathway = 1) AS p1,
               count(*) FILTER (WHERE d.pathway = 2) AS p2, count(*) FILTER (WHERE d.pathway = 3) AS p3
        FROM pe JOIN hospital_discharges d ON d.discharge_date > pe.prev AND d.discharge_date <= pe.e
        JOIN hubs h ON h.id = d.hub_id
        WHERE p_hub IS NULL OR h.code = p_hub
        GROUP BY GROUPING SETS ((pe.e, h.code), (pe.e))
    )
    SELECT e, coalesce(hub, 'ALL'), n, carehub_rate(p0, n), carehub_rate(p1, n), carehub_rate(p2, n), carehub_rate(p3, n)
    FROM x ORDER BY e, coalesce(hub, 'ALL')
$$;

-- Sickness days per directly employed person in post at each period end, over the 12 months to
-- it (absences clipped to the window; payroll's working days pro rata when recorded, else calendar
-- days). One definition for report_sickness (redefined here to use it) and report_sickness_spread.
CREATE FUNCTION carehub_sickness_days(p_from date, p_to date, p_by text, p_hub text)
RETURNS TABLE (pe date, hub text, carer_id bigint, lost numeric)
LANGUAGE sql STABLE AS $$
    SELECT pe, d.hub, d.carer_id,
           coalesce((SELECT sum(
                      (least(a_end, pe + 1) - greatest(a_start, (pe - interval '12 months')::date + 1))::numeric
                      * CASE WHEN a.working_days_lost IS NULL THEN 1 ELSE a.working_days_lost / (a_end - a_start) END)
                    FROM absences a JOIN carers c ON c.id = a.carer_id JOIN hubs h ON h.id = c.hub_id,
                         LATERAL (SELECT (a.starts_at AT TIME ZONE h.timezone)::date AS a_start,
                                         (a.ends_at AT TIME ZONE h.timezone)::date AS a_end) span
                    WHERE a.carer_id = d.carer_id AND a.kind = 'sickness'
                      AND a_end > (pe - interval '12 months')::date + 1 AND a_start <= pe), 0)
    FROM carehub_period_ends(p_from, p_to, p_by) pe
    JOIN carehub_direct_spells d ON d.start_date <= pe AND (d.end_date IS NULL OR d.end_date > pe)
    WHERE p_hub IS NULL OR d.hub = p_hub
$$;

CREATE OR REPLACE FUNCTION report_sickness(p_from date, p_to date, p_by text, p_hub text)
RETURNS TABLE (period_end date, hub text, numerator numeric, denominator numeric, rate numeric)
LANGUAGE sql STABLE AS $$
    WITH x AS (
        SELECT pe, hub, sum(lost) AS lost, count(*) AS in_post
        FROM carehub_sickness_days(p_from, p_to, p_by, p_hub) GROUP BY GROUPING SETS ((pe, hub), (pe))
    )
    SELECT pe, coalesce(hub, 'ALL'), round(lost, 2), in_post::numeric,
           CASE WHEN in_post >= 10 THEN round(lost / in_post, 2) END
    FROM x ORDER BY pe, coalesce(hub, 'ALL')
$$;

-- W10 in full: people, mean, median and the share with no sickness.
CREATE FUNCTION report_sickness_spread(p_from date, p_to date, p_by text, p_hub text)
RETURNS TABLE (period_end date, hub text, people bigint, mean_days numeric, median_days numeric, none_percent numeric)
LANGUAGE sql STABLE AS $$
    WITH x AS (
        SELECT pe, hub, count(*) AS n, avg(lost) AS mean, percentile_cont(0.5) WITHIN GROUP (ORDER BY lost) AS median,
               count(*) FILTER (WHERE lost = 0) AS none
        FROM carehub_sickness_days(p_from, p_to, p_by, p_hub) GROUP BY GROUPING SETS ((pe, hub), (pe))
    )
    SELECT pe, coalesce(hub, 'ALL'), n, carehub_suppressed(mean::float8, n), carehub_suppressed(median, n), carehub_rate(none, n)
    FROM x ORDER BY pe, coalesce(hub, 'ALL')
$$;
