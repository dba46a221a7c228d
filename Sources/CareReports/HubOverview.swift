import CareModel
import CareStore

/// Capacity against demand for each hub in one ISO week: who is employed and on shift, and
/// how much care the valid packages commission. The first thing a hub manager checks before
/// generating a roster: is there enough staff time at all?
public struct HubOverview: Sendable, Equatable {
    /// One hub's figures for the week.
    public struct Line: Sendable, Equatable {
        public let hubCode: String
        public let hubName: String
        /// Carers employed on at least one day of the week.
        public let carers: Int
        public let zeroHoursCarers: Int
        public let contractedMinutes: Int
        /// Shift minutes in the week, less time lost to absences.
        public let availableMinutes: Int
        public let absentCarers: Int
        /// Clients with a package valid on at least one day of the week.
        public let clients: Int
        public let homeFirstClients: Int
        /// Calls the packages commission this week, and how many need two or more carers.
        public let calls: Int
        public let doubleUpCalls: Int
        /// Carer-minutes of care commissioned (a double-up counts each carer).
        public let demandMinutes: Int

        /// Zero-hours carers as a share of carers (0 when there are none).
        public var zeroHoursShare: Double { carers == 0 ? 0 : Double(zeroHoursCarers) / Double(carers) }
        /// Available shift time over commissioned care time; below about 1.25 travel will not fit.
        public var capacityRatio: Double? { demandMinutes == 0 ? nil : Double(availableMinutes) / Double(demandMinutes) }
    }

    public let week: ISOWeek
    public let lines: [Line]

    /// Computes the overview from the database, for every hub or one.
    public static func load(_ db: Connection, week: ISOWeek, hubCode: String? = nil) throws -> HubOverview {
        let monday = week.monday
        let sunday = monday.adding(days: 6)
        let result = try db.query("""
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
        let lines = try result.rows.map { row in
            Line(
                hubCode: try row.decode("code"), hubName: try row.decode("name"), carers: try row.decode("carers"),
                zeroHoursCarers: try row.decode("zero_hours"), contractedMinutes: try row.decode("contracted"),
                availableMinutes: try row.decode("available"), absentCarers: try row.decode("absent"),
                clients: try row.decode("clients"), homeFirstClients: try row.decode("home_first"),
                calls: try row.decode("calls"), doubleUpCalls: try row.decode("double_ups"), demandMinutes: try row.decode("demand"))
        }
        return HubOverview(week: week, lines: lines)
    }
}
