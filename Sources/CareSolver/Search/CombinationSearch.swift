extension SearchSolution {
    /// Chooses `workersNeeded` candidates with distinct workers, overlapping start intervals and
    /// all pinned workers, minimising summed cost; the shared start is the earliest common one.
    /// Only the cheapest `combinationPool` candidates are combined: many positions rarely help.
    /// Reorders `candidates` (the caller's buffer) and allocates nothing.
    func bestCombination(for v: Int, candidates: inout [Candidate]) -> Insertion? {
        let count = Self.keepCheapest(Self.combinationPool, of: &candidates)
        var search = CombinationSearch(solution: self, for: v)
        candidates.withUnsafeBufferPointer { all in
            search.extend(pool: UnsafeBufferPointer(rebasing: all[0..<count]), from: 0, lo: Int.min, hi: Int.max, cost: 0)
        }
        return search.best
    }

    /// Candidates a double-up's combinations are drawn from: the cheapest few dozen hold the best.
    static let combinationPool = 48

    /// Moves the `limit` cheapest candidates (`limit` > 0), by (delta, shift, position), to the
    /// front of `candidates` in that order and returns how many there are. Entries from the
    /// returned count on are left in no useful order (some repeat, evicted ones are gone).
    /// The same as sorting and taking a prefix (the key never ties: a shift's positions differ),
    /// but in place: `sort` allocated its merge buffer on every double-up evaluated.
    static func keepCheapest(_ limit: Int, of candidates: inout [Candidate]) -> Int {
        func less(_ a: Candidate, _ b: Candidate) -> Bool { (a.delta, a.shift, a.position) < (b.delta, b.shift, b.position) }
        precondition(limit > 0, "keepCheapest needs room for at least one candidate")
        var kept = 0
        candidates.withUnsafeMutableBufferPointer { c in
            for i in c.indices {
                let candidate = c[i]
                if kept == limit && !less(candidate, c[limit - 1]) { continue }
                // While fewer than `limit` are kept, every one seen is kept, so `kept == i`:
                // the slots written are all at or before `i`, already read.
                var j = kept < limit ? kept : limit - 1
                while j > 0 && less(candidate, c[j - 1]) {
                    c[j] = c[j - 1]
                    j -= 1
                }
                c[j] = candidate
                if kept < limit { kept += 1 }
            }
        }
        return kept
    }
}

/// The depth-first search of `bestCombination`: candidates taken in cost order, a branch
/// cut once its cost cannot beat the best found. The indices chosen are held inline (at most
/// `SolverVisit.maxWorkers`), so a search allocates nothing.
struct CombinationSearch {
    /// The solution whose routes the candidates were priced in.
    let solution: SearchSolution
    /// The double-up, by index and its data.
    let v: Int
    let visit: SolverVisit
    /// The cheapest combination so far.
    private(set) var best: Insertion?
    /// The chosen candidates: indices into the pool, held inline in the places' `shift` field
    /// (`InsertionPlaces` already holds up to `SolverVisit.maxWorkers` pairs without the heap).
    private var chosen = InsertionPlaces()

    init(solution: SearchSolution, for v: Int) {
        self.solution = solution
        self.v = v
        visit = solution.instance.visits[v]
    }

    /// Extends the chosen candidates with any of `pool[from...]` whose worker is new and whose
    /// start interval meets [lo, hi]; `cost` is the chosen ones' summed delta.
    mutating func extend(pool: UnsafeBufferPointer<Candidate>, from: Int, lo: Int, hi: Int, cost: Int) {
        let k = visit.workersNeeded
        if chosen.count == k {
            consider(pool)
            return
        }
        for i in from..<pool.count {
            let c = pool[i]
            // Later candidates cost at least c.delta each (sorted), so this bounds every
            // completion from here; deltas can be negative (shortfall relief), hence the product.
            if let best, cost + c.delta * (k - chosen.count) >= best.delta { break }
            if chosen.contains(where: { pool[$0.shift].worker == c.worker }) { continue }
            let newLo = max(lo, c.lo)
            let newHi = min(hi, c.hi)
            if newLo > newHi { continue }
            // `chosen` holds pool indices in its places' first field.
            chosen.append((i, 0))
            extend(pool: pool, from: i + 1, lo: newLo, hi: newHi, cost: cost + c.delta)
            chosen.removeLast()
        }
    }

    /// Records the chosen candidates as the best when they hold every pinned worker, cost less
    /// than the best so far and keep the break rule at their shared start.
    private mutating func consider(_ pool: UnsafeBufferPointer<Candidate>) {
        let picked = chosen
        for w in visit.pinnedWorkers where !picked.contains(where: { pool[$0.shift].worker == w }) { return }
        var t = Int.min
        var delta = 0
        for place in picked {
            t = max(t, pool[place.shift].lo)
            delta += pool[place.shift].delta
        }
        // `preferenceCost`'s rule, asked of the chosen candidates directly: passing it a lazy
        // view of their workers (a closure capturing the pool) still heap-allocated for every
        // combination considered (measured; the search before this built two arrays there).
        let preferred = visit.preferredWorkers
        if !preferred.isEmpty && !picked.contains(where: { preferred.contains(pool[$0.shift].worker) }) {
            delta += solution.instance.weights.preference
        }
        if t > visit.windowEnd { delta += solution.latenessCost(lateBy: t - visit.windowEnd) }
        if let best, best.delta <= delta { return }
        var places = InsertionPlaces()
        for place in picked {
            let c = pool[place.shift]
            if !solution.breakRuleHolds(c.shift, inserting: v, at: c.position, window: (t, t), removingAt: nil) { return }
            places.append((c.shift, c.position))
        }
        best = Insertion(places: places, start: t, delta: delta)
    }
}
