import CareModel

/// Continuity ruin: one client's whole week, for team-first recreate to rebuild around as few
/// workers as it can. Half the time the client's two most frequent workers are also cleared
/// around the client's visits, so the team has room to take the whole week.
struct ClientRemoval {
    /// The client's visits removed (team-first recreate's input) and the displaced ones.
    func ruin(_ solution: SearchSolution, rng: inout SplitMix64) -> (client: [(Int, Insertion)], displaced: [(Int, Insertion)]) {
        guard let v = solution.randomAssignedVisit(rng: &rng) else { return ([], []) }
        let instance = solution.instance
        let client = instance.visits[v].client
        // The two most frequent workers before the removal (lowest index on ties).
        let workerCount = instance.workers.count
        var counts: [(worker: Int, count: Int)] = []
        for u in instance.clientVisits[client] where solution.isAssigned(u) {
            let w = solution.firstWorker(of: u)
            if !counts.contains(where: { $0.worker == w }) { counts.append((w, Int(solution.pairCount[client * workerCount + w]))) }
        }
        counts.sort { ($0.count, -$0.worker) > ($1.count, -$1.worker) }
        var removed: [(Int, Insertion)] = []
        for u in instance.clientVisits[client] { solution.ruin(u, into: &removed) }
        var displaced: [(Int, Insertion)] = []
        guard rng.nextUnit() < 0.5 else { return (removed, displaced) }
        let visits = removed.map(\.0)
        for regular in counts.prefix(2) { solution.ruinOverlapping(visits, of: regular.worker, into: &displaced) }
        return (removed, displaced)
    }
}
