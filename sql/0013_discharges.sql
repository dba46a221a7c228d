-- 0013: hospital discharges for Home First and Better Care Fund measures. Forward-only.

CREATE TABLE hospital_discharges (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    external_id           text NOT NULL UNIQUE,
    hub_id                bigint NOT NULL REFERENCES hubs (id),
    client_id             bigint REFERENCES clients (id),
    age_at_discharge      integer NOT NULL CHECK (age_at_discharge BETWEEN 0 AND 120),
    discharge_ready_date  date,
    discharge_date        date NOT NULL,
    pathway               smallint NOT NULL CHECK (pathway BETWEEN 0 AND 3),
    reablement_start      date,
    council_funded        boolean NOT NULL DEFAULT true,
    -- Where the person was 91 days after discharge; NULL while not yet known.
    status_at_91          text CHECK (status_at_91 IN ('home', 'hospital', 'care_home', 'died', 'unknown')),
    CHECK (discharge_ready_date IS NULL OR discharge_ready_date <= discharge_date),
    CHECK (reablement_start IS NULL OR reablement_start >= discharge_date)
);
CREATE INDEX hospital_discharges_date_idx ON hospital_discharges (discharge_date);

-- B1 (ASCOF 2B(1)): people aged 65+ discharged in the period into council-funded reablement who
-- were at home 91 days later ÷ all of them. Deaths, hospital, care homes and unknown stay in the
-- denominator. Only discharges at least 91 days before p_to count (a cohort not yet matured is
-- left out, not counted as failing).
CREATE FUNCTION report_reablement_91(p_from date, p_to date, p_by text, p_hub text)
RETURNS TABLE (period_end date, hub text, numerator numeric, denominator numeric, rate numeric)
LANGUAGE sql STABLE AS $$
    WITH pe AS (SELECT * FROM carehub_period_windows(p_from, p_to, p_by)),
    x AS (
        SELECT pe.e, h.code AS hub, count(*) FILTER (WHERE d.status_at_91 = 'home') AS home, count(*) AS cohort
        FROM pe JOIN hospital_discharges d ON d.discharge_date > pe.prev AND d.discharge_date <= pe.e
        JOIN hubs h ON h.id = d.hub_id
        WHERE d.age_at_discharge >= 65 AND d.reablement_start IS NOT NULL AND d.council_funded
          AND d.discharge_date + 91 <= p_to AND (p_hub IS NULL OR h.code = p_hub)
        GROUP BY GROUPING SETS ((pe.e, h.code), (pe.e))
    )
    SELECT e, coalesce(hub, 'ALL'), home::numeric, cohort::numeric,
           carehub_rate(home, cohort)
    FROM x ORDER BY e, coalesce(hub, 'ALL')
$$;

-- B5: days from the discharge-ready date to discharge, for discharges in the period that have one.
CREATE FUNCTION report_discharge_delay(p_from date, p_to date, p_by text, p_hub text)
RETURNS TABLE (period_end date, hub text, count bigint, median numeric, p90 numeric)
LANGUAGE sql STABLE AS $$
    WITH pe AS (SELECT * FROM carehub_period_windows(p_from, p_to, p_by)),
    x AS (
        SELECT pe.e, h.code AS hub, count(*) AS n,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY d.discharge_date - d.discharge_ready_date) AS median,
               percentile_cont(0.9) WITHIN GROUP (ORDER BY d.discharge_date - d.discharge_ready_date) AS p90
        FROM pe JOIN hospital_discharges d ON d.discharge_date > pe.prev AND d.discharge_date <= pe.e AND d.discharge_ready_date IS NOT NULL
        JOIN hubs h ON h.id = d.hub_id
        WHERE p_hub IS NULL OR h.code = p_hub
        GROUP BY GROUPING SETS ((pe.e, h.code), (pe.e))
    )
    SELECT e, coalesce(hub, 'ALL'), n, carehub_suppressed(median, n),
           carehub_suppressed(p90, n)
    FROM x ORDER BY e, coalesce(hub, 'ALL')
$$;
