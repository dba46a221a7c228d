import CareModel

/// The first solution: visits placed greedily, hardest first (urgent, few possible shifts,
/// several workers, tight), each at its cheapest feasible place. Last week's carers are offered
/// their visits first (a warm start), and with continuity weighted a client's run of the same call
/// on other days is placed together, team-first.
struct Construction {
    let parameters: SolveParameters

    /// Builds the first solution, drawing from `rng`. Construction is part of the search's time:
    /// once the time limit passes it stops placing visits and returns what it has, so a very large
    /// problem under `--seconds` still answers on time (the rest are left unassigned).
    func build(
        _ instance: SolverInstance, rng: inout SplitMix64, buffer: inout [Candidate], stopwatch: Stopwatch
    ) -> SearchSolution {
        let solution = SearchSolution(instance)
        let order = instance.visits.indices.sorted { a, b in
            let va = instance.visits[a]
            let vb = instance.visits[b]
            return (-va.unassignedPenalty, instance.candidateShifts[a].count, -va.workersNeeded, va.windowEnd - va.windowStart, a)
                < (-vb.unassignedPenalty, instance.candidateShifts[b].count, -vb.workersNeeded, vb.windowEnd - vb.windowStart, b)
        }
        let team = TeamRecreate()
        let continuity = instance.weights.valuesContinuity && parameters.continuityMoves
        // Warm start: a visit goes first to the workers who did it last time, where they still can,
        // in the same priority order as the rest (urgent visits first, so a new Home First client is
        // not crowded out by last week's rounds).
        func warm(_ v: Int) -> Bool {
            let visit = instance.visits[v]
            return parameters.warmStart && visit.previousWorkers.count == visit.workersNeeded && visit.pinnedWorkers.isEmpty
        }
        for (position, v) in order.enumerated() {
            // The clock is read every 64 visits of the order: often enough to stop within a
            // fraction of a second on a county, rarely enough to cost nothing.
            if position % 64 == 63, let limit = parameters.stop.maxSeconds, stopwatch.elapsed() >= limit { break }
            if solution.isAssigned(v) { continue }
            let visit = instance.visits[v]
            if warm(v), let insertion = solution.bestInsertion(for: v, blink: 0, rng: &rng, buffer: &buffer, onlyWorkers: visit.previousWorkers) {
                solution.apply(v, insertion)
                continue
            }
            // Construction thinks in runs: a worker who can take a client's morning call on most
            // days is preferred over the cheapest worker for Monday alone. Run mates with a warm
            // start wait for their own turn.
            if continuity && parameters.runConstruction && visit.workersNeeded == 1 && visit.pinnedWorkers.isEmpty && !instance.runMates[v].isEmpty {
                let run = [v] + instance.runMates[v].filter { !solution.isAssigned($0) && !warm($0) }
                _ = team.recreate(run, in: solution, rng: &rng, buffer: &buffer)
                continue
            }
            if let insertion = solution.bestInsertion(for: v, blink: 0, rng: &rng, buffer: &buffer) { solution.apply(v, insertion) }
        }
        return solution
    }
}
