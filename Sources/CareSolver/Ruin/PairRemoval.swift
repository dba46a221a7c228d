import CareModel

/// Continuity ruin: every visit of one (client, worker) pair across the week. String removal
/// takes visits close in time, so it never frees all of a stranger's visits to a client at
/// once; this does, and team-first recreate can hand them to the client's regulars.
struct PairRemoval {
    /// Removes the pair of a random assigned visit (its client and first worker); returns the
    /// visits removed with how to restore them, in removal order.
    func ruin(_ solution: SearchSolution, rng: inout SplitMix64) -> [(Int, Insertion)] {
        guard let v = solution.randomAssignedVisit(rng: &rng) else { return [] }
        let instance = solution.instance
        let worker = solution.firstWorker(of: v)
        var removed: [(Int, Insertion)] = []
        for u in instance.clientVisits[instance.visits[v].client] where solution.isAssigned(u) && solution.isServed(u, by: worker) {
            solution.ruin(u, into: &removed)
        }
        return removed
    }
}
