import CareModel

/// Continuity ruin: one visit and its run mates (the same client at about the same time on
/// other days), and half the time also the visits of a chosen worker that stand in the run's
/// way, so team-first recreate can give the whole run to that worker and place the displaced
/// visits elsewhere.
struct RunRemoval {
    /// Returns the run's visits removed (team-first recreate's input) and the displaced ones.
    func ruin(_ solution: SearchSolution, rng: inout SplitMix64) -> (run: [(Int, Insertion)], displaced: [(Int, Insertion)]) {
        guard let v = solution.randomAssignedVisit(rng: &rng) else { return ([], []) }
        let instance = solution.instance
        let visit = instance.visits[v]
        var run: [(Int, Insertion)] = []
        for u in [v] + instance.runMates[v] { solution.ruin(u, into: &run) }
        var displaced: [(Int, Insertion)] = []
        guard rng.nextUnit() < 0.5, visit.workersNeeded == 1, visit.pinnedWorkers.isEmpty, !visit.allowedWorkers.isEmpty else {
            return (run, displaced)
        }
        // The target: one of the client's other workers this week, else any allowed worker.
        let workerCount = instance.workers.count
        let regulars = visit.allowedWorkers.filter { solution.pairCount[visit.client * workerCount + $0] > 0 }
        let pool = regulars.isEmpty ? visit.allowedWorkers : regulars
        let target = pool[rng.nextInt(pool.count)]
        for (u, _) in run {
            let mate = instance.visits[u]
            for s in instance.workerShifts[target] {
                let shift = instance.shifts[s]
                guard shift.start <= mate.latestStart + mate.duration, mate.windowStart <= shift.end else { continue }
                for k in solution.routes[s] {
                    let other = instance.visits[k]
                    let begins = solution.start[k]
                    // Visits of the target overlapping the run visit's window and a little either side.
                    if begins < mate.latestStart + mate.duration + 30 && begins + other.duration + 30 > mate.windowStart {
                        solution.ruin(k, into: &displaced)
                    }
                }
            }
        }
        return (run, displaced)
    }
}
