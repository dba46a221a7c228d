import CareModel

/// One version of a hub's week, without its documents: what the hub week page lists.
public struct RosterVersionSummary: Sendable, Equatable {
    /// `rosters.id`: a version's documents never change, so this names them too.
    public let id: Int
    public let version: Int
    public let status: RosterStatus
    public let createdAt: Instant
    public let createdBy: String
    public let publishedAt: Instant?
}

/// What a hub week page reads besides the roster documents: the hubs the acting person may
/// manage, the versions of a week, and how many visits are planned.
public struct HubWeekRepository {
    let db: Connection

    public init(_ db: Connection) { self.db = db }

    /// The codes of the hubs of the person acting (`carehub_person_hubs()`, the same list the
    /// row-level security policies use), so "is this hub yours" is the database's answer.
    public func actingHubs() throws -> [String] {
        try db.query("SELECT code FROM hubs WHERE id = ANY (carehub_person_hubs()) ORDER BY code").rows.map { try $0.decode("code") }
    }

    /// Every version of a hub's week, newest first (none visible: an empty list).
    public func versions(hub: String, week: ISOWeek) throws -> [RosterVersionSummary] {
        try db.query(
            """
            SELECT r.id, r.version, r.status, r.created_at, r.created_by, r.published_at
            FROM rosters r JOIN hubs h ON h.id = r.hub_id
            WHERE h.code = \(hub) AND r.iso_week = \(week.description)
            ORDER BY r.version DESC
            """
        ).rows.map { row in
            RosterVersionSummary(
                id: try row.decode("id"), version: try row.decode("version"), status: try row.decode("status"),
                createdAt: try row.decode("created_at"),
                createdBy: try row.decode("created_by"), publishedAt: try row.decode("published_at", as: Instant?.self))
        }
    }

    /// Visits planned for a hub's week (the visits table, whether or not a roster covers them).
    public func plannedVisits(hub: String, week: ISOWeek) throws -> Int {
        try db.query(
            """
            SELECT count(*) AS n FROM visits v JOIN clients c ON c.id = v.client_id JOIN hubs h ON h.id = c.hub_id
            WHERE h.code = \(hub) AND v.local_date BETWEEN \(week.monday) AND \(week.monday.adding(days: 6))
            """
        ).rows[0].decode("n")
    }
}
