import CareModel
import CareStore

extension RepairPlan.Input {
    /// A hub's published week as a repair starts from it: the week as it is now for the hubs it
    /// was generated with, their published assignments, and the visits already recorded.
    static func load(_ db: Connection, hub: String, week: ISOWeek) throws -> RepairPlan.Input {
        let rosters = RosterRepository(db)
        guard let version = try rosters.published(hub: hub, week: week), let stored = try rosters.find(hub: hub, week: week, version: version) else {
            throw RosterRefusal("\(hub) \(week) has no published roster")
        }
        // The run's hubs, so carers lent between them stay in the problem; other hubs' visits
        // are fixed (their own rebalance repairs them).
        let hubs = stored.hubs.isEmpty ? [hub] : stored.hubs
        var published: [String: Roster.Assignment] = [:]
        var own = Set<String>()
        for other in hubs {
            guard let v = try rosters.published(hub: other, week: week), let s = try rosters.find(hub: other, week: week, version: v) else { continue }
            for a in try RosterWorkflow.documents(s).1.assignments {
                published[a.visit] = a
                if other == hub { own.insert(a.visit) }
            }
        }
        let problem = try WeekProblemLoader(db).load(hubCodes: hubs, week: week, includeRecorded: true)
        let recorded = try RebalanceRepository(db).recordedVisits(among: problem.visits.map(\.id))
        return RepairPlan.Input(hub: hub, problem: problem, published: published, own: own, recorded: recorded)
    }
}
