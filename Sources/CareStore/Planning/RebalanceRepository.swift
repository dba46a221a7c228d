import CareModel
import Foundation

/// The database side of rebalancing: the per-hub event cursor, the visits already recorded,
/// the absences and leavers that explain a broken visit, and what a repaired version writes
/// (the version itself, in `RebalanceRepository+Publish.swift`, its audit rows and the outbox).
public struct RebalanceRepository {
    let db: Connection

    public init(_ db: Connection) { self.db = db }

    /// The last event the hub's previous successful run read (nil: never run) and the newest.
    public func events(hubID: Int) throws -> (cursor: Int?, newest: Int) {
        let row = try db.query(
            """
            SELECT (SELECT last_event_id FROM rebalance_cursors WHERE hub_id = \(hubID)) AS cursor,
                   coalesce((SELECT max(id) FROM rebalance_events WHERE hub_id = \(hubID)), 0) AS newest
            """
        ).rows[0]
        return (try row.decode("cursor", as: Int?.self), try row.decode("newest"))
    }

    /// Moves the hub's cursor (inside the caller's transaction, so it moves only with the commit).
    public func advance(hubID: Int, to event: Int) throws {
        try db.execute(
            """
            INSERT INTO rebalance_cursors (hub_id, last_event_id, last_run_at) VALUES (\(hubID), \(event), now())
            ON CONFLICT (hub_id) DO UPDATE SET last_event_id = EXCLUDED.last_event_id, last_run_at = now()
            """)
    }

    /// A carer's absence: the usual reason their published visits no longer stand.
    public struct Absence: Sendable, Equatable {
        /// The carer's external id.
        public let carer: String
        /// As recorded (`sickness`, `holiday`, …); it names the reason shown to planners.
        public let kind: String
        public let start: Instant
        public let end: Instant

        public init(carer: String, kind: String, start: Instant, end: Instant) {
            self.carer = carer
            self.kind = kind
            self.start = start
            self.end = end
        }
    }

    /// Absences overlapping `from`…`to` of the named carers.
    public func absences(carers: [String], from: Instant, to: Instant) throws -> [Absence] {
        try db.query(
            """
            SELECT c.external_id, a.kind, a.starts_at, a.ends_at FROM absences a JOIN carers c ON c.id = a.carer_id
            WHERE c.external_id = ANY(\(carers)::text[]) AND a.starts_at < \(to)::timestamptz AND a.ends_at > \(from)::timestamptz
            """
        ).rows.map { row in
            Absence(
                carer: try row.decode("external_id"), kind: try row.decode("kind"), start: try row.decode("starts_at"),
                end: try row.decode("ends_at"))
        }
    }

    /// The visits among `visits` (ids as a week problem writes them) whose outcome is recorded,
    /// delivered or missed: a repair must leave them as they were.
    public func recordedVisits(among visits: [String]) throws -> Set<String> {
        Set(
            try db.query(
                """
                SELECT id FROM visits WHERE id = ANY(\(visits.compactMap { Int($0) })::bigint[]) AND status IN ('delivered', 'missed')
                """
            ).rows.map { String(try $0.decode("id", as: Int.self)) })
    }

    /// Carers who have left by a day (their record ends before it), by external id.
    public func leftBy(_ day: LocalDate, carers: [String]) throws -> Set<String> {
        Set(
            try db.query(
                """
                SELECT external_id FROM carers WHERE external_id = ANY(\(carers)::text[]) AND end_date IS NOT NULL AND end_date < \(day)::date
                """
            ).rows.map { try $0.decode("external_id", as: String.self) })
    }

    /// One change a repair made to a visit, for `roster_changes` and the carers' outbox.
    public struct Change: Sendable, Equatable {
        public enum Action: String, Sendable { case moved, added, dropped }
        public let visit: Int
        public let action: Action
        /// Carers before and after.
        public let before: [String]
        public let after: [String]
        public let start: Instant
        public let reason: String
        public let noticeMinutes: Int

        public init(visit: Int, action: Action, before: [String], after: [String], start: Instant, reason: String, noticeMinutes: Int) {
            self.visit = visit
            self.action = action
            self.before = before
            self.after = after
            self.start = start
            self.reason = reason
            self.noticeMinutes = noticeMinutes
        }
    }

    /// Writes a `roster_changes` row per change and carer, and one outbox row per carer whose
    /// week changed (JSON: week, version, and each change with visit, what, start and reason).
    public func record(_ changes: [Change], rosterID: Int, hubID: Int, week: ISOWeek, version: Int, actor: String) throws {
        var perCarer: [String: [[String: String]]] = [:]
        for c in changes {
            let carers = Array(Set(c.before + c.after)).sorted()
            for carer in carers.isEmpty ? [""] : carers {
                try db.execute(
                    """
                    INSERT INTO roster_changes (roster_id, hub_id, visit_id, carer_id, action, reason, actor, notice_minutes)
                    VALUES (\(rosterID), \(hubID), \(c.visit), (SELECT id FROM carers WHERE external_id = \(carer)), \(c.action.rawValue),
                            \(c.reason), \(actor), \(c.noticeMinutes))
                    """)
                if carer.isEmpty { continue }
                let what = c.after.contains(carer) ? (c.before.contains(carer) ? "changed" : "added") : "removed"
                perCarer[carer, default: []].append(["visit": String(c.visit), "what": what, "start": c.start.description, "reason": c.reason])
            }
        }
        for (carer, items) in perCarer.sorted(by: { $0.key < $1.key }) {
            let object: [String: Any] = ["week": week.description, "version": version, "changes": items]
            let payload = String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
            try db.execute(
                """
                INSERT INTO roster_outbox (hub_id, roster_id, carer_id, payload)
                SELECT \(hubID), \(rosterID), id, \(payload)::jsonb FROM carers WHERE external_id = \(carer)
                """)
        }
    }

    /// Short-notice changes (under 48 hours) per carer in a hub's week, for payroll.
    public func shortNoticeChanges(hub: String, week: ISOWeek) throws -> [String: Int] {
        var out: [String: Int] = [:]
        for row in try db.query(
            """
            SELECT c.external_id, count(*) AS n FROM roster_changes rc JOIN rosters r ON r.id = rc.roster_id JOIN hubs h ON h.id = r.hub_id
            JOIN carers c ON c.id = rc.carer_id
            WHERE h.code = \(hub) AND r.iso_week = \(week.description) AND rc.action IN ('moved', 'added', 'dropped')
              AND rc.notice_minutes < 48 * 60
            GROUP BY c.external_id
            """
        ).rows {
            out[try row.decode("external_id")] = try row.decode("n")
        }
        return out
    }
}
