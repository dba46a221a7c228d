import CareModel

/// What keeps an unassigned visit out of a finished solution.
public enum Blocker: Sendable, Equatable {
    /// No allowed worker has a shift that can hold the visit's window.
    case noShiftInWindow
    /// Allowed workers have shifts there, but their routes are full at those times.
    case busy
    /// It would fit, but every fitting worker is at their weekly paid cap.
    case weeklyCap
    /// Enough workers fit separately, but not at one shared start.
    case noCommonStart
    /// It would fit only by taking away the working-time break.
    case breakRule
    /// It would fit, but not at a start its linked visit's timing allows (or only with the
    /// linked visit's own carer when they must differ).
    case link
    /// It fits as the routes stand, at a cost below leaving it out: the search stopped (its time
    /// or iteration limit) before placing it.
    case searchStopped
    /// It fits as the routes stand, but placing it costs more than leaving it out (travel,
    /// continuity or lateness against the penalty of its priority).
    case costsMore
}

/// Diagnoses every unassigned visit of a result against the final routes.
public func blockers(_ instance: SolverInstance, _ result: SolveResult) -> [Int: Blocker] {
    let solution = SearchSolution(instance)
    solution.load(slots: slots(of: result, instance), start: starts(of: result, instance))
    var rng = SplitMix64(seed: 0)
    var buffer: [Candidate] = []
    var out: [Int: Blocker] = [:]
    for v in result.unassigned {
        let visit = instance.visits[v]
        if instance.candidateShifts[v].isEmpty {
            out[v] = .noShiftInWindow
            continue
        }
        // First whether it fits at all, every rule kept: where a time limit cut the search short
        // most unplaced visits do, and one pricing of its shifts then tells why (in one hub of
        // 100,000 visits, 40 % of them unplaced at 10 s, three pricings each took 14 s).
        if let fit = solution.bestInsertion(for: v, blink: 0, rng: &rng, buffer: &buffer) {
            out[v] = fit.delta >= visit.unassignedPenalty ? .costsMore : .searchStopped
            continue
        }
        solution.candidates(for: v, blink: 0, rng: &rng, into: &buffer, ignoringPaidCap: true, ignoringLinks: true)
        let withoutCap = Set(buffer.map(\.worker))
        if withoutCap.count < visit.workersNeeded {
            out[v] = .busy
            continue
        }
        solution.candidates(for: v, blink: 0, rng: &rng, into: &buffer, ignoringLinks: true)
        let workers = Set(buffer.map(\.worker))
        if workers.count < visit.workersNeeded {
            out[v] = .weeklyCap
            continue
        }
        // The link is the reason only when a partner is placed and the visit would fit without it
        // (it does not fit with it: the first check above).
        let partnered = instance.linksOf[v].contains { solution.isAssigned(instance.links[$0].partner(of: v)) }
        if partnered && solution.bestInsertion(for: v, blink: 0, rng: &rng, buffer: &buffer, ignoringLinks: true) != nil {
            out[v] = .link
            continue
        }
        out[v] = visit.workersNeeded > 1 ? .noCommonStart : .breakRule
    }
    return out
}

private func slots(of result: SolveResult, _ instance: SolverInstance) -> [Int] {
    var slots = Array(repeating: -1, count: SolverVisit.maxWorkers * instance.visits.count)
    for a in result.assignments { for (k, s) in a.shifts.enumerated() { slots[SearchSolution.slot(a.visit, k)] = s } }
    return slots
}

private func starts(of result: SolveResult, _ instance: SolverInstance) -> [Int] {
    var start = Array(repeating: 0, count: instance.visits.count)
    for a in result.assignments { start[a.visit] = a.start }
    return start
}
