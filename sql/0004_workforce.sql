-- 0004: workforce history for HR reports, and the national anchor figures they sit beside.
-- Definitions follow Skills for Care (ASC-WDS) and CIPD as set out in the project's metrics spec.

-- One row per job a carer holds: a re-hired carer has two spells; a move between hubs or
-- roles of the same provider ends one spell (an internal move) and starts another.
CREATE TABLE employment_spells (
    id                        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    carer_id                  bigint NOT NULL REFERENCES carers (id) ON DELETE CASCADE,
    hub_id                    bigint NOT NULL REFERENCES hubs (id),
    job_role                  text NOT NULL DEFAULT 'care_worker',
    service_type              text NOT NULL DEFAULT 'domiciliary',
    contract_type             text NOT NULL CHECK (contract_type IN ('permanent', 'temporary', 'bank', 'agency')),
    zero_hours                boolean NOT NULL DEFAULT false,
    contracted_minutes        integer NOT NULL DEFAULT 0 CHECK (contracted_minutes >= 0),
    start_date                date NOT NULL,
    end_date                  date,  -- last day worked
    started_by_internal_move  boolean NOT NULL DEFAULT false,
    CHECK (end_date IS NULL OR end_date >= start_date),
    CHECK (NOT zero_hours OR contracted_minutes = 0)
);
CREATE INDEX employment_spells_carer_idx ON employment_spells (carer_id, start_date);

-- Why and where a spell ended. An internal move is not a leaver at provider level.
CREATE TABLE leaving_events (
    spell_id          bigint PRIMARY KEY REFERENCES employment_spells (id) ON DELETE CASCADE,
    reason_code       text NOT NULL,
    destination_code  text,
    voluntary         boolean NOT NULL,
    internal_move     boolean NOT NULL DEFAULT false
);

CREATE TABLE vacancies (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    external_id   text NOT NULL UNIQUE,
    hub_id        bigint NOT NULL REFERENCES hubs (id),
    job_role      text NOT NULL DEFAULT 'care_worker',
    fte           numeric(4, 2) NOT NULL DEFAULT 1 CHECK (fte > 0),
    opened_on     date NOT NULL,
    closed_on     date,
    close_reason  text,
    CHECK (closed_on IS NULL OR closed_on >= opened_on)
);

-- National figures shown beside local ones; never hard-coded in Swift.
CREATE TABLE anchors (
    metric   text NOT NULL,
    scope    text NOT NULL,
    value    numeric NOT NULL,
    unit     text NOT NULL,
    period   text NOT NULL,
    source   text NOT NULL,
    status   text NOT NULL,  -- as the spec marks it: verified, secondary, dated
    PRIMARY KEY (metric, scope, period)
);
INSERT INTO anchors (metric, scope, value, unit, period, source, status) VALUES
    ('turnover_sfc', 'england_all', 23.1, 'percent', '2024/25', 'Skills for Care, State of the adult social care sector, Oct 2025', 'secondary'),
    ('turnover_sfc', 'england_independent', 24.7, 'percent', '2024/25', 'Skills for Care, Size and structure, 2025', 'secondary'),
    ('vacancy_rate', 'england_all', 7.0, 'percent', '2024/25', 'Skills for Care, Size and structure, Jul 2025', 'verified'),
    ('vacancy_rate', 'england_domcare', 10.1, 'percent', '2024/25', 'Skills for Care via Homecare Association', 'secondary'),
    ('zero_hours_share', 'england_domcare', 37, 'percent', '2023/24', 'Skills for Care, State of the adult social care sector, 2024', 'secondary'),
    ('zero_hours_share', 'england_all', 21, 'percent', '2023/24', 'Skills for Care, State of the adult social care sector, 2024', 'secondary'),
    ('sickness_days_mean', 'england_all', 4.8, 'days', '2018/19', 'Skills for Care, State of the adult social care sector, 2019', 'dated'),
    ('first_year_turnover', 'england_all', 43.7, 'percent', '2021/22', 'Skills for Care policy page', 'dated'),
    ('starters_rate', 'england_all', 39.3, 'percent', '2018/19', 'Skills for Care', 'dated'),
    ('hca_min_price_hour', 'england', 32.14, 'pounds', '2025/26', 'Homecare Association Minimum Price', 'verified'),
    ('la_avg_fee_hour', 'england', 24.10, 'pounds', '2025/26', 'Homecare Association fee-rate research', 'verified'),
    ('homecare_pkg_hours_week', 'england', 14.38, 'hours', '2024/25', 'ADASS Spring Survey 2025 (via VODG)', 'secondary');

-- Period ends for a report: the last day of each month (or quarter) from p_from to p_to,
-- the final one clipped to p_to.
CREATE FUNCTION carehub_period_ends(p_from date, p_to date, p_by text) RETURNS SETOF date
LANGUAGE sql IMMUTABLE AS $$
    WITH step AS (SELECT CASE p_by WHEN 'quarter' THEN interval '3 months' ELSE interval '1 month' END AS i)
    SELECT DISTINCT least(p_to, (date_trunc(p_by, g) + step.i - interval '1 day')::date)
    FROM step, generate_series(date_trunc(p_by, p_from), p_to, step.i) g
    ORDER BY 1
