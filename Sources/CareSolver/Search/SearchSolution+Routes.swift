extension SearchSolution {
    /// Rebuilds route `s`'s caches after its visit list changed, and moves the objective
    /// parts and per-worker totals by the difference (tails and positions are left stale, for
    /// `updateTails` and `position(of:_:)`).
    func refresh(_ s: Int) {
        let shift = instance.shifts[s]
        let route = routes[s]
        let (location, duration, demand) = (instance.location, instance.duration, instance.demand)
        let tt = instance.travelTime(mode: instance.shifts[s].mode)
        let tc = instance.travelCost(mode: instance.shifts[s].mode)
        let n = route.count
        // The route's own buffers are taken out, rewritten through pointers and put back. Two
        // new arrays per refresh (and the release of the old) were an eighth of the search's
        // instructions under callgrind, and writing an array element by element checks its
        // uniqueness each time. Taken out, each is uniquely referenced unless a copy shares it.
        var e: [Int] = []
        var l: [Int] = []
        swap(&e, &earliest[s])
        swap(&l, &latest[s])
        resize(&e, to: n)
        resize(&l, to: n)
        var cost = 0
        var paid = 0
        var load = 0
        var time = shift.start
        var loc = shift.home
        e.withUnsafeMutableBufferPointer { e in
            for (i, v) in route.enumerated() {
                let here = location[v]
                let (lo, _) = window(v)
                let arrive = time + tt[loc, here]
                e[i] = max(arrive, lo)
                cost += tc[loc, here]
                if i > 0 && instance.paidTravel { paid += tt[loc, here] }
                paid += duration[v]
                load += demand[v]
                time = e[i] + duration[v]
                loc = here
            }
        }
        // The starts are written afterwards under one access to `start` (the loop above reads
        // it through `window` for fixed starts only, which this leaves alone), for the same reason.
        let fixedStart = instance.fixedStart
        start.withUnsafeMutableBufferPointer { start in
            for (i, v) in route.enumerated() where !fixedStart[v] { start[v] = e[i] }
        }
        if n > 0 {
            if shift.returnsHome { cost += tc[loc, shift.home] }
            var next = shift.end - (shift.returnsHome ? tt[loc, shift.home] : 0)
            l.withUnsafeMutableBufferPointer { l in
                for i in stride(from: n - 1, through: 0, by: -1) {
                    let v = route[i]
                    let (_, hi) = window(v)
                    l[i] = min(hi, next - duration[v])
                    if i > 0 { next = l[i] - tt[location[route[i - 1]], location[v]] }
                }
            }
        }
        swap(&e, &earliest[s])
        swap(&l, &latest[s])
        tailsFresh[s] = false
        routeVersions[s] &+= 1
        positionsFresh[s] = false
        account(s, cost: cost - routeCost[s], paid: paid - routePaid[s], load: load - routeLoad[s])
    }

    /// The index of visit `v` in the route of its `k`-th shift. Positions are recorded per
    /// route when first asked after a change, as tails are: recording them on every change
    /// slowed the search without local search by a sixth.
    func position(of v: Int, _ k: Int = 0) -> Int {
        let s = slots[Self.slot(v, k)]
        if !positionsFresh[s] {
            positionsFresh[s] = true
            for (i, u) in routes[s].enumerated() {
                for j in 0..<SolverVisit.maxWorkers where slots[Self.slot(u, j)] == s {
                    positions[Self.slot(u, j)] = i
                    break
                }
            }
        }
        return positions[Self.slot(v, k)]
    }

    /// Brings route `s`'s tails up to date. Only local search reads them, so `refresh` leaves
    /// them stale and this computes them when first asked: filling them on every change cost
    /// the search without local search about an eighth of its iterations.
    func updateTails(_ s: Int) {
        if tailsFresh[s] { return }
        tailsFresh[s] = true
        let route = routes[s]
        let n = route.count
        tails[s].resize(to: n)
        if n == 0 { return }
        let (location, duration, demand) = (instance.location, instance.duration, instance.demand)
        let tt = instance.travelTime(mode: instance.shifts[s].mode)
        let tc = instance.travelCost(mode: instance.shifts[s].mode)
        let last = route[n - 1]
        tails[s].latest[n - 1] = window(last).hi
        tails[s].duration[n - 1] = duration[last]
        tails[s].finish[n - 1] = Int.min
        tails[s].cost[n - 1] = 0
        tails[s].paid[n - 1] = duration[last]
        tails[s].load[n - 1] = demand[last]
        for i in stride(from: n - 2, through: 0, by: -1) {
            let v = route[i]
            let u = route[i + 1]
            let leg = tt[location[v], location[u]]
            tails[s].latest[i] = min(window(v).hi, tails[s].latest[i + 1] - leg - duration[v])
            tails[s].duration[i] = duration[v] + leg + tails[s].duration[i + 1]
            tails[s].finish[i] = max(window(u).lo + tails[s].duration[i + 1], tails[s].finish[i + 1])
            tails[s].cost[i] = tc[location[v], location[u]] + tails[s].cost[i + 1]
            tails[s].paid[i] = duration[v] + (instance.paidTravel ? leg : 0) + tails[s].paid[i + 1]
            tails[s].load[i] = demand[v] + tails[s].load[i + 1]
        }
    }

    /// True when route `s` meets the break rule with its current visits.
    func meetsBreakRule(_ s: Int) -> Bool {
        breakRuleHolds(s, inserting: nil, at: 0, window: (0, 0), removingAt: nil)
    }

    /// Checks the break rule on route `s`'s earliest schedule after a hypothetical change:
    /// inserting visit `inserting` at position `at` with start window `window`, or removing
    /// the visit at `removingAt`. O(route length).
    func breakRuleHolds(_ s: Int, inserting: Int?, at position: Int, window insertWindow: (Int, Int), removingAt: Int?) -> Bool {
        guard let rule = instance.breakRule else { return true }
        let shift = instance.shifts[s]
        if shift.end - shift.start <= rule.maxSpanWithoutBreak { return true }
        let route = routes[s]
        let (location, duration) = (instance.location, instance.duration)
        let tt = instance.travelTime(mode: shift.mode)
        var time = shift.start
        var loc = shift.home
        var first = -1
        var lastEnd = 0
        var longestGap = 0
        var count = 0
        func visit(_ v: Int, _ lo: Int) {
            let arrive = time + tt[loc, location[v]]
            let begin = max(arrive, lo)
            if count == 0 { first = begin } else { longestGap = max(longestGap, begin - arrive) }
            time = begin + duration[v]
            lastEnd = time
            loc = location[v]
            count += 1
        }
        for i in 0...route.count {
            if let v = inserting, i == position { visit(v, insertWindow.0) }
            if i == route.count { break }
            if i == removingAt { continue }
            visit(route[i], window(route[i]).lo)
        }
        if count == 0 { return true }
        return lastEnd - first <= rule.maxSpanWithoutBreak || longestGap >= rule.minimumBreak
    }
}

/// Sets `array`'s count to `n` in its own storage; elements it adds are 0 (the caller writes all).
/// A route changes by a visit or a few, so single appends and removals: `append(contentsOf:
/// repeatElement(…))` and `removeLast(k)` went through generic paths costing about a hundred
/// instructions per call (1.4 % of the search's while `apply` and `remove` used the full refresh;
/// now local search's route exchanges are its main callers).
private func resize(_ array: inout [Int], to n: Int) {
    while array.count > n { array.removeLast() }
    while array.count < n { array.append(0) }
}
