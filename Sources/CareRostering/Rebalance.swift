import CareModel
import CareSolver
import CareStore
import Foundation

/// The unattended repair of published rosters (`carehub rebalance`): per hub, under the hub's
/// advisory lock (which publish also takes), read what changed since the last run, repair each
/// published week with as few moves as possible, and write the result as a new published
/// version, its audit rows, the carers' outbox and the moved cursor in one transaction.
public enum Rebalance {
    /// How to run.
    public struct Options: Sendable {
        public var weeks: [ISOWeek]
        public var dryRun = false
        public var maxMoves = 20
        public var freezeMinutes = 120
        public var seconds: Double = 10
        public var seed: UInt64 = 1
        public var now: Instant
        public var actor: String

        public init(weeks: [ISOWeek], now: Instant, actor: String) {
            self.weeks = weeks
            self.now = now
            self.actor = actor
        }
    }

    /// One week of one hub.
    public struct WeekResult: Sendable {
        public let week: ISOWeek
        /// The new published version, nil when nothing changed (or a dry run).
        public let version: Int?
        public let changes: [RebalanceRepository.Change]
        /// Broken assignments re-placed with other carers.
        public let repaired: Int
        /// Kept visits moved to make room.
        public let moved: Int
        public let added: Int
        public let dropped: Int
        /// The hub's visits still unassigned, with counts per reason.
        public let unassigned: [String: Int]
    }

    /// What happened to one hub.
    public enum HubStatus: String, Sendable { case repaired, unchanged, nothingToDo = "nothing to do", busy, noRoster = "no published roster" }

    public struct HubResult: Sendable {
        public let hub: String
        public let status: HubStatus
        public let weeks: [WeekResult]
    }

    /// Thrown inside the transaction to undo a dry run.
    private struct DryRun: Error { let weeks: [WeekResult] }

    /// Rebalances one hub. Never waits for the lock: a busy hub is skipped.
    public static func run(_ db: Connection, hub: String, options: Options) throws -> HubResult {
        guard let hubID = try HubRepository(db).find(code: hub)?.id else {
            throw RosterRefusal("no hub \(hub)")
        }
        guard try db.tryAdvisoryLock(.hub(hubID)) else { return HubResult(hub: hub, status: .busy, weeks: []) }
        defer { _ = try? db.advisoryUnlock(.hub(hubID)) }
        let store = RebalanceRepository(db)
        let (cursor, newest) = try store.events(hubID: hubID)
        if let cursor, cursor >= newest, !options.dryRun { return HubResult(hub: hub, status: .nothingToDo, weeks: []) }
        let published = try options.weeks.filter { try RosterRepository(db).published(hub: hub, week: $0) != nil }
        if published.isEmpty { return HubResult(hub: hub, status: .noRoster, weeks: []) }
        let weeks: [WeekResult]
        do {
            weeks = try db.transaction { db -> [WeekResult] in
                let results = try published.map { try repairWeek(db, hub: hub, hubID: hubID, week: $0, options: options) }
                if options.dryRun { throw DryRun(weeks: results) }
                try RebalanceRepository(db).advance(hubID: hubID, to: newest)
                return results
            }
        } catch let dry as DryRun {
            weeks = dry.weeks
        }
        return HubResult(hub: hub, status: weeks.contains { !$0.changes.isEmpty } ? .repaired : .unchanged, weeks: weeks)
    }

