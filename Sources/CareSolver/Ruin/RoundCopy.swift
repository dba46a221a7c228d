import CareModel

/// Continuity move: a worker's round on one day copied to another day they work. It takes a
/// random assigned visit's route, finds for each of its visits the run mate (same client,
/// about the same time) falling in another shift of the same worker, and removes those mates
/// and everything on that other shift. Team-first recreate then gives the mates to the worker
/// (the same clients, in the same order, is usually a good round twice) and greedy recreate
/// places what was displaced. Coordinators build weeks this way: the same round every day.
struct RoundCopy {
    /// The worker, the mates to give them (in the source round's order; assigned or not), and
    /// every visit removed (assigned mates and the displaced) with how to restore it.
    func ruin(_ solution: SearchSolution, rng: inout SplitMix64) -> (worker: Int, mates: [Int], removed: [(Int, Insertion)]) {
        guard let v = solution.randomAssignedVisit(rng: &rng) else { return (0, [], []) }
        let instance = solution.instance
        let source = solution.slots[SearchSolution.slot(v, 0)]
        let worker = instance.shifts[source].worker
        let others = instance.workerShifts[worker].filter { $0 != source }
        guard !others.isEmpty else { return (worker, [], []) }
        let target = others[rng.nextInt(others.count)]
        let shift = instance.shifts[target]
        var mates: [Int] = []
        var removed: [(Int, Insertion)] = []
        for u in solution.routes[source] where instance.visits[u].workersNeeded == 1 {
            // The run mate of u that can fall inside the target shift, if the worker may take it.
            guard
                let m = instance.runMates[u].first(where: {
                    instance.visits[$0].windowStart < shift.end && instance.visits[$0].latestStart >= shift.start
                }),
                instance.visits[m].pinnedWorkers.isEmpty, instance.visits[m].allowedWorkers.contains(worker),
                !solution.isAssigned(m) || (!solution.isServed(m, by: worker) && solution.canRemove(m))
            else { continue }
            solution.ruin(m, into: &removed)
            mates.append(m)
        }
        if !mates.isEmpty {
            for k in solution.routes[target] { solution.ruin(k, into: &removed) }
        }
        return (worker, mates, removed)
    }
}
