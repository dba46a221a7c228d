import CareModel

/// Ruin by string removals (Christiaens & Vanden Berghe's SISR): around a random seed visit,
/// remove short strings of consecutive visits from the routes of its nearest neighbours.
/// Removing neighbouring strings frees time slack in several routes of the same area at once.
struct StringRemoval {
    /// Average number of visits removed.
    var averageRemoved = 10.0
    /// Longest string.
    var maxStringLength = 10
    /// Share of strings removed split (SISR's split-string removal, 0.5 in the paper): a longer
    /// stretch around the visit is taken, and a block of consecutive visits inside it is kept, so
    /// the visits removed sit on both sides of visits that stay. 0 never splits and draws nothing.
    var splitRate = 0.0
    /// SISR's β: the kept block grows by one visit with probability 1 − β each time.
    var keptBeta = 0.01

    /// Removes visits (never ones whose removal would break the break rule) and returns, in
    /// removal order, each visit with how to restore it.
    func ruin(_ solution: SearchSolution, rng: inout SplitMix64) -> [(Int, Insertion)] {
        let instance = solution.instance
        guard solution.assignedCount > 0 else { return [] }
        var seed = rng.nextInt(instance.visits.count)
        var tries = 0
        while !solution.isAssigned(seed) && tries < 64 {
            seed = rng.nextInt(instance.visits.count)
            tries += 1
        }
        if !solution.isAssigned(seed) { return [] }
        let nonEmpty = solution.routes.reduce(0) { $0 + ($1.isEmpty ? 0 : 1) }
        let averageLength = Double(solution.routes.reduce(0) { $0 + $1.count }) / Double(max(1, nonEmpty))
        let lMax = max(1.0, min(Double(maxStringLength), averageLength))
        let ksMax = 4 * averageRemoved / (1 + lMax) - 1
        let stringCount = Int(rng.nextUnit() * ksMax) + 1
        var ruinedRoutes: [Int] = []
        var removed: [(Int, Insertion)] = []
        for v in [seed] + instance.neighbours[seed] {
            if ruinedRoutes.count >= stringCount { break }
            guard solution.isAssigned(v) else { continue }
            let s = solution.slots[SearchSolution.slot(v, 0)]
            if ruinedRoutes.contains(s) { continue }
            ruinedRoutes.append(s)
            let route = solution.routes[s]
            guard let position = route.firstIndex(of: v) else { continue }
            let length = Int(rng.nextUnit() * min(lMax, Double(route.count))) + 1
            if splitRate > 0, length < route.count, rng.nextUnit() < splitRate {
                var kept = 1
                while kept < route.count - length && rng.nextUnit() > keptBeta { kept += 1 }
                let stretch = length + kept
                let first = max(0, min(position - rng.nextInt(stretch), route.count - stretch))
                let keptFirst = first + rng.nextInt(length + 1)
                for i in first..<(first + stretch) where i < keptFirst || i >= keptFirst + kept { solution.ruin(route[i], into: &removed) }
                continue
            }
            let first = max(0, min(position - rng.nextInt(length), route.count - length))
            for u in route[first..<(first + length)] { solution.ruin(u, into: &removed) }
        }
        return removed
    }
}
