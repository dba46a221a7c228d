import CareModel

/// Reads the weekly reports: capacity against demand, and skills needed against held, per hub
/// for one ISO week (Monday to Sunday in each hub's time zone).
public struct WeeklyReportRepository {
    let db: Connection

    public init(_ db: Connection) { self.db = db }

    /// Each hub's staff, shift time and commissioned care for `week`, for every hub or one.
    public func capacity(week: ISOWeek, hubCode: String? = nil) throws -> [HubCapacityLine] {
        let monday = week.monday
        let sunday = monday.adding(days: 6)
        let result = try db.query(
            """
            WITH wk AS (
                SELECT h.id AS hub_id, h.code, h.name,
                       tstzrange(\(monday)::date::timestamp AT TIME ZONE h.timezone,
                                 (\(monday)::date + 7)::timestamp AT TIME ZONE h.timezone) AS span
                FROM hubs h WHERE \(hubCode)::text IS NULL OR h.code = \(hubCode)
            ), staff AS (
                SELECT c.* FROM carers c
                WHERE c.start_date <= \(sunday)::date AND (c.end_date IS NULL OR c.end_date >= \(monday)::date)
            ), shift_time AS (
                SELECT s.carer_id,
                       sum(extract(epoch FROM upper(r) - lower(r)) / 60
                           - coalesce((SELECT sum(extract(epoch FROM upper(r * tstzrange(a.starts_at, a.ends_at))
                                                             - lower(r * tstzrange(a.starts_at, a.ends_at))) / 60)
                                       FROM absences a
                                       WHERE a.carer_id = s.carer_id AND tstzrange(a.starts_at, a.ends_at) && r), 0)) AS minutes
                FROM (SELECT s.carer_id, tstzrange(s.starts_at, s.ends_at) * wk.span AS r
                      FROM carer_shifts s JOIN staff c ON c.id = s.carer_id JOIN wk ON wk.hub_id = c.hub_id
                      WHERE tstzrange(s.starts_at, s.ends_at) && wk.span) s
                GROUP BY s.carer_id
            ), days AS (
                SELECT d::date AS day, extract(isodow FROM d)::int AS dow
                FROM generate_series(\(monday)::date, \(sunday)::date, interval '1 day') d
            ), calls AS (
                SELECT cl.hub_id, cl.id AS client_id, cl.home_first, pv.carers_needed, pv.duration_minutes
                FROM package_visits pv
                JOIN care_packages p ON p.id = pv.package_id
                JOIN clients cl ON cl.id = p.client_id
                JOIN days ON days.dow = pv.weekday
                WHERE p.valid_from <= days.day AND (p.valid_to IS NULL OR p.valid_to >= days.day)
            ),
            -- Each figure grouped by hub once, then joined: a subquery per hub over the whole
            -- county's staff and calls grew with hubs × county (640 ms at 15 hubs, 2026-W48).
            staff_by_hub AS (
                SELECT hub_id, count(*) AS carers, count(*) FILTER (WHERE zero_hours) AS zero_hours,
                       sum(contracted_minutes_per_week) AS contracted
                FROM staff GROUP BY hub_id
            ), available_by_hub AS (
                SELECT c.hub_id, round(sum(t.minutes))::bigint AS available FROM shift_time t JOIN staff c ON c.id = t.carer_id GROUP BY c.hub_id
            ), absent_by_hub AS (
                SELECT c.hub_id, count(DISTINCT a.carer_id) AS absent
                FROM absences a JOIN staff c ON c.id = a.carer_id JOIN wk ON wk.hub_id = c.hub_id
                WHERE tstzrange(a.starts_at, a.ends_at) && wk.span
                GROUP BY c.hub_id
            ), calls_by_hub AS (
                SELECT hub_id, count(DISTINCT client_id) AS clients, count(DISTINCT client_id) FILTER (WHERE home_first) AS home_first,
                       count(*) AS calls, count(*) FILTER (WHERE carers_needed > 1) AS double_ups,
                       sum(duration_minutes * carers_needed) AS demand
                FROM calls GROUP BY hub_id
            )
            SELECT wk.code, wk.name, coalesce(s.carers, 0) AS carers, coalesce(s.zero_hours, 0) AS zero_hours,
                   coalesce(s.contracted, 0) AS contracted, coalesce(av.available, 0) AS available, coalesce(ab.absent, 0) AS absent,
                   coalesce(k.clients, 0) AS clients, coalesce(k.home_first, 0) AS home_first, coalesce(k.calls, 0) AS calls,
                   coalesce(k.double_ups, 0) AS double_ups, coalesce(k.demand, 0) AS demand
            FROM wk
            LEFT JOIN staff_by_hub s ON s.hub_id = wk.hub_id
            LEFT JOIN available_by_hub av ON av.hub_id = wk.hub_id
            LEFT JOIN absent_by_hub ab ON ab.hub_id = wk.hub_id
            LEFT JOIN calls_by_hub k ON k.hub_id = wk.hub_id
            ORDER BY wk.code
            """)
        return try result.rows.map { row in
            HubCapacityLine(
                hubCode: try row.decode("code"), hubName: try row.decode("name"), carers: try row.decode("carers"),
                zeroHoursCarers: try row.decode("zero_hours"), contractedMinutes: try row.decode("contracted"),
                availableMinutes: try row.decode("available"), absentCarers: try row.decode("absent"),
                clients: try row.decode("clients"), homeFirstClients: try row.decode("home_first"),
                calls: try row.decode("calls"), doubleUpCalls: try row.decode("double_ups"), demandMinutes: try row.decode("demand"))
        }
    }

