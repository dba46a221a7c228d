import CareModel
import CareStore

/// The unattended repair of published rosters (`carehub rebalance`): per hub, under the hub's
/// advisory lock (which publish also takes), read what changed since the last run, repair each
/// published week with as few moves as possible, and write the result as a new published
/// version, its audit rows, the carers' outbox and the moved cursor in one transaction.
///
/// This type only orchestrates: `RepairPlan` repairs on values, `ChangeExplainer` says why each
/// visit changed, and `RebalanceRepository` reads and writes.
public enum Rebalance {
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
                FaultPoint.reach("rebalance")
                try RebalanceRepository(db).advance(hubID: hubID, to: newest)
                return results
            }
        } catch let dry as DryRun {
            weeks = dry.weeks
        }
        return HubResult(hub: hub, status: weeks.contains { !$0.changes.isEmpty } ? .repaired : .unchanged, weeks: weeks)
    }

    /// Repairs one published week of a hub and, unless a dry run, publishes it as a new version.
    private static func repairWeek(_ db: Connection, hub: String, hubID: Int, week: ISOWeek, options: Options) throws -> WeekResult {
        let input = try RepairPlan.Input.load(db, hub: hub, week: week)
        let plan = try RepairPlan(input, options: options)
        let store = RebalanceRepository(db)
        let explainer = ChangeExplainer(
            visits: input.problem.visits, carers: input.problem.carers.map(\.id),
            leavers: try store.leftBy(week.monday.adding(days: 7), carers: plan.involvedCarers),
            absences: try store.absences(carers: plan.involvedCarers, from: plan.evidenceFrom, to: plan.evidenceTo), madeRoom: plan.madeRoom)
        let changes = explainer.explain(plan.changes, now: options.now)
        guard !changes.isEmpty else {
            var unchanged = WeekResult(
                week: week, version: nil, changes: [], repaired: 0, moved: 0, added: 0, dropped: 0, unassigned: plan.unassignedReasons)
            unchanged.notices = input.notices
            return unchanged
        }
        let version =
            options.dryRun
            ? nil
            : try store.publishRepair(
                plan.roster, of: input.problem, changes: changes, hub: hub, hubID: hubID, week: week, seed: options.seed,
                settings: ["rebalance": "true", "max_moves": String(options.maxMoves), "freeze_minutes": String(options.freezeMinutes)],
                actor: options.actor)
        var result = WeekResult(
            week: week, version: version, changes: changes, repaired: plan.repaired, moved: plan.moved, added: plan.added, dropped: plan.dropped,
            unassigned: plan.unassignedReasons)
        result.notices = input.notices
        return result
    }
}
