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
            )
            SELECT wk.code, wk.name,
                   (SELECT count(*) FROM staff c WHERE c.hub_id = wk.hub_id) AS carers,
                   (SELECT count(*) FROM staff c WHERE c.hub_id = wk.hub_id AND c.zero_hours) AS zero_hours,
                   (SELECT coalesce(sum(c.contracted_minutes_per_week), 0) FROM staff c WHERE c.hub_id = wk.hub_id) AS contracted,
                   (SELECT coalesce(round(sum(t.minutes)), 0)::bigint FROM shift_time t JOIN staff c ON c.id = t.carer_id
                     WHERE c.hub_id = wk.hub_id) AS available,
                   (SELECT count(DISTINCT a.carer_id) FROM absences a JOIN staff c ON c.id = a.carer_id
                     WHERE c.hub_id = wk.hub_id AND tstzrange(a.starts_at, a.ends_at) && wk.span) AS absent,
                   (SELECT count(DISTINCT client_id) FROM calls WHERE calls.hub_id = wk.hub_id) AS clients,
                   (SELECT count(DISTINCT client_id) FROM calls WHERE calls.hub_id = wk.hub_id AND home_first) AS home_first,
                   (SELECT count(*) FROM calls WHERE calls.hub_id = wk.hub_id) AS calls,
                   (SELECT count(*) FROM calls WHERE calls.hub_id = wk.hub_id AND carers_needed > 1) AS double_ups,
                   (SELECT coalesce(sum(duration_minutes * carers_needed), 0) FROM calls WHERE calls.hub_id = wk.hub_id) AS demand
            FROM wk ORDER BY wk.code
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
