import CareModel

/// Continuity ruin: one client's whole week, for team-first recreate to rebuild around as few
/// workers as it can.
struct ClientRemoval {
    func ruin(_ solution: SearchSolution, rng: inout SplitMix64) -> [(Int, Insertion)] {
        guard let v = solution.randomAssignedVisit(rng: &rng) else { return [] }
        let instance = solution.instance
        var removed: [(Int, Insertion)] = []
        for u in instance.clientVisits[instance.visits[v].client] { solution.ruin(u, into: &removed) }
        return removed
    }
}
