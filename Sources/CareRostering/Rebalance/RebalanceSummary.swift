import CareModel
import CareStore
import Foundation

/// The machine-readable summary of a run (`carehub rebalance --json`), built by an encoder so
/// that any text in it (hub codes, carer ids, reasons) is escaped.
public struct RebalanceSummary: Encodable, Sendable {
    public let dryRun: Bool
    public let hubs: [Rebalance.HubResult]

    public init(dryRun: Bool, hubs: [Rebalance.HubResult]) {
        self.dryRun = dryRun
        self.hubs = hubs
    }

    /// One line of JSON, keys sorted so the output is stable.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    enum CodingKeys: String, CodingKey {
        case dryRun = "dry_run"
        case hubs
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(dryRun, forKey: .dryRun)
        try container.encode(hubs.map(Hub.init), forKey: .hubs)
    }

    private struct Hub: Encodable {
        let hub: String
        let status: String
        let weeks: [Week]

        init(_ r: Rebalance.HubResult) {
            hub = r.hub
            status = r.status.rawValue
            weeks = r.weeks.map(Week.init)
        }
    }

    private struct Week: Encodable {
        let week: String
        let version: Int?
        let repaired, moved, added, dropped: Int
        let unassigned: [String: Int]
        let changes: [Change]

        init(_ w: Rebalance.WeekResult) {
            (week, version, unassigned) = (w.week.description, w.version, w.unassigned)
            (repaired, moved, added, dropped) = (w.repaired, w.moved, w.added, w.dropped)
            changes = w.changes.map(Change.init)
        }

        enum CodingKeys: String, CodingKey { case week, version, repaired, moved, added, dropped, unassigned, changes }

        /// Written by hand only so that an unpublished week says `"version": null`.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(week, forKey: .week)
            try container.encode(version, forKey: .version)
            try container.encode(repaired, forKey: .repaired)
            try container.encode(moved, forKey: .moved)
            try container.encode(added, forKey: .added)
            try container.encode(dropped, forKey: .dropped)
            try container.encode(unassigned, forKey: .unassigned)
            try container.encode(changes, forKey: .changes)
        }
    }

    private struct Change: Encodable {
        let visit: Int
        let action: String
        let before, after: [String]
        let reason: String
        let noticeMinutes: Int

        init(_ c: RebalanceRepository.Change) {
            (visit, action, before, after) = (c.visit, c.action.rawValue, c.before, c.after)
            (reason, noticeMinutes) = (c.reason, c.noticeMinutes)
        }

        enum CodingKeys: String, CodingKey {
            case visit, action, before, after, reason
            case noticeMinutes = "notice_minutes"
        }
    }
}
