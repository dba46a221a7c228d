import CareModel

/// Reads and writes for the home-care market figures: packages as commissioned, and visit
/// outcomes in bulk (call monitoring sends a week at a time).
public struct MarketRepository {
    let db: Connection

    public init(_ db: Connection) { self.db = db }

    /// A package with its client's funding, Home First flag and weekly care hours (the sum of
    /// its calls, each carer counted).
    public struct PackageRow: Sendable {
        public let packageID: String
        public let clientID: String
        public let hub: String
        public let validFrom: LocalDate?
        public let funding: FundingStream
        public let homeFirst: Bool
        public let weeklyHours: Double
    }

    /// Every package, by external id.
    public func packages() throws -> [PackageRow] {
        try db.query(
            """
            SELECT p.external_id, cl.external_id AS client, h.code, p.valid_from, cl.funding_stream, cl.home_first,
                   coalesce((SELECT sum(pv.duration_minutes * pv.carers_needed) / 60.0 FROM package_visits pv WHERE pv.package_id = p.id),
                       0)::float8 AS hours
            FROM care_packages p JOIN clients cl ON cl.id = p.client_id JOIN hubs h ON h.id = cl.hub_id
            ORDER BY p.external_id
            """
        ).rows.map { row in
            PackageRow(
                packageID: try row.decode("external_id"), clientID: try row.decode("client"), hub: try row.decode("code"),
                validFrom: try row.decode("valid_from", as: LocalDate?.self), funding: try row.decode("funding_stream"),
                homeFirst: try row.decode("home_first"), weeklyHours: try row.decode("hours"))
        }
    }

    /// Visits still `planned` with a local date from `from` to `to`, by id: (id, minutes).
    public func plannedVisits(from: LocalDate, to: LocalDate) throws -> [(id: Int, minutes: Int)] {
        try db.query(
            """
            SELECT id, duration_minutes FROM visits WHERE status = 'planned' AND local_date BETWEEN \(from)::date AND \(to)::date ORDER BY id
            """
        ).rows.map { (try $0.decode("id"), try $0.decode("duration_minutes")) }
    }

    /// Records what happened at one visit (the outcomes file). Never new: the visit must exist.
    @discardableResult
    public func record(_ o: VisitOutcome) throws -> UpsertOutcome {
        let (status, by) = o.status.columns
        guard try db.query("SELECT 1 FROM visits WHERE id = \(o.visitID)").rows.count == 1 else {
            throw ReferenceError(writing: "outcome", missingKind: "visit", missingID: String(o.visitID))
        }
        let changed = try db.execute(
            """
            UPDATE visits SET status = \(status), cancelled_by = \(by), actual_start = \(o.actualStart)::timestamptz,
                   actual_minutes = \(o.actualMinutes), outcome_recorded_at = now(), updated_at = now()
            WHERE id = \(o.visitID)
              AND (status, cancelled_by, actual_start, actual_minutes)
                  IS DISTINCT FROM (\(status)::text, \(by)::text, \(o.actualStart)::timestamptz, \(o.actualMinutes)::integer)
            """)
        return changed > 0 ? .updated : .unchanged
    }

    /// Records many outcomes in one statement (arrays bound as parameters). Returns how many
    /// visits changed.
    @discardableResult
    public func record(_ outcomes: [VisitOutcome]) throws -> Int {
        let columns = outcomes.map(\.status.columns)
        let status = columns.map(\.status)
        let by = columns.map(\.cancelledBy)
        return try db.execute(
            """
            UPDATE visits v SET status = o.status, cancelled_by = o.by, actual_start = o.start, actual_minutes = o.minutes,
                   outcome_recorded_at = now(), updated_at = now()
            FROM unnest(\(outcomes.map(\.visitID))::bigint[], \(status)::text[], \(by)::text[], \(outcomes.map(\.actualStart))::timestamptz[],
                        \(outcomes.map(\.actualMinutes))::int[]) AS o(id, status, by, start, minutes)
            WHERE v.id = o.id
            """)
    }
}

extension VisitOutcome.Status {
    /// The visit's `status` and `cancelled_by` columns for this outcome.
    var columns: (status: String, cancelledBy: String?) {
        switch self {
        case .delivered: return ("delivered", nil)
        case .missed: return ("missed", nil)
        case .cancelledProvider: return ("cancelled", "provider")
        case .cancelledPerson: return ("cancelled", "person")
        }
    }
}
