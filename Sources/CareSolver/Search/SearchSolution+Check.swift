extension SearchSolution {
    /// The objective recomputed from the routes alone, ignoring every incremental total.
    /// Tests compare it with `cost` after random moves: that guards all the caching.
    func recomputedCost() -> Int {
        var travel = 0
        var paid = Array(repeating: 0, count: instance.workers.count)
        for (s, route) in routes.enumerated() where !route.isEmpty {
            let shift = instance.shifts[s]
            let tt = instance.travelTime(mode: shift.mode)
            let tc = instance.travelCost(mode: shift.mode)
            var loc = shift.home
            for (i, v) in route.enumerated() {
                let here = instance.visits[v].location
                travel += tc[loc, here]
                if i > 0 && instance.paidTravel { paid[shift.worker] += tt[loc, here] }
                paid[shift.worker] += instance.visits[v].duration
                loc = here
            }
            if shift.returnsHome { travel += tc[loc, shift.home] }
        }
        var pairs: [Int: Int] = [:]
        var misses = 0
        var penalty = 0
        var late = 0
        var maxLate = 0
        for v in instance.visits.indices {
            let workers = shifts(of: v).map { instance.shifts[$0].worker }
            if workers.isEmpty {
                penalty += instance.visits[v].unassignedPenalty
                continue
            }
            let minutesLate = max(0, start[v] - instance.visits[v].windowEnd)
            late += minutesLate
            maxLate = max(maxLate, minutesLate)
            for w in workers { pairs[instance.visits[v].client * instance.workers.count + w, default: 0] += 1 }
            let preferred = instance.visits[v].preferredWorkers
            if !preferred.isEmpty && !workers.contains(where: preferred.contains) { misses += 1 }
        }
        let short = zip(instance.workers, paid).reduce(0) { $0 + max(0, $1.0.contracted - $1.1) }
        let w = instance.weights
        let taper = pairs.reduce(0) { sum, pair in
            let past = instance.pastVisits(ofPair: pair.key)
            return sum + Weights.continuityTaper(pair.value + past) - Weights.continuityTaper(past)
        }
        let newPairs = pairs.keys.filter(instance.isNewPair).count
        return w.travel * travel + w.continuity * pairs.count + w.preference * misses + w.shortfall * short + penalty
            + w.continuityVisits * taper + w.newWorker * newPairs + w.lateness * late + w.maxLateness * maxLate
    }
}

extension SearchSolution {
    /// True when the unweighted counts kept beside the cost (`nonEmptyRoutes`, `routedVisits`,
    /// `preferenceMisses`) are what counting the routes gives: `recomputedCost` cannot see a
    /// count whose weight is 0. Tests check it beside `recomputedCost` after random moves.
    func countsMatch() -> Bool {
        let misses = instance.visits.indices.filter { v in
            isAssigned(v) && missesPreference(v, workers: shifts(of: v).map { instance.shifts[$0].worker })
        }.count
        return nonEmptyRoutes == routes.reduce(0) { $0 + ($1.isEmpty ? 0 : 1) } && routedVisits == routes.reduce(0) { $0 + $1.count }
            && preferenceMisses == misses
    }
}
