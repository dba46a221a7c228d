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
    /// removal order, each visit with how to restore it. The strings are cut around a random
    /// assigned visit, or around `around` (assigned or not: its neighbours' routes are cut).
    func ruin(_ solution: SearchSolution, rng: inout SplitMix64, around: Int? = nil) -> [(Int, Insertion)] {
        let instance = solution.instance
        guard solution.assignedCount > 0 else { return [] }
        var seed = around ?? rng.nextInt(instance.visits.count)
        var tries = 0
        while around == nil && !solution.isAssigned(seed) && tries < 64 {
            seed = rng.nextInt(instance.visits.count)
            tries += 1
        }
        if around == nil && !solution.isAssigned(seed) { return [] }
        let averageLength = Double(solution.routedVisits) / Double(max(1, solution.nonEmptyRoutes))
        let lMax = max(1.0, min(Double(maxStringLength), averageLength))
        let ksMax = 4 * averageRemoved / (1 + lMax) - 1
        let stringCount = Int(rng.nextUnit() * ksMax) + 1
        // Sized up front for the usual ruin: grown one append at a time they were reallocated
        // several times a ruin (linked partners, removed too, can still outgrow `removed`).
        let near = instance.neighbours[seed]
        var ruinedRoutes: [Int] = []
        ruinedRoutes.reserveCapacity(min(stringCount, near.count + 1))
        var removed: [(Int, Insertion)] = []
        removed.reserveCapacity(2 * stringCount * Int(lMax))
        // The seed, then its neighbours (`[seed] + neighbours` copied the list every ruin).
        for n in -1..<near.count {
            if ruinedRoutes.count >= stringCount { break }
            let v = n < 0 ? seed : near[n]
            guard solution.isAssigned(v) else { continue }
            let s = solution.slots[SearchSolution.slot(v, 0)]
            if ruinedRoutes.contains(s) { continue }
            ruinedRoutes.append(s)
            let count = solution.routes[s].count
            guard let position = solution.routes[s].firstIndex(of: v) else { continue }
            let length = Int(rng.nextUnit() * min(lMax, Double(count))) + 1
            let first: Int
            var kept = 0
            var keptFirst = 0
            if splitRate > 0, length < count, rng.nextUnit() < splitRate {
                kept = 1
                while kept < count - length && rng.nextUnit() > keptBeta { kept += 1 }
                first = max(0, min(position - rng.nextInt(length + kept), count - length - kept))
                keptFirst = first + rng.nextInt(length + 1)
            } else {
                first = max(0, min(position - rng.nextInt(length), count - length))
            }
            // The string's visits are copied into the solution's reused list before any is
            // removed: holding the route itself while removing from it copied the route once
            // per string.
            var string = solution.ruinScratch
            solution.ruinScratch = []
            string.removeAll(keepingCapacity: true)
            for i in first..<(first + length + kept) where i < keptFirst || i >= keptFirst + kept {
                string.append(solution.routes[s][i])
            }
            for u in string { solution.ruin(u, into: &removed) }
            solution.ruinScratch = string
        }
        return removed
    }
}
