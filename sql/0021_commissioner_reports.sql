-- Market and Better Care Fund reports for commissioners. A commissioner holds no privilege on any
-- table of people (0020), so the report functions, which run as their caller, are refused. Each
-- market or BCF report now has a twin, commissioner_<report>, that runs as the owner (all hubs:
-- commissioners read county and hub totals) and hides every figure of a row that stands for one
-- to four people, as carehub_commissioning_summary does. Which column counts the people of a row:
--   waiting, handbacks, package-size: people;  pathway-mix: discharges;  discharge-delay: count;
--   reablement-91: denominator (people aged 65+ discharged into reablement).
-- Reports of hours and money (delivered and undelivered hours, spend by funder, rate against the
-- minimum price, capacity against demand) count no people and are passed through: a hub's or the
-- county's hours in a period describe a service, not a person. Only these twins are granted to
-- commissioners; the workforce reports stay HR's.
DO $$
DECLARE
    report record;
    columns text;
BEGIN
    FOR report IN
        SELECT * FROM (VALUES
            ('report_waiting', 'people'), ('report_handbacks', 'people'), ('report_package_size', 'people'),
            ('report_pathway_mix', 'discharges'), ('report_discharge_delay', 'count'), ('report_reablement_91', 'denominator'),
            ('report_delivered_hours', NULL), ('report_undelivered_hours', NULL), ('report_spend_by_funder', NULL),
            ('report_rate_vs_min_price', NULL), ('report_capacity_vs_demand', NULL)
        ) AS r(name, people)
    LOOP
        SELECT string_agg(
                   CASE WHEN a.n IN ('period_end', 'hub') OR report.people IS NULL THEN format('r.%I', a.n)
                        ELSE format('CASE WHEN r.%I BETWEEN 1 AND 4 THEN NULL ELSE r.%I END', report.people, a.n) END,
                   ', ' ORDER BY a.ord)
          INTO columns
          FROM pg_proc p, unnest(p.proargnames, p.proargmodes) WITH ORDINALITY AS a(n, m, ord)
         WHERE p.oid = report.name::regproc AND a.m = 't';
        EXECUTE format(
            $f$CREATE FUNCTION %I(p_from date, p_to date, p_by text, p_hub text) RETURNS %s
               LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
               AS 'SELECT %s FROM %I(p_from, p_to, p_by, p_hub) r'$f$,
            'commissioner_' || report.name, pg_get_function_result(report.name::regproc), replace(columns, '''', ''''''), report.name);
        EXECUTE format('REVOKE ALL ON FUNCTION %I(date, date, text, text) FROM PUBLIC', 'commissioner_' || report.name);
        EXECUTE format('GRANT EXECUTE ON FUNCTION %I(date, date, text, text) TO carehub_commissioner, carehub_admin',
                       'commissioner_' || report.name);
    END LOOP;
END $$;
