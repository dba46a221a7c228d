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
        // The link is the reason only when a partner is placed and the visit would fit without it.
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