    private static func repairWeek(_ db: Connection, hub: String, hubID: Int, week: ISOWeek, options: Options) throws -> WeekResult {
        let repo = RosterRepository(db)
        guard let version = try repo.published(hub: hub, week: week), let stored = try repo.find(hub: hub, week: week, version: version) else {
            throw RosterRefusal("\(hub) \(week) has no published roster")
        }
        // The run's hubs, so carers lent between them stay in the problem; other hubs' visits
        // are fixed (their own rebalance repairs them).
        let hubs = stored.hubs.isEmpty ? [hub] : stored.hubs
        var previous: [String: Roster.Assignment] = [:]
        var own = Set<String>()  // this hub's published visits, including ones cancelled since
        for other in hubs {
            guard let v = try repo.published(hub: other, week: week), let s = try repo.find(hub: other, week: week, version: v) else { continue }
            for a in try RosterWorkflow.documents(s).1.assignments {
                previous[a.visit] = a
                if other == hub { own.insert(a.visit) }
            }
        }
        let problem = try WeekProblemLoader(db).load(hubCodes: hubs, week: week, includeRecorded: true)
        let compiled = ProblemCompiler.compile(problem)
        let visitIndex = Dictionary(uniqueKeysWithValues: problem.visits.enumerated().map { ($1.id, $0) })
        let carerIndex = Dictionary(uniqueKeysWithValues: problem.carers.enumerated().map { ($1.id, $0) })
        let clientHub = Dictionary(uniqueKeysWithValues: problem.clients.map { ($0.id, $0.hub) })
        let mine = Set(problem.visits.filter { clientHub[$0.client] == hub }.map(\.id))
        let recorded = Set(try db.query("""
            SELECT id FROM visits WHERE id = ANY(\(problem.visits.compactMap { Int($0.id) })::bigint[]) AND status IN ('delivered', 'missed')
            """).rows.map { String(try $0.decode("id", as: Int.self)) })
        var requestPrevious: [RepairRequest.Previous] = []
        for (id, a) in previous {
            guard let v = visitIndex[id], let t = Instant(rfc3339: a.start) else { continue }
            let workers = a.carers.compactMap { carerIndex[$0] }
            guard workers.count == a.carers.count else { continue }  // a carer gone from the problem: broken
            requestPrevious.append(RepairRequest.Previous(visit: v, workers: workers, start: compiled.minutes(t)))
        }
        let fixed = Set(problem.visits.enumerated().filter { !mine.contains($1.id) || recorded.contains($1.id) }.map(\.offset))
        let request = RepairRequest(
            previous: requestPrevious, frozenBefore: compiled.minutes(options.now) + options.freezeMinutes, fixed: fixed,
            maxMoves: options.maxMoves, stop: StoppingCriterion(maxSeconds: options.seconds))
        let outcome = repair(compiled.instance, request, seed: options.seed)
        var roster = RosterBuilder.roster(compiled, outcome.result, seed: options.seed)
        let check = RosterChecker.check(roster, against: problem)
        guard check.isValid else {
            throw RosterRefusal("internal error: the repaired roster failed carehub's checker (\(check.violations.first ?? "")); nothing was written")
        }
        // Other hubs' visits that dropped out of this repair are not this hub's to report.
        roster.unassigned.removeAll { !mine.contains($0.visit) }

        // What changed for this hub's visits, and why.
        let now = options.now
        let after = Dictionary(uniqueKeysWithValues: roster.assignments.map { ($0.visit, $0) })
        let visitsByID = Dictionary(uniqueKeysWithValues: problem.visits.map { ($0.id, $0) })
        let involved = Array(Set(previous.values.flatMap(\.carers)))
        let absences = try RebalanceRepository(db).absences(carers: involved, from: compiled.instant(0), to: compiled.instant(60 * 24 * 9))
        let gone = try RebalanceRepository(db).leftBy(week.monday.adding(days: 7), carers: involved)
        let movedSet = Set(outcome.moved.map { problem.visits[$0].id })
        func whyBroken(_ a: Roster.Assignment) -> String {
            guard let visit = visitsByID[a.visit] else { return "cancelled" }
            for carer in a.carers {
                if carerIndex[carer] == nil || gone.contains(carer) { return "\(carer) left" }
                let start = Instant(rfc3339: a.start) ?? visit.windowStart
                let end = start.adding(minutes: visit.durationMinutes)
                if let off = absences.first(where: { $0.carer == carer && $0.start < end && $0.end > start }) { return "\(off.kind) of \(carer)" }
            }
            if !visit.pinned.isEmpty && Set(visit.pinned) != Set(a.carers) { return "pinned to \(visit.pinned.joined(separator: ", "))" }
            return "visit time or needs changed"
        }
        var changes: [RebalanceRepository.Change] = []
        var repaired = 0
        for id in mine.union(own).sorted(by: { (Int($0) ?? 0) < (Int($1) ?? 0) }) {
            let before = own.contains(id) ? previous[id] : nil, current = after[id]
            let start = current.flatMap { Instant(rfc3339: $0.start) } ?? before.flatMap { Instant(rfc3339: $0.start) } ?? visitsByID[id]?.windowStart ?? now
            let notice = now.minutes(to: start)
            let visit = Int(id) ?? 0
            switch (before, current) {
            case let (b?, a?) where Set(b.carers) != Set(a.carers):
                let reason = movedSet.contains(id) ? "moved to make room" : whyBroken(b)
                if !movedSet.contains(id) { repaired += 1 }
                changes.append(.init(visit: visit, action: .moved, before: b.carers, after: a.carers, start: start, reason: reason, noticeMinutes: notice))
            case let (b?, nil):
                let reason = visitsByID[id] == nil ? "cancelled" : whyBroken(b) + "; no carer free"
                changes.append(.init(visit: visit, action: .dropped, before: b.carers, after: [], start: start, reason: reason, noticeMinutes: notice))
            case let (nil, a?):
                let v = visitsByID[id]
                let reason = v?.priority == .homeFirst ? "new Home First visit" : "new or previously unassigned visit"
                changes.append(.init(visit: visit, action: .added, before: [], after: a.carers, start: start, reason: reason, noticeMinutes: notice))
            default: break
            }
        }
        // Same carers but another time is a change for them too (recorded as a move with the same carers).
        for id in own.intersection(mine) {
            guard let b = previous[id] else { continue }
            if let a = after[id], Set(a.carers) == Set(b.carers), a.start != b.start, let t = Instant(rfc3339: a.start) {
                changes.append(.init(visit: Int(id) ?? 0, action: .moved, before: b.carers, after: a.carers, start: t,
                                     reason: "retimed after other changes", noticeMinutes: now.minutes(to: t)))
            }
        }
        var reasons: [String: Int] = [:]
        for u in roster.unassigned { reasons[u.reason, default: 0] += 1 }
        let counts = (moved: outcome.moved.filter { mine.contains(problem.visits[$0].id) }.count,
                      added: changes.filter { $0.action == .added }.count, dropped: changes.filter { $0.action == .dropped }.count)
        guard !changes.isEmpty else {
            return WeekResult(week: week, version: nil, changes: [], repaired: 0, moved: 0, added: 0, dropped: 0, unassigned: reasons)
        }
        var newVersion: Int?
        if !options.dryRun {
            let problemText = String(decoding: try ProblemEncoder.encode(problem), as: UTF8.self)
            let rosterText = String(decoding: try roster.encoded(), as: UTF8.self)
            let saved = try repo.saveDrafts(
                week: week, problem: problem, problemText: problemText, roster: roster, rosterText: rosterText, seed: options.seed,
                settings: ["rebalance": "true", "max_moves": String(options.maxMoves), "freeze_minutes": String(options.freezeMinutes)],
                actor: options.actor, only: [hub])
            guard let version = saved.first?.version, let stored = try repo.find(hub: hub, week: week, version: version) else {
                throw RosterRefusal("internal error: the repaired version was not stored")
            }
            try repo.publish(hub: hub, week: week, version: version, force: true, actor: options.actor) { _, _ in problemText }
            try RebalanceRepository(db).record(changes, rosterID: stored.id, hubID: hubID, week: week, version: version, actor: options.actor)
            newVersion = version
        }
        return WeekResult(week: week, version: newVersion, changes: changes, repaired: repaired, moved: counts.moved, added: counts.added,
                          dropped: counts.dropped, unassigned: reasons)
    }
}
