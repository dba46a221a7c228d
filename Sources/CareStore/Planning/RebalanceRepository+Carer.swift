import CareModel

/// One change rebalance made to a carer's visits (`roster_changes`): what, why, and how much
/// notice the carer had.
public struct CarerChange: Sendable, Equatable {
    public let changedAt: Instant
    /// `moved`, `added` or `dropped`.
    public let action: String
    public let reason: String?
    /// When the visit starts (the carer's assignment, else the visit's window), if known.
    public let visitStart: Instant?
    /// Minutes between the change and the visit.
    public let noticeMinutes: Int?
    public let hub: String
    public let week: String

    /// Under 48 hours' notice, which payroll counts.
    public var isShortNotice: Bool { (noticeMinutes ?? Int.max) < 48 * 60 }

    init(row: Row) throws {
        changedAt = try row.decode("changed_at")
        action = try row.decode("action")
        reason = try row.decode("reason", as: String?.self)
        visitStart = try row.decode("visit_start", as: Instant?.self)
        noticeMinutes = try row.decode("notice_minutes", as: Int?.self)
        hub = try row.decode("hub")
        week = try row.decode("iso_week")
    }
}

extension RebalanceRepository {
    /// The changes rebalance made to a carer's visits in a hub's week, newest first (as far as
    /// whoever acts may see them).
    public func changes(carer: String, hub: String, week: ISOWeek) throws -> [CarerChange] {
        try db.query(
            """
            SELECT rc.changed_at, rc.action, rc.reason, coalesce(a.starts_at, v.window_start) AS visit_start, rc.notice_minutes,
                   h.code AS hub, r.iso_week
            FROM roster_changes rc JOIN rosters r ON r.id = rc.roster_id JOIN hubs h ON h.id = rc.hub_id
            JOIN carers c ON c.id = rc.carer_id
            LEFT JOIN roster_assignments a ON a.roster_id = rc.roster_id AND a.visit_id = rc.visit_id AND a.carer_id = rc.carer_id
            LEFT JOIN visits v ON v.id = rc.visit_id
            WHERE c.external_id = \(carer) AND h.code = \(hub) AND r.iso_week = \(week.description)
              AND rc.action IN ('moved', 'added', 'dropped')
            ORDER BY rc.changed_at DESC, rc.id DESC
            """
        ).rows.map(CarerChange.init(row:))
    }
}
