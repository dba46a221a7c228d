import CareModel
import Foundation

/// Carers' own links (migration 0023): a manager issues and revokes them while acting, under
/// the same row-level security as carers; the table keeps the token's SHA-256 only.
public struct CarerLinkRepository {
    let db: Connection

    public init(_ db: Connection) { self.db = db }

    /// A carer's live link as the manager sees it (never the token, which is not stored).
    public struct Live: Sendable, Equatable {
        public let issuedAt: Instant
    }

    /// Issues a new link for the carer with this external id, revoking a live one first; returns
    /// the token, shown once. Nil when the carer is not visible to whoever acts. A carer of
    /// another hub (a lent carer) is refused by the table's policy (`AccessRefused`).
    public func issue(carer: String) throws -> String? {
        let token = RandomToken.make()
        return try db.transaction { db in
            // Two managers issuing at once: the second waits here, then revokes the first's link,
            // instead of failing on the one-live-link index.
            try db.execute("SELECT id FROM carers WHERE external_id = \(carer) FOR UPDATE")
            try revokeLive(carer: carer, db)
            let inserted = try db.execute(
                """
                INSERT INTO carer_links (carer_id, token_hash)
                SELECT id, encode(sha256(convert_to(\(token), 'UTF8')), 'hex') FROM carers WHERE external_id = \(carer)
                """)
            return inserted == 1 ? token : nil
        }
    }

    /// Revokes the carer's live link; false when there was none (or the carer is not visible).
    @discardableResult
    public func revoke(carer: String) throws -> Bool {
        try revokeLive(carer: carer, db) > 0
    }

    /// The carer's live link, if any.
    public func live(carer: String) throws -> Live? {
        try db.query(
            """
            SELECT l.issued_at FROM carer_links l JOIN carers c ON c.id = l.carer_id
            WHERE c.external_id = \(carer) AND l.revoked_at IS NULL
            """
        ).rows.first.map { Live(issuedAt: try $0.decode("issued_at")) }
    }

    @discardableResult
    private func revokeLive(carer: String, _ db: Connection) throws -> Int {
        try db.execute(
            """
            UPDATE carer_links SET revoked_at = now()
            WHERE revoked_at IS NULL AND carer_id IN (SELECT id FROM carers WHERE external_id = \(carer))
            """)
    }
}

/// What a carer's own link opens: their slice of each published roster from last week on, and
/// the latest changes rebalance made for them.
public struct CarerLinkWeek: Sendable {
    /// One published roster of a hub and week the carer works in, cut down to the carer.
    public struct Published: Sendable {
        public let hub: String
        public let week: String
        public let version: Int
        public let publishedAt: Instant
        /// `carehub.problem/1`: the carer alone, their visits and those visits' clients.
        public let problemText: String
        /// `carehub.roster/1`: the assignments that name the carer.
        public let rosterText: String
        /// The carer and the partners of their double-ups, by external id.
        public let carerNames: [String: String]
        /// Clients of their visits: first names and postcode districts.
        public let clientFirstNames: [String: String]
        public let clientAreas: [String: String]
    }

    /// The carer's external id.
    public let carer: String
    /// Their first name, for the page's heading.
    public let givenName: String
    public let rosters: [Published]
    public let changes: [CarerChange]
    /// What to do on each of their visits in the next 24 hours, soonest first (migration 0030):
    /// empty when not asked for (the calendar never carries care-plan tasks).
    public var visitTasks: [VisitTasks] = []

    /// One visit's access notes and care-plan tasks, as the carer's page lists them.
    public struct VisitTasks: Sendable, Hashable {
        /// The visit's id in the roster (`visits[].id`).
        public let visit: String
        public let client: String
        public let startsAt: Instant
        /// Access notes first, then the tasks of that call, in the plan's order.
        public let items: [CarePlan.Item]
    }
}

/// Reads through a carer's own link with no one signed in.
///
/// Each read is one transaction as the group role `carehub_carer_link`, which may only call the
/// two link functions: PostgreSQL checks the token, records the read in the audit log and hands
/// back that carer's part of the published rosters. Nothing else is readable in that transaction,
/// whatever the caller asks.
public struct CarerLinkReader {
    let db: Connection

    public init(_ db: Connection) { self.db = db }

    /// The link's week, or nil for an unknown or revoked token. `changes` caps the changes read
    /// (0: none, as the calendar needs).
    /// `tasks`: also read the care-plan tasks of their visits in the next 24 hours (the page, not
    /// the calendar).
    public func read(token: String, changes: Int = 20, tasks: Bool = false) throws -> CarerLinkWeek? {
        precondition(db.actingPerson == nil, "a carer link is read with no one acting")
        return try db.transaction { db in
            try db.execute(SQLQuery(unsafeSQL: "SET LOCAL ROLE carehub_carer_link"))
            let rows = try db.query("SELECT * FROM carehub_carer_link_week(\(token))").rows
            guard let first = rows.first else { return nil }
            // A live link with nothing published answers one row without a roster.
            let rosters = try rows.filter { try $0.decode("hub", as: String?.self) != nil }.map { row in
                CarerLinkWeek.Published(
                    hub: try row.decode("hub"), week: try row.decode("iso_week"), version: try row.decode("version"),
                    publishedAt: try row.decode("published_at"), problemText: try row.decode("problem"), rosterText: try row.decode("roster"),
                    carerNames: try Self.map(row.decode("carer_names")), clientFirstNames: try Self.map(row.decode("client_names")),
                    clientAreas: try Self.map(row.decode("client_areas")))
            }
            var changeList: [CarerChange] = []
            if changes > 0 {
                changeList = try db.query("SELECT * FROM carehub_carer_link_changes(\(token), \(changes))").rows.map(CarerChange.init(row:))
            }
            var week = CarerLinkWeek(
                carer: try first.decode("carer"), givenName: try first.decode("carer_name"), rosters: rosters, changes: changeList)
            if tasks { week.visitTasks = try Self.tasks(db.query("SELECT * FROM carehub_carer_link_tasks(\(token))").rows) }
            return week
        }
    }

    /// Rows of `carehub_carer_link_tasks`, in its order, gathered per visit.
    private static func tasks(_ rows: [Row]) throws -> [CarerLinkWeek.VisitTasks] {
        var visits: [CarerLinkWeek.VisitTasks] = []
        for row in rows {
            let visit: String = try row.decode("visit")
            let item = CarePlan.Item(kind: CarePlan.Kind(rawValue: try row.decode("kind")) ?? .other, description: try row.decode("description"))
            if let last = visits.last, last.visit == visit {
                visits[visits.count - 1] = .init(visit: visit, client: last.client, startsAt: last.startsAt, items: last.items + [item])
            } else {
                visits.append(.init(visit: visit, client: try row.decode("client"), startsAt: try row.decode("starts_at"), items: [item]))
            }
        }
        return visits
    }

    private static func map(_ json: String) throws -> [String: String] {
        try JSONDecoder().decode([String: String].self, from: Data(json.utf8))
    }
}
