import CareModel

extension WeekProblemLoader {
    /// One carer's recent visits to one client (`clients[].history` in carehub.problem/1).
    public struct HistoryEntry: Hashable, Sendable {
        public let carer: String
        public let visits: Int

        public init(carer: String, visits: Int) {
            self.carer = carer
            self.visits = visits
        }
    }

    /// How many weeks before the generated one `history` reads.
    public static let historyWeeks = 4

    /// Per client of `hubCodes`: the carers who served them in the published rosters of the
    /// `historyWeeks` weeks before `week`, with how many visits each did over those weeks (a
    /// double-up counts once for each of its carers; visits cancelled since are not counted),
    /// most visits first, then by carer id. Clients nobody visited have no entry.
    ///
    /// Read as the acting person: row-level security limits it to their hubs' rosters, and a
    /// carer of another hub appears only while the person may read that carer (lent).
    public func history(hubCodes: [String], week: ISOWeek) throws -> [String: [HistoryEntry]] {
        let weeks = (1...Self.historyWeeks).map { ISOWeek(containing: week.monday.adding(days: -7 * $0)).description }
        let rows = try db.query(
            """
            SELECT cl.external_id AS client, c.external_id AS carer, count(DISTINCT ra.visit_id) AS visits
            FROM rosters r
            JOIN hubs h ON h.id = r.hub_id
            JOIN roster_assignments ra ON ra.roster_id = r.id
            JOIN visits v ON v.id = ra.visit_id
            JOIN clients cl ON cl.id = v.client_id
            JOIN carers c ON c.id = ra.carer_id
            WHERE r.status = 'published' AND r.iso_week = ANY(\(weeks)::text[]) AND h.code = ANY(\(hubCodes)::text[])
              AND cl.hub_id = r.hub_id AND v.status <> 'cancelled'
            GROUP BY cl.external_id, c.external_id
            ORDER BY cl.external_id, count(DISTINCT ra.visit_id) DESC, c.external_id
            """
        ).rows
        var history: [String: [HistoryEntry]] = [:]
        for row in rows {
            // The format's bound on a count (a week has 10,080 minutes; no more visits than that).
            let visits = min(try row.decode("visits", as: Int.self), 10080)
            history[try row.decode("client"), default: []].append(HistoryEntry(carer: try row.decode("carer"), visits: visits))
        }
        return history
    }

    /// Per planned visit of `hubCodes` in `week` (by visit id, as in the problem): the carers who did
    /// the same package call on the same weekday of the week before, in that week's published
    /// roster, sorted (`visits[].previous_carers`). Visits with no such call, whose call nobody
    /// did or was cancelled, or that now need fewer carers than did it, have no entry. Read as
    /// the acting person, like `history`.
    public func previousCarers(hubCodes: [String], week: ISOWeek) throws -> [String: [String]] {
        let monday = week.monday
        let sunday = monday.adding(days: 6)
        let previous = ISOWeek(containing: monday.adding(days: -7)).description
        let rows = try db.query(
            """
            SELECT v.id AS visit, array_agg(c.external_id ORDER BY c.external_id) AS carers
            FROM visits v
            JOIN clients cl ON cl.id = v.client_id
            JOIN hubs h ON h.id = cl.hub_id
            JOIN visits p ON p.package_visit_id = v.package_visit_id AND p.local_date = v.local_date - 7
            JOIN roster_assignments ra ON ra.visit_id = p.id
            JOIN rosters r ON r.id = ra.roster_id AND r.hub_id = cl.hub_id
            JOIN carers c ON c.id = ra.carer_id
            WHERE h.code = ANY(\(hubCodes)::text[]) AND v.local_date BETWEEN \(monday)::date AND \(sunday)::date
              AND r.status = 'published' AND r.iso_week = \(previous) AND p.status <> 'cancelled'
            GROUP BY v.id, v.carers_needed
            HAVING count(*) <= v.carers_needed
            ORDER BY v.id
            """
        ).rows
        var carers: [String: [String]] = [:]
        for row in rows { carers[String(try row.decode("visit", as: Int.self))] = try row.decode("carers", as: [String].self) }
        return carers
    }

    /// Those of `hubCodes` with at least one published roster in the `historyWeeks` weeks before
    /// `week`: their clients' history is known (possibly empty: nobody visited them); for the
    /// other hubs (a first week on carehub) it is not, and the problem leaves it out.
    public func hubsWithHistory(hubCodes: [String], week: ISOWeek) throws -> Set<String> {
        let weeks = (1...Self.historyWeeks).map { ISOWeek(containing: week.monday.adding(days: -7 * $0)).description }
        return Set(
            try db.query(
                """
                SELECT DISTINCT h.code FROM rosters r JOIN hubs h ON h.id = r.hub_id
                WHERE r.status = 'published' AND r.iso_week = ANY(\(weeks)::text[]) AND h.code = ANY(\(hubCodes)::text[])
                """
            ).rows.map { try $0.decode("code", as: String.self) })
    }
}
