import CareModel
import Foundation

extension RebalanceRepository {
    /// Stores a repaired roster of one hub's week as its next version and publishes it at once,
    /// then records the changes (`roster_changes` and the carers' outbox). Returns the version.
    ///
    /// Meant for the caller's transaction, under the hub's lock: the stale check of an ordinary
    /// publish is skipped (`force`) because the roster was just made from today's data.
    public func publishRepair(
        _ roster: Roster, of problem: Problem, changes: [Change], hub: String, hubID: Int, week: ISOWeek, seed: UInt64,
        settings: [String: String], actor: String
    ) throws -> Int {
        let rosters = RosterRepository(db)
        let problemText = String(decoding: try ProblemEncoder.encode(problem), as: UTF8.self)
        let rosterText = String(decoding: try roster.encoded(), as: UTF8.self)
        let saved = try rosters.saveDrafts(
            week: week, problem: problem, problemText: problemText, roster: roster, rosterText: rosterText, seed: seed,
            settings: settings, actor: actor, only: [hub])
        guard let version = saved.first?.version, let stored = try rosters.find(hub: hub, week: week, version: version, documents: .hub) else {
            throw RosterIntegrityError.versionNotStored
        }
        try rosters.publish(hub: hub, week: week, version: version, force: true, actor: actor) { _, _ in problemText }
        try record(changes, rosterID: stored.id, hubID: hubID, week: week, version: version, actor: actor)
        return version
    }
}
