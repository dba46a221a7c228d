import CareModel
import CareStore

/// For each skill the week's calls need: how many calls need it and how many carers hold it
/// (valid on the week's Monday; expired qualifications do not count). Shows skill gaps
/// before the solver reports them as unassigned visits.
public struct SkillCoverage: Sendable, Equatable {
    /// One hub and skill.
    public struct Line: Sendable, Equatable {
        public let hubCode: String
        public let skill: String
        public let calls: Int
        public let carers: Int
        /// Holders whose qualification has lapsed by the week's Monday.
        public let expiredHolders: Int
    }

    public let week: ISOWeek
    public let lines: [Line]

    /// Computes the coverage for every hub or one.
    public static func load(_ db: Connection, week: ISOWeek, hubCode: String? = nil) throws -> SkillCoverage {
        let monday = week.monday
        let sunday = monday.adding(days: 6)
        let result = try db.query("""
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
        let lines = try result.rows.map { row in
            Line(
                hubCode: try row.decode("code"), skill: try row.decode("skill"), calls: try row.decode("calls"),
                carers: try row.decode("carers"), expiredHolders: try row.decode("expired"))
        }
        return SkillCoverage(week: week, lines: lines)
    }
}