$$;

-- Each period's window: from the day after the previous period end (for the first period, from
-- the start of its month or quarter) up to the period end.
CREATE FUNCTION carehub_period_windows(p_from date, p_to date, p_by text) RETURNS TABLE (e date, prev date)
LANGUAGE sql IMMUTABLE AS $$
    SELECT e, coalesce(lag(e) OVER (ORDER BY e), (date_trunc(p_by, e) - interval '1 day')::date)
    FROM carehub_period_ends(p_from, p_to, p_by) e
$$;

-- A percentage to one decimal, or NULL when the group is under 10: Skills for Care suppresses
-- small groups, and so does every carehub report.
CREATE FUNCTION carehub_rate(numerator numeric, denominator numeric) RETURNS numeric
LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN denominator >= 10 THEN round(100.0 * numerator / denominator, 1) END $$;

-- A figure (a median, a percentile) to one decimal, or NULL when it summarises fewer than 10.
CREATE FUNCTION carehub_suppressed(value double precision, n bigint) RETURNS numeric
LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN n >= 10 THEN round(value::numeric, 1) END $$;

-- Directly employed spells (permanent and temporary), with the leaving event if any.
CREATE VIEW carehub_direct_spells AS
SELECT s.*, h.code AS hub, coalesce(le.internal_move, false) AS left_by_internal_move, le.voluntary, le.reason_code
FROM employment_spells s JOIN hubs h ON h.id = s.hub_id LEFT JOIN leaving_events le ON le.spell_id = s.id
WHERE s.contract_type IN ('permanent', 'temporary');

-- Each report function returns one row per period end and hub, plus an 'ALL' row per period:
-- numerator, denominator, and the rate in percent, NULL (suppressed) when the denominator is
-- under 10, as Skills for Care suppresses small groups.

-- W1 Skills for Care turnover: leavers in the 12 months to the period end (internal moves
-- excluded) ÷ directly employed in post at the period end.
CREATE FUNCTION report_turnover_sfc(p_from date, p_to date, p_by text, p_hub text)
RETURNS TABLE (period_end date, hub text, numerator numeric, denominator numeric, rate numeric)
LANGUAGE sql STABLE AS $$
    WITH x AS (
        SELECT pe, d.hub,
               count(*) FILTER (WHERE d.end_date > (pe - interval '12 months')::date AND d.end_date <= pe
                                  AND NOT d.left_by_internal_move) AS leavers,
               count(*) FILTER (WHERE d.start_date <= pe AND (d.end_date IS NULL OR d.end_date > pe)) AS in_post
        FROM carehub_period_ends(p_from, p_to, p_by) pe CROSS JOIN carehub_direct_spells d
        WHERE p_hub IS NULL OR d.hub = p_hub
        GROUP BY GROUPING SETS ((pe, d.hub), (pe))
    )
    SELECT pe, coalesce(hub, 'ALL'), leavers::numeric, in_post::numeric,
           carehub_rate(leavers, in_post)
    FROM x ORDER BY pe, coalesce(hub, 'ALL')
$$;

-- W2 CIPD crude turnover: the same leavers ÷ the average of the 13 month-end headcounts in
-- the 12 months to the period end.
CREATE FUNCTION report_turnover_cipd(p_from date, p_to date, p_by text, p_hub text)
RETURNS TABLE (period_end date, hub text, numerator numeric, denominator numeric, rate numeric)
LANGUAGE sql STABLE AS $$
    WITH x AS (
        SELECT pe, d.hub,
               count(*) FILTER (WHERE d.end_date > (pe - interval '12 months')::date AND d.end_date <= pe
                                  AND NOT d.left_by_internal_move) AS leavers,
               sum((SELECT count(*) FROM generate_series(0, 12) k
                    WHERE d.start_date <= (date_trunc('month', pe) - make_interval(months => k) + interval '1 month - 1 day')::date
                      AND (d.end_date IS NULL OR d.end_date > (date_trunc('month', pe) - make_interval(months => k) + interval '1 month - 1 day')::date)))
                   / 13.0 AS average
        FROM carehub_period_ends(p_from, p_to, p_by) pe CROSS JOIN carehub_direct_spells d
        WHERE p_hub IS NULL OR d.hub = p_hub
        GROUP BY GROUPING SETS ((pe, d.hub), (pe))
    )
    SELECT pe, coalesce(hub, 'ALL'), leavers::numeric, round(average, 2),
           carehub_rate(leavers, average)
    FROM x ORDER BY pe, coalesce(hub, 'ALL')
$$;