    /// For each skill the week's calls need: calls needing it and carers holding it on the
    /// week's Monday (lapsed qualifications counted apart), for every hub or one.
    public func skills(week: ISOWeek, hubCode: String? = nil) throws -> [SkillCoverageLine] {
        let monday = week.monday
        let sunday = monday.adding(days: 6)
        let result = try db.query(
            """
            WITH days AS (
                SELECT d::date AS day, extract(isodow FROM d)::int AS dow
                FROM generate_series(\(monday)::date, \(sunday)::date, interval '1 day') d
            ), needed AS (
                SELECT cl.hub_id, unnest(pv.skills)::text AS skill
                FROM package_visits pv
                JOIN care_packages p ON p.id = pv.package_id
                JOIN clients cl ON cl.id = p.client_id
                JOIN days ON days.dow = pv.weekday
                WHERE p.valid_from <= days.day AND (p.valid_to IS NULL OR p.valid_to >= days.day)
            ), holders AS (
                SELECT c.hub_id, s.skill::text AS skill,
                       count(*) FILTER (WHERE s.qualified_on <= \(monday)::date
                                          AND (s.expires_on IS NULL OR s.expires_on > \(monday)::date)) AS valid,
                       count(*) FILTER (WHERE s.expires_on <= \(monday)::date) AS expired
                FROM carer_skills s JOIN carers c ON c.id = s.carer_id
                WHERE c.start_date <= \(sunday)::date AND (c.end_date IS NULL OR c.end_date >= \(monday)::date)
                GROUP BY c.hub_id, s.skill
            )
            SELECT h.code, n.skill, count(*) AS calls,
                   coalesce(max(ho.valid), 0) AS carers, coalesce(max(ho.expired), 0) AS expired
            FROM needed n
            JOIN hubs h ON h.id = n.hub_id
            LEFT JOIN holders ho ON ho.hub_id = n.hub_id AND ho.skill = n.skill
            WHERE \(hubCode)::text IS NULL OR h.code = \(hubCode)
            GROUP BY h.code, n.skill
            ORDER BY h.code, n.skill
            """)
        return try result.rows.map { row in
            SkillCoverageLine(
                hubCode: try row.decode("code"), skill: try row.decode("skill"), calls: try row.decode("calls"),
                carers: try row.decode("carers"), expiredHolders: try row.decode("expired"))
        }
    }
}
