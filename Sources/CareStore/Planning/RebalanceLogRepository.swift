import CareModel

/// What the rebalance job (and people) changed in rosters, and what was queued to tell carers:
/// the rebalance log page. Row-level security limits both to the acting person's hubs.
public struct RebalanceLogRepository {
    let db: Connection

    public init(_ db: Connection) { self.db = db }

    /// One row of `roster_changes`: a visit moved, added or dropped for a carer, and why.
    public struct Entry: Sendable, Equatable {
        public let at: Instant
        public let hub: String
        public let week: String?
        public let version: Int?
        public let visit: Int?
        public let carer: String?
        public let action: String
        public let reason: String?
        public let actor: String
        /// Minutes between the change and the visit (under 48 hours is short notice).
        public let noticeMinutes: Int?
    }

    /// One message queued for a carer (`roster_outbox`): the changes to their week.
    public struct Message: Sendable, Equatable {
        public let at: Instant
        public let hub: String
        public let week: String
        public let version: Int
        public let carer: String
        public let changes: Int
        public let sentAt: Instant?
    }

    /// The newest changes made by rebalance runs and pins (not generate/publish bookkeeping).
    public func changes(limit: Int) throws -> [Entry] {
        try db.query(
            """
            SELECT rc.changed_at, h.code AS hub, r.iso_week, r.version, rc.visit_id, c.external_id AS carer, rc.action, rc.reason,
                   rc.actor, rc.notice_minutes
            FROM roster_changes rc JOIN hubs h ON h.id = rc.hub_id
            LEFT JOIN rosters r ON r.id = rc.roster_id LEFT JOIN carers c ON c.id = rc.carer_id
            WHERE rc.action IN ('moved', 'added', 'dropped', 'pinned', 'unpinned')
            ORDER BY rc.changed_at DESC, rc.id DESC LIMIT \(limit)
            """
        ).rows.map { row in
            Entry(
                at: try row.decode("changed_at"), hub: try row.decode("hub"), week: try row.decode("iso_week", as: String?.self),
                version: try row.decode("version", as: Int?.self),
                visit: try row.decode("visit_id", as: Int?.self), carer: try row.decode("carer", as: String?.self), action: try row.decode("action"),
                reason: try row.decode("reason", as: String?.self), actor: try row.decode("actor"),
                noticeMinutes: try row.decode("notice_minutes", as: Int?.self))
        }
    }

    /// The newest outbox messages, sent or not.
    public func outbox(limit: Int) throws -> [Message] {
        try db.query(
            """
            SELECT o.created_at, h.code AS hub, r.iso_week, r.version, c.external_id AS carer,
                   jsonb_array_length(coalesce(o.payload -> 'changes', '[]'::jsonb)) AS changes, o.sent_at
            FROM roster_outbox o JOIN hubs h ON h.id = o.hub_id JOIN rosters r ON r.id = o.roster_id JOIN carers c ON c.id = o.carer_id
            ORDER BY o.created_at DESC, o.id DESC LIMIT \(limit)
            """
        ).rows.map { row in
            Message(
                at: try row.decode("created_at"), hub: try row.decode("hub"), week: try row.decode("iso_week"),
                version: try row.decode("version"), carer: try row.decode("carer"), changes: try row.decode("changes"),
                sentAt: try row.decode("sent_at", as: Instant?.self))
        }
    }
}
