-- 0017: the reports stay fast on a whole county (issue 11). Same signatures, same rows.
-- Measured on the 15-hub sample county (`demo seed --hubs 15 --clients-per-hub 150`, 482k
-- recorded outcomes), 2 shared cores: `EXPLAIN (ANALYZE, BUFFERS)` (auto_explain for the
-- function bodies) of `report_…('2025-11-23', '2026-11-22', 'month', NULL)`. The causes:
--   * the outcome reports joined every visit in each period window through carehub_visit_outcomes
--     (2 million visits a year at 15 hubs): they now read visit_outcome_days, below;
--   * carehub_packages works out a package's weekly hours in a subquery per row, so joining it to
--     every period end ran that subquery per period × package (24,104 runs): the package reports
--     now take the packages once (a MATERIALIZED CTE), then join;
--   * the planner's costs for these nested queries pass jit_above_cost, and compiling took
--     ~0.5 s of each (cost-per-hire 520 ms → 108 ms without it): JIT is off for report functions;
--   * CIPD turnover ran a 13-month headcount subquery per period × spell: now per month end once.
-- Report timings at 1× and 4× the outcomes: BENCHMARKS.md, "County reports".

-- Recorded outcomes summed per day, hub and funder, kept current by triggers on every write that
-- changes a sum: the outcome reports read at most 15 hubs × 5 funder keys × 366 days of rows a year,
-- however many visits there are (2 million a year at 15 hubs). The sums are exactly those of
-- carehub_visit_outcomes (numeric adds exactly, so sums of sums are the same numbers).
-- funder is the package's (coalesce(package funder, its client's funding stream), as in
-- carehub_packages), '' for a visit without a package; hub_id is the visit's client's hub.
CREATE TABLE visit_outcome_days (
    local_date date NOT NULL,
    hub_id     bigint NOT NULL,
    funder     text NOT NULL,
    visits     bigint NOT NULL,   -- every visit; a row whose visits reach 0 is deleted
    delivered  numeric NOT NULL,  -- care hours delivered
    wanted     bigint NOT NULL,   -- visits not cancelled by the person or by planning
    scheduled  numeric NOT NULL,  -- their care hours
    missed     numeric NOT NULL,  -- hours of those missed or cancelled by the provider
    priced     numeric NOT NULL,  -- hours delivered on packages with an hourly rate
    spend      numeric NOT NULL,  -- hours delivered × the package's hourly rate
    PRIMARY KEY (local_date, hub_id, funder)
);

-- The SELECT that sums a set of visit rows into summary rows. p_source is a relation or
-- subquery with columns sign (1 to add, -1 to take away), local_date, client_id,
-- package_visit_id, status, cancelled_by, carers_needed, duration_minutes, actual_minutes.
-- Client, package and funder come from the tables as they are when it runs.
CREATE FUNCTION carehub_outcome_days_select(p_source text) RETURNS text
LANGUAGE sql IMMUTABLE AS $f$
    SELECT format($q$
        SELECT v.local_date, cl.hub_id, coalesce(p.funder, pcl.funding_stream, '') AS funder, sum(v.sign),
               coalesce(sum(v.sign * o.delivered), 0), coalesce(sum(v.sign) FILTER (WHERE o.wanted), 0),
               coalesce(sum(v.sign * o.scheduled) FILTER (WHERE o.wanted), 0),
               coalesce(sum(v.sign * o.scheduled) FILTER (WHERE o.wanted AND o.undelivered), 0),
               coalesce(sum(v.sign * o.delivered) FILTER (WHERE p.hourly_rate IS NOT NULL), 0),
               coalesce(sum(v.sign * o.delivered * p.hourly_rate), 0)
        FROM %s v
        JOIN clients cl ON cl.id = v.client_id
        LEFT JOIN package_visits pv ON pv.id = v.package_visit_id
        LEFT JOIN care_packages p ON p.id = pv.package_id
        LEFT JOIN clients pcl ON pcl.id = p.client_id,
        LATERAL (SELECT CASE WHEN v.status = 'delivered' THEN coalesce(v.actual_minutes, v.duration_minutes) * v.carers_needed / 60.0
                             ELSE 0 END AS delivered,
                        v.duration_minutes * v.carers_needed / 60.0 AS scheduled,
                        (v.status = 'missed' OR (v.status = 'cancelled' AND v.cancelled_by = 'provider')) AS undelivered,
                        NOT (v.status = 'cancelled' AND v.cancelled_by IS DISTINCT FROM 'provider') AS wanted) o
        GROUP BY 1, 2, 3 $q$, p_source)
