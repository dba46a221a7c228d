import CareModel

extension WeekProblemLoader {
    /// A link between two of the week's visits (`links[]` in carehub.problem/1), visit ids as the problem has them.
    public struct VisitLink: Hashable, Sendable {
        public let first: String
        public let second: String
        public let minGapMinutes: Int
        public let maxGapMinutes: Int
        public let differentCarers: Bool
    }

    /// The links `visits plan` wrote between visits that are both among `visitIDs` (the
    /// problem's visits: a link to a cancelled or recorded visit is left out), by first then
    /// second visit id.
    func links(among visitIDs: [Int]) throws -> [VisitLink] {
        try db.query(
            """
            SELECT l.first_visit_id, l.second_visit_id, l.min_gap_minutes, l.max_gap_minutes, l.different_carers
            FROM visit_links l
            WHERE l.first_visit_id = ANY(\(visitIDs)::bigint[]) AND l.second_visit_id = ANY(\(visitIDs)::bigint[])
            ORDER BY l.first_visit_id, l.second_visit_id
            """
        ).rows.map { row in
            VisitLink(
                first: String(try row.decode("first_visit_id", as: Int.self)), second: String(try row.decode("second_visit_id", as: Int.self)),
                minGapMinutes: try row.decode("min_gap_minutes"), maxGapMinutes: try row.decode("max_gap_minutes"),
                differentCarers: try row.decode("different_carers"))
        }
    }
}
