import CareModel

/// Continuity ruin: every visit of one (client, worker) pair across the week. String removal
/// takes visits close in time, so it never frees all of a stranger's visits to a client at
/// once; this does, and team-first recreate can hand them to the client's regulars.
///
/// The pair is the smallest among a few drawn (strangers doing one or two visits are where
/// continuity is lost), and half the time the client's most frequent other worker who works then is also
/// cleared around those visits so that they have room to take them.
struct PairRemoval {
    /// Assigned visits drawn to find a small pair.
    var draws = 8

    /// The pair's visits removed (team-first recreate's input) and the displaced ones.
    func ruin(_ solution: SearchSolution, rng: inout SplitMix64) -> (pair: [(Int, Insertion)], displaced: [(Int, Insertion)]) {
        let instance = solution.instance
        let workerCount = instance.workers.count
        var chosen: (visit: Int, worker: Int, count: Int)?
        for _ in 0..<draws {
            guard let v = solution.randomAssignedVisit(rng: &rng) else { break }
            let w = solution.firstWorker(of: v)
            let count = Int(solution.pairCount[instance.visits[v].client * workerCount + w])
            if chosen.map({ count < $0.count }) ?? true { chosen = (v, w, count) }
        }
        guard let chosen else { return ([], []) }
        let client = instance.visits[chosen.visit].client
        var pair: [(Int, Insertion)] = []
        for u in instance.clientVisits[client] where solution.isAssigned(u) && solution.isServed(u, by: chosen.worker) {
            solution.ruin(u, into: &pair)
        }
        var displaced: [(Int, Insertion)] = []
        guard rng.nextUnit() < 0.5 else { return (pair, displaced) }
        // The client's most frequent other worker who works when the chosen visit is due
        // (lowest index on ties): the one most likely to take the pair's visits.
        var regular: (worker: Int, count: Int)?
        var lastWorker = -1
        for s in instance.candidateShifts[chosen.visit] {
            let w = instance.shifts[s].worker
            if w == chosen.worker || w == lastWorker { continue }
            lastWorker = w
            let count = Int(solution.pairCount[client * workerCount + w])
            if count > 0 && regular.map({ count > $0.count || (count == $0.count && w < $0.worker) }) ?? true { regular = (w, count) }
        }
        if let regular { solution.ruinOverlapping(pair.map(\.0), of: regular.worker, into: &displaced) }
        return (pair, displaced)
    }
}