-- W3 stability (NHS stability index): directly employed in post 12 months before the period end
-- who are still employed (any spell, so an internal move stays) at the period end ÷ those in post then.
CREATE FUNCTION report_stability(p_from date, p_to date, p_by text, p_hub text)
RETURNS TABLE (period_end date, hub text, numerator numeric, denominator numeric, rate numeric)
LANGUAGE sql STABLE AS $$
    WITH x AS (
        SELECT pe, d.hub,
               count(*) FILTER (WHERE EXISTS (SELECT 1 FROM carehub_direct_spells later
                                              WHERE later.carer_id = d.carer_id AND later.start_date <= pe
                                                AND (later.end_date IS NULL OR later.end_date > pe))) AS stayed,
               count(*) AS at_start
        FROM carehub_period_ends(p_from, p_to, p_by) pe
        JOIN carehub_direct_spells d ON d.start_date <= (pe - interval '12 months')::date
                                    AND (d.end_date IS NULL OR d.end_date > (pe - interval '12 months')::date)
        WHERE p_hub IS NULL OR d.hub = p_hub
        GROUP BY GROUPING SETS ((pe, d.hub), (pe))
    )
    SELECT pe, coalesce(hub, 'ALL'), stayed::numeric, at_start::numeric,
           carehub_rate(stayed, at_start)
    FROM x ORDER BY pe, coalesce(hub, 'ALL')
$$;

-- W4 starters rate: directly employed spells starting in the 12 months to the period end (not
-- internal moves) ÷ directly employed in post at the period end.
CREATE FUNCTION report_starters(p_from date, p_to date, p_by text, p_hub text)
RETURNS TABLE (period_end date, hub text, numerator numeric, denominator numeric, rate numeric)
LANGUAGE sql STABLE AS $$
    WITH x AS (
        SELECT pe, d.hub,
               count(*) FILTER (WHERE d.start_date > (pe - interval '12 months')::date AND d.start_date <= pe
                                  AND NOT d.started_by_internal_move) AS starters,
               count(*) FILTER (WHERE d.start_date <= pe AND (d.end_date IS NULL OR d.end_date > pe)) AS in_post
        FROM carehub_period_ends(p_from, p_to, p_by) pe CROSS JOIN carehub_direct_spells d
        WHERE p_hub IS NULL OR d.hub = p_hub
        GROUP BY GROUPING SETS ((pe, d.hub), (pe))
    )
    SELECT pe, coalesce(hub, 'ALL'), starters::numeric, in_post::numeric,
           carehub_rate(starters, in_post)
    FROM x ORDER BY pe, coalesce(hub, 'ALL')
$$;

-- W5 vacancy rate: vacancies open at the period end ÷ (directly employed in post + open vacancies).
CREATE FUNCTION report_vacancy_rate(p_from date, p_to date, p_by text, p_hub text)
RETURNS TABLE (period_end date, hub text, numerator numeric, denominator numeric, rate numeric)
LANGUAGE sql STABLE AS $$
    WITH counts AS (
        SELECT pe, h.code AS hub,
               (SELECT count(*) FROM vacancies v WHERE v.hub_id = h.id AND v.opened_on <= pe
                  AND (v.closed_on IS NULL OR v.closed_on > pe)) AS open,
               (SELECT count(*) FROM carehub_direct_spells d WHERE d.hub_id = h.id AND d.start_date <= pe
                  AND (d.end_date IS NULL OR d.end_date > pe)) AS filled
        FROM carehub_period_ends(p_from, p_to, p_by) pe CROSS JOIN hubs h
        WHERE p_hub IS NULL OR h.code = p_hub
    ), x AS (
        SELECT pe, hub, sum(open) AS open, sum(open + filled) AS posts FROM counts GROUP BY GROUPING SETS ((pe, hub), (pe))
    )
    SELECT pe, coalesce(hub, 'ALL'), open, posts, carehub_rate(open, posts)
    FROM x ORDER BY pe, coalesce(hub, 'ALL')
$$;

-- W11 zero-hours share: directly employed in post on zero-hours contracts ÷ all directly employed in post.
CREATE FUNCTION report_zero_hours(p_from date, p_to date, p_by text, p_hub text)
RETURNS TABLE (period_end date, hub text, numerator numeric, denominator numeric, rate numeric)
LANGUAGE sql STABLE AS $$
    WITH x AS (
        SELECT pe, d.hub, count(*) FILTER (WHERE d.zero_hours) AS zero, count(*) AS in_post
        FROM carehub_period_ends(p_from, p_to, p_by) pe
        JOIN carehub_direct_spells d ON d.start_date <= pe AND (d.end_date IS NULL OR d.end_date > pe)
        WHERE p_hub IS NULL OR d.hub = p_hub
        GROUP BY GROUPING SETS ((pe, d.hub), (pe))
    )
    SELECT pe, coalesce(hub, 'ALL'), zero::numeric, in_post::numeric,
           carehub_rate(zero, in_post)
    FROM x ORDER BY pe, coalesce(hub, 'ALL')
$$;
