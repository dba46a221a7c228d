import CareModel

/// Turns an engine result back into a `carehub.roster/1` document in the file's own ids.
public enum RosterBuilder {
    /// The roster of `result`, with reasons for every unassigned visit.
    public static func roster(_ compiled: CompiledProblem, _ result: SolveResult, seed: UInt64) -> Roster {
        let problem = compiled.problem
        let instance = compiled.instance
        let zone = ZoneOffsets(identifier: problem.timeZone)
        func text(_ minutes: Int) -> String {
            let t = compiled.instant(minutes)
            return zone?.rfc3339(t) ?? t.rfc3339(offsetMinutes: 0, zulu: false)
        }
        let assignments = result.assignments.map { a in
            let late = a.start - instance.visits[a.visit].windowEnd
            return Roster.Assignment(
                visit: problem.visits[a.visit].id,
                carers: a.shifts.map { problem.carers[compiled.shiftCarer[$0]].id }.sorted(),
                start: text(a.start), lateMinutes: late > 0 ? late : nil)
        }.sorted { ($0.start, $0.visit) < ($1.start, $1.visit) }
        let diagnosed = blockers(instance, result)
        let unassigned = result.unassigned.map { v in
            Roster.Unassigned(visit: problem.visits[v].id, reason: compiled.blockedReasons[v] ?? describe(diagnosed[v], instance.visits[v]))
        }
        let scale = Double(CompiledProblem.costScale)
        let w = instance.weights
        let objective = Roster.Objective(
            total: Double(result.cost) / scale, unassigned: Double(result.unassignedPenalty) / scale,
            travel: Double(w.travel * result.travelCost) / scale, continuity: Double(w.continuity * result.distinctPairs) / scale,
            preference: Double(w.preference * result.preferenceMisses) / scale, shortfall: Double(w.shortfall * result.shortfall) / scale,
            continuityVisits: Double(w.continuityVisits * result.taperUnits) / scale, newCarers: Double(w.newWorker * result.newPairs) / scale,
            lateness: Double(w.lateness * result.lateTotal) / scale, maxLateness: Double(w.maxLateness * result.maxLate) / scale)
        var roster = Roster(
            assignments: assignments, unassigned: unassigned, objective: objective,
            metrics: metrics(compiled, result),
            solver: Roster.SolverInfo(seed: seed, seconds: (result.seconds * 1000).rounded() / 1000, iterations: result.iterations))
        // The continuity figures come from CareModel's one definition, as every reader's do.
        let continuity = RosterContinuity(problem: problem, roster: roster)
        roster.metrics.distinctCarersPerClient = (continuity.distinctCarersPerClient * 100).rounded() / 100
        roster.metrics.topThreeShare = continuity.topThreeShare
        roster.metrics.newCarerPairs = continuity.newCarerPairs
        let late = assignments.compactMap(\.lateMinutes)
        roster.metrics.lateVisits = late.count
        roster.metrics.lateMinutes = late.reduce(0, +)
        roster.metrics.maxLateMinutes = late.max() ?? 0
        return roster
    }

    private static func describe(_ blocker: Blocker?, _ visit: SolverVisit) -> String {
        switch blocker {
        case .noShiftInWindow?: return "nobody free in the window (no eligible carer has a shift then)"
        case .busy?: return visit.workersNeeded > 1 ? "not enough carers free in the window" : "nobody free in the window"
        case .weeklyCap?: return "weekly cap: every carer who could go is at their maximum minutes"
        case .noCommonStart?: return "no \(visit.workersNeeded) carers free at the same time"
        case .breakRule?: return "it would take away a carer's working-time break"
        case .link?: return "its linked visit's timing cannot be met (gap or different carers)"
        case .searchStopped?: return "it fits, but the search stopped before placing it (give it more time)"
        case .costsMore?: return "it fits, but placing it costs more than leaving it out"
        case nil: return "could not be placed"
        }
    }

    private static func metrics(_ compiled: CompiledProblem, _ result: SolveResult) -> Roster.Metrics {
        let problem = compiled.problem
        var coverage: [String: Roster.Coverage] = [:]
        for p in Priority.allCases { coverage[p.rawValue] = Roster.Coverage(assigned: 0, visits: 0) }
        for v in problem.visits { coverage[v.priority.rawValue]?.visits += 1 }
        for a in result.assignments { coverage[problem.visits[a.visit].priority.rawValue]?.assigned += 1 }
        // The continuity figures are set by `roster` from `RosterContinuity`, once the assignments exist.
        return Roster.Metrics(
            visits: problem.visits.count, assigned: result.assignments.count, unassignedVisits: result.unassigned.count,
            travelMinutes: result.travelCost, paidMinutes: result.workerPaid.reduce(0, +),
            distinctCarersPerClient: 0, preferenceMisses: result.preferenceMisses,
            shortfallMinutes: result.shortfall, coverageByPriority: coverage)
    }
}