$f$;

-- Adds (or, with sign -1, takes away) the rows of p_source (as above) to the summary. $1 in
-- p_source is what EXECUTE … USING passes. Run inside trigger functions, so a source may name a
-- transition table.
CREATE FUNCTION carehub_outcome_days_apply_sql(p_source text) RETURNS text
LANGUAGE sql IMMUTABLE AS $f$
    SELECT 'INSERT INTO visit_outcome_days AS t ' || carehub_outcome_days_select(p_source) || $q$
        ON CONFLICT (local_date, hub_id, funder) DO UPDATE SET
            visits = t.visits + excluded.visits, delivered = t.delivered + excluded.delivered, wanted = t.wanted + excluded.wanted,
            scheduled = t.scheduled + excluded.scheduled, missed = t.missed + excluded.missed, priced = t.priced + excluded.priced,
            spend = t.spend + excluded.spend $q$
$f$;

-- The summary worked out from scratch: to fill it, and for tests to check the triggers.
CREATE FUNCTION carehub_outcome_days_fresh() RETURNS SETOF visit_outcome_days
LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN QUERY EXECUTE carehub_outcome_days_select(
        '(SELECT 1 AS sign, local_date, client_id, package_visit_id, status, cancelled_by, carers_needed, duration_minutes,
                 actual_minutes FROM visits)');
END $$;

INSERT INTO visit_outcome_days SELECT * FROM carehub_outcome_days_fresh();

