import CareModel
import CareStore

extension RepairPlan.Input {
    /// A hub's published week as a repair starts from it: the week as it is now for the hubs it
    /// was generated with, their published assignments, and the visits already recorded.
    static func load(_ db: Connection, hub: String, week: ISOWeek) throws -> RepairPlan.Input {
        let rosters = RosterRepository(db)
        func published(_ hub: String) throws -> StoredRoster? {
            try rosters.published(hub: hub, week: week).flatMap { try rosters.find(hub: hub, week: week, version: $0, documents: .hub) }
        }
        guard let stored = try published(hub) else { throw RosterRefusal("\(hub) \(week) has no published roster") }
        // The run's hubs, so carers lent between them stay in the problem; other hubs' visits
        // are fixed (their own rebalance repairs them).
        let hubs = stored.hubs.isEmpty ? [hub] : stored.hubs
        var assignments: [String: Roster.Assignment] = [:]
        var own = Set<String>()
        for other in hubs {
            guard let roster = try published(other) else { continue }
            for a in try RosterWorkflow.documents(roster).1.assignments {
                assignments[a.visit] = a
                if other == hub { own.insert(a.visit) }
            }
        }
        var notices: [String] = []
        let problem = try WeekProblemLoader(db).load(hubCodes: hubs, week: week, includeRecorded: true, notices: &notices)
        let recorded = try RebalanceRepository(db).recordedVisits(among: problem.visits.map(\.id))
        var input = RepairPlan.Input(hub: hub, problem: problem, published: assignments, own: own, recorded: recorded)
        input.notices = notices
        return input
    }
}