-- Visits: statement triggers with transition tables, so planning a week or recording its
-- outcomes (one statement each) updates the summary once, not once per visit.
CREATE FUNCTION carehub_outcome_days_visits() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    cols constant text := 'local_date, client_id, package_visit_id, status, cancelled_by, carers_needed, duration_minutes, actual_minutes';
BEGIN
    IF TG_OP = 'INSERT' THEN
        EXECUTE carehub_outcome_days_apply_sql(format('(SELECT 1 AS sign, %s FROM new_rows)', cols));
    ELSIF TG_OP = 'DELETE' THEN
        EXECUTE carehub_outcome_days_apply_sql(format('(SELECT -1 AS sign, %s FROM old_rows)', cols));
    ELSE
        -- Only rows whose summed columns changed (a roster's status, a note, touch none).
        EXECUTE carehub_outcome_days_apply_sql(format(
            '(SELECT -1 AS sign, o.* FROM (SELECT id, %1$s FROM old_rows) o JOIN (SELECT id, %1$s FROM new_rows) n USING (id)
              WHERE o IS DISTINCT FROM n
              UNION ALL
              SELECT 1, n.* FROM (SELECT id, %1$s FROM old_rows) o JOIN (SELECT id, %1$s FROM new_rows) n USING (id)
              WHERE o IS DISTINCT FROM n)', cols));
    END IF;
    DELETE FROM visit_outcome_days WHERE visits = 0;
    RETURN NULL;
END $$;
CREATE TRIGGER visits_outcome_days_insert AFTER INSERT ON visits REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION carehub_outcome_days_visits();
CREATE TRIGGER visits_outcome_days_update AFTER UPDATE ON visits REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION carehub_outcome_days_visits();
CREATE TRIGGER visits_outcome_days_delete AFTER DELETE ON visits REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION carehub_outcome_days_visits();

-- A client, package or package visit whose change moves visits to another hub or funder, or
-- changes their rate: its visits are taken away before the change (as the tables still say)
-- and added back after it. TG_ARGV[0] selects the visits by $1, the row's id (for a client, a
-- UNION rather than OR, so each side uses its index: 18 ms, against 427 ms for OR's Seq Scan).
-- A visit whose client and package's client both change in one statement is assumed not to happen.
CREATE FUNCTION carehub_outcome_days_move() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    id bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END;
    src text := format('(SELECT %s AS sign, v.local_date, v.client_id, v.package_visit_id, v.status, v.cancelled_by, v.carers_needed,
                                v.duration_minutes, v.actual_minutes FROM visits v WHERE %s)',
                       CASE WHEN TG_WHEN = 'BEFORE' THEN -1 ELSE 1 END, TG_ARGV[0]);
BEGIN
    EXECUTE carehub_outcome_days_apply_sql(src) USING id;
    IF TG_OP = 'DELETE' THEN
        -- A package (visit) deleted: its visits stay, without a package (visits.package_visit_id
        -- is set NULL; that update then takes away and adds the same no-package rows).
        src := replace(replace(src, '-1 AS sign', '1 AS sign'), 'v.package_visit_id,', 'NULL::bigint AS package_visit_id,');
        EXECUTE carehub_outcome_days_apply_sql(src) USING id;
    END IF;
    DELETE FROM visit_outcome_days WHERE visits = 0;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;

CREATE TRIGGER clients_outcome_days_before BEFORE UPDATE OF hub_id, funding_stream ON clients FOR EACH ROW
    WHEN (OLD.hub_id IS DISTINCT FROM NEW.hub_id OR OLD.funding_stream IS DISTINCT FROM NEW.funding_stream)
    EXECUTE FUNCTION carehub_outcome_days_move('v.id IN (SELECT id FROM visits WHERE client_id = $1 UNION
        SELECT w.id FROM visits w JOIN package_visits pv ON pv.id = w.package_visit_id JOIN care_packages p ON p.id = pv.package_id
        WHERE p.client_id = $1)');
CREATE TRIGGER clients_outcome_days_after AFTER UPDATE OF hub_id, funding_stream ON clients FOR EACH ROW
    WHEN (OLD.hub_id IS DISTINCT FROM NEW.hub_id OR OLD.funding_stream IS DISTINCT FROM NEW.funding_stream)
    EXECUTE FUNCTION carehub_outcome_days_move('v.id IN (SELECT id FROM visits WHERE client_id = $1 UNION
        SELECT w.id FROM visits w JOIN package_visits pv ON pv.id = w.package_visit_id JOIN care_packages p ON p.id = pv.package_id
        WHERE p.client_id = $1)');
CREATE TRIGGER care_packages_outcome_days_before BEFORE UPDATE OF funder, hourly_rate, client_id ON care_packages FOR EACH ROW
    WHEN ((OLD.funder, OLD.hourly_rate, OLD.client_id) IS DISTINCT FROM (NEW.funder, NEW.hourly_rate, NEW.client_id))
    EXECUTE FUNCTION carehub_outcome_days_move('v.package_visit_id IN (SELECT pv.id FROM package_visits pv WHERE pv.package_id = $1)');
CREATE TRIGGER care_packages_outcome_days_after AFTER UPDATE OF funder, hourly_rate, client_id ON care_packages FOR EACH ROW
    WHEN ((OLD.funder, OLD.hourly_rate, OLD.client_id) IS DISTINCT FROM (NEW.funder, NEW.hourly_rate, NEW.client_id))
    EXECUTE FUNCTION carehub_outcome_days_move('v.package_visit_id IN (SELECT pv.id FROM package_visits pv WHERE pv.package_id = $1)');
CREATE TRIGGER care_packages_outcome_days_delete BEFORE DELETE ON care_packages FOR EACH ROW
    EXECUTE FUNCTION carehub_outcome_days_move('v.package_visit_id IN (SELECT pv.id FROM package_visits pv WHERE pv.package_id = $1)');
CREATE TRIGGER package_visits_outcome_days_before BEFORE UPDATE OF package_id ON package_visits FOR EACH ROW
    WHEN (OLD.package_id IS DISTINCT FROM NEW.package_id)
    EXECUTE FUNCTION carehub_outcome_days_move('v.package_visit_id = $1');
CREATE TRIGGER package_visits_outcome_days_after AFTER UPDATE OF package_id ON package_visits FOR EACH ROW
    WHEN (OLD.package_id IS DISTINCT FROM NEW.package_id)
    EXECUTE FUNCTION carehub_outcome_days_move('v.package_visit_id = $1');
CREATE TRIGGER package_visits_outcome_days_delete BEFORE DELETE ON package_visits FOR EACH ROW
    EXECUTE FUNCTION carehub_outcome_days_move('v.package_visit_id = $1');

-- M1. Before: 1,020 ms (report), shared hit=82k read=11k. Delivered: Nested Loop of 13 period
-- windows × Index Scan visits_local_date_idx (35k rows a loop) → Hash Joins to clients and hubs
-- → HashAggregate; commissioned: carehub_packages per window, SubPlan 1 (package_visits) run
-- 24,104 times. After: 60 ms, shared hit=14k: Index Scan of visit_outcome_days over the span
-- (5,460 rows), Nested Loop to the 13 windows, HashAggregate; the packages once (SubPlan 2,226
-- runs), then the windows. At 4× the outcomes the report took 3.71 s before, 0.16 s after.
CREATE OR REPLACE FUNCTION report_delivered_hours(p_from date, p_to date, p_by text, p_hub text)
RETURNS TABLE (period_end date, hub text, numerator numeric, denominator numeric, rate numeric)
LANGUAGE sql STABLE AS $$
    WITH pe AS MATERIALIZED (SELECT * FROM carehub_period_windows(p_from, p_to, p_by)),
    pk AS MATERIALIZED (
        SELECT p.hub, p.valid_from, p.valid_to, p.hours FROM carehub_packages p
        WHERE p.valid_from <= p_to AND (p_hub IS NULL OR p.hub = p_hub)
    ), commissioned AS (
        SELECT pe.e, p.hub, sum(p.hours * (least(pe.e, coalesce(p.valid_to, pe.e)) - greatest(pe.prev + 1, p.valid_from) + 1) / 7.0) AS hours
        FROM pe JOIN pk p ON p.valid_from <= pe.e AND (p.valid_to IS NULL OR p.valid_to > pe.prev)
        GROUP BY pe.e, p.hub
    ), delivered AS (
        SELECT pe.e, h.code AS hub, sum(d.delivered) AS hours
        FROM pe JOIN visit_outcome_days d ON d.local_date > pe.prev AND d.local_date <= pe.e JOIN hubs h ON h.id = d.hub_id
        WHERE d.local_date > (SELECT min(prev) FROM pe) AND d.local_date <= (SELECT max(e) FROM pe)  -- the primary key's range
          AND (p_hub IS NULL OR h.code = p_hub)
        GROUP BY pe.e, h.code
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

-- M2. Before: 750 ms, 667 ms in EXPLAIN: Index Only Scan or Index Scan of 482k visits → Hash
-- Joins to clients and hubs (368 ms) → HashAggregate over grouping sets with a numeric division
-- per visit (290 ms). After: 16 ms, shared hit=94: visit_outcome_days over the span, Nested
-- Loop to the 13 windows, HashAggregate (64 rows). At 4× the outcomes: 3.55 s before, 0.10 s after.
CREATE OR REPLACE FUNCTION report_undelivered_hours(p_from date, p_to date, p_by text, p_hub text)
RETURNS TABLE (period_end date, hub text, numerator numeric, denominator numeric, rate numeric)
LANGUAGE sql STABLE AS $$
    WITH pe AS MATERIALIZED (SELECT * FROM carehub_period_windows(p_from, p_to, p_by)),
    x AS (
        SELECT pe.e, h.code AS hub, sum(d.missed) AS missed, sum(d.scheduled) AS scheduled
        FROM pe JOIN visit_outcome_days d ON d.local_date > pe.prev AND d.local_date <= pe.e JOIN hubs h ON h.id = d.hub_id
        WHERE d.local_date > (SELECT min(prev) FROM pe) AND d.local_date <= (SELECT max(e) FROM pe)  -- the primary key's range
          AND d.wanted > 0  -- a period and hub with only unwanted visits has no row, as in 0015
          AND (p_hub IS NULL OR h.code = p_hub)
        GROUP BY GROUPING SETS ((pe.e, h.code), (pe.e))
    )
    SELECT e, coalesce(hub, 'ALL'), round(coalesce(missed, 0), 1), round(scheduled, 1),
           CASE WHEN scheduled > 0 THEN round(100 * coalesce(missed, 0) / scheduled, 1) END
    FROM x ORDER BY e, coalesce(hub, 'ALL')
$$;

-- Spend. Before: 2,980 ms, shared hit=176 read=39k, temp read=7.8k: Nested Loop of 13 windows ×
-- Index Scan visits_local_date_idx → Hash Join of visits to itself (Seq Scan of all 482k, 4
-- batches spilled to disk) to reach package_visits → Hash Join to carehub_packages →
-- HashAggregate. After: 14 ms, shared hit=94: visit_outcome_days over the span (its funder,
-- priced hours and spend summed per day), Nested Loop to the windows, HashAggregate (256 rows).
-- At 4× the outcomes: 12.29 s before, 0.13 s after.
CREATE OR REPLACE FUNCTION report_spend_by_funder(p_from date, p_to date, p_by text, p_hub text)
RETURNS TABLE (period_end date, hub text, delivered_hours numeric, priced_hours numeric, spend numeric, share numeric)
LANGUAGE sql STABLE AS $$
    WITH pe AS MATERIALIZED (SELECT * FROM carehub_period_windows(p_from, p_to, p_by)),
    x AS (
        SELECT pe.e, h.code AS hub, d.funder, sum(d.delivered) AS hours, sum(d.priced) AS priced, sum(d.spend) AS spend
        FROM pe JOIN visit_outcome_days d ON d.local_date > pe.prev AND d.local_date <= pe.e JOIN hubs h ON h.id = d.hub_id
        WHERE d.local_date > (SELECT min(prev) FROM pe) AND d.local_date <= (SELECT max(e) FROM pe)  -- the primary key's range
          -- Visits of a package with hours delivered: a day's row has them when its sum is over 0.
          AND d.funder <> '' AND d.delivered > 0 AND (p_hub IS NULL OR h.code = p_hub)
        GROUP BY GROUPING SETS ((pe.e, h.code, d.funder), (pe.e, d.funder))
    )
    SELECT e, coalesce(hub, 'ALL') || ' ' || funder, round(hours, 1), round(coalesce(priced, 0), 1), round(spend, 2),
           round(100 * spend / nullif(sum(spend) OVER (PARTITION BY e, hub), 0), 1)
    FROM x ORDER BY e, coalesce(hub, 'ALL'), funder
$$;

-- M6. Before: 1,400 ms (2,890 ms in EXPLAIN under load): demand joined every period end to
-- carehub_packages ON true, so the view's hours ran as SubPlan 2 24,104 times (shared hit=79k
-- there alone). After: 42 ms, shared hit=7.6k: Hash Joins building the 2,672 packages once
-- (MATERIALIZED), then the join to the 13 period ends. (The seeded county has no published
-- roster, so its legs, per roster assignment, are not measured here.)
CREATE OR REPLACE FUNCTION report_capacity_vs_demand(p_from date, p_to date, p_by text, p_hub text)
RETURNS TABLE (period_end date, hub text, contracted numeric, contact_ratio numeric, supply numeric, demand numeric,
               ratio numeric, gap numeric)
LANGUAGE sql STABLE AS $$
    WITH pes AS (SELECT pe FROM carehub_period_ends(p_from, p_to, p_by) pe),
    hubs_in AS (SELECT id, code FROM hubs WHERE p_hub IS NULL OR code = p_hub),
    pk AS MATERIALIZED (SELECT p.hub, p.valid_from, p.valid_to, p.requested_on, p.hours FROM carehub_packages p),
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
        FROM pes JOIN pk p ON true
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

-- M7. Before: 790 ms (1,264 ms in EXPLAIN under load): each period end joined to
-- carehub_packages, SubPlan 1 (the view's hours) run 24,104 times. After: 97 ms, shared
-- hit=14k: the packages once (SubPlan run 2,226 times), then the join to the period ends.
CREATE OR REPLACE FUNCTION report_package_size(p_from date, p_to date, p_by text, p_hub text)
RETURNS TABLE (period_end date, hub text, people bigint, mean_hours numeric, median_hours numeric)
LANGUAGE sql STABLE AS $$
    WITH pk AS MATERIALIZED (
        SELECT p.hub, p.client_id, p.valid_from, p.valid_to, p.hours FROM carehub_packages p
        WHERE p.valid_from <= p_to AND (p_hub IS NULL OR p.hub = p_hub)
    ), per_person AS (
        SELECT pe, p.hub, p.client_id, sum(p.hours) AS hours
        FROM carehub_period_ends(p_from, p_to, p_by) pe
        JOIN pk p ON p.valid_from <= pe AND (p.valid_to IS NULL OR p.valid_to >= pe)
        GROUP BY pe, p.hub, p.client_id
    ), x AS (
        SELECT pe, hub, count(*) AS people, avg(hours) AS mean, percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) AS median
        FROM per_person GROUP BY GROUPING SETS ((pe, hub), (pe))
    )
    SELECT pe, coalesce(hub, 'ALL'), people, carehub_suppressed(mean::float8, people), carehub_suppressed(median, people)
    FROM x ORDER BY pe, coalesce(hub, 'ALL')
$$;

-- W2 CIPD turnover. Before: 310 ms (report; 375 ms in EXPLAIN): every period end × every direct
-- spell (CROSS JOIN, 27k rows), each running a subquery over generate_series(0, 12) for the 13
-- month-end headcounts. After: 139 ms with the full test suite running beside it, shared hit=49:
-- the spells once (MATERIALIZED); headcounts per distinct month end (24 for twelve months, not
-- 169) and hub, a Nested Loop of those month ends over the spells, summed per period end; leavers
-- from the CROSS JOIN without the subquery. The average is the same sum, regrouped.
CREATE OR REPLACE FUNCTION report_turnover_cipd(p_from date, p_to date, p_by text, p_hub text)
RETURNS TABLE (period_end date, hub text, numerator numeric, denominator numeric, rate numeric)
LANGUAGE sql STABLE SET jit = off AS $$
    WITH pes AS (SELECT pe FROM carehub_period_ends(p_from, p_to, p_by) pe),
    spells AS MATERIALIZED (
        SELECT d.hub, d.start_date, d.end_date, d.left_by_internal_move FROM carehub_direct_spells d WHERE p_hub IS NULL OR d.hub = p_hub
    ), month_ends AS (
        SELECT pe, (date_trunc('month', pe) - make_interval(months => k) + interval '1 month - 1 day')::date AS m
        FROM pes CROSS JOIN generate_series(0, 12) k
    ), heads_at AS (
        -- Twelve monthly periods share their month ends: 24 distinct, not 169.
        SELECT m.m, s.hub, count(*) AS n
        FROM (SELECT DISTINCT m FROM month_ends) m JOIN spells s ON s.start_date <= m.m AND (s.end_date IS NULL OR s.end_date > m.m)
        GROUP BY m.m, s.hub
    ), heads AS (
        SELECT me.pe, h.hub, sum(h.n) AS n FROM month_ends me JOIN heads_at h ON h.m = me.m GROUP BY me.pe, h.hub
    ), leavers AS (
        -- Every hub with a direct spell has a row for every period end, as in 0004.
        SELECT pe, s.hub, count(*) FILTER (WHERE s.end_date > (pe - interval '12 months')::date AND s.end_date <= pe
                                             AND NOT s.left_by_internal_move) AS leavers
        FROM pes CROSS JOIN spells s GROUP BY pe, s.hub
    ), x AS (
        SELECT l.pe, l.hub, sum(l.leavers) AS leavers, sum(coalesce(h.n, 0)) / 13.0 AS average
        FROM leavers l LEFT JOIN heads h ON h.pe = l.pe AND h.hub = l.hub
        GROUP BY GROUPING SETS ((l.pe, l.hub), (l.pe))
    )
    SELECT pe, coalesce(hub, 'ALL'), leavers::numeric, round(average, 2),
           carehub_rate(leavers, average)
    FROM x ORDER BY pe, coalesce(hub, 'ALL')
$$;

-- JIT off in every report function (a function's SET applies to the queries inside it). The
-- planner's costs for these nested queries pass jit_above_cost though they touch a few thousand
-- rows, and compiling then took about 0.5 s: cost-per-hire 520 ms → 108 ms (shared hit=15.7k
-- both: the same plan, Nested Loop of 13 windows × 15 hubs with SubPlans on recruitment_costs and
-- applications), stability 560 → 90 ms. CREATE OR REPLACE drops a
-- function's SET: a migration redefining a report function must say SET jit = off again.
DO $$
DECLARE
    f regprocedure;
BEGIN
    FOR f IN SELECT p.oid::regprocedure FROM pg_proc p WHERE p.proname LIKE 'report\_%' AND pg_function_is_visible(p.oid) LOOP
        EXECUTE format('ALTER FUNCTION %s SET jit = off', f);
    END LOOP;
END $$;
