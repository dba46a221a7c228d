extension SearchSolution {
    /// Rebuilds route `s`'s caches after its visit list changed, and moves the objective
    /// parts and per-worker totals by the difference.
    func refresh(_ s: Int) {
        let shift = instance.shifts[s]
        let route = routes[s]
        let (location, duration, demand) = (instance.location, instance.duration, instance.demand)
        let tt = instance.travelTime
        let tc = instance.travelCost
        let n = route.count
        var e = [Int](repeating: 0, count: n)
        var l = [Int](repeating: 0, count: n)
        var cost = 0
        var paid = 0
        var load = 0
        var time = shift.start
        var loc = shift.home
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
            if !instance.fixedStart[v] { start[v] = e[i] }
        }
        if n > 0 {
            if shift.returnsHome { cost += tc[loc, shift.home] }
            var next = shift.end - (shift.returnsHome ? tt[loc, shift.home] : 0)
            for i in stride(from: n - 1, through: 0, by: -1) {
                let v = route[i]
                let (_, hi) = window(v)
                l[i] = min(hi, next - duration[v])
                if i > 0 { next = l[i] - tt[location[route[i - 1]], location[v]] }
            }
        }
        earliest[s] = e
        latest[s] = l
        travelCost += cost - routeCost[s]
        routeCost[s] = cost
        routeLoad[s] = load
        let w = shift.worker
        let before = max(0, instance.workers[w].contracted - workerPaid[w])
        workerPaid[w] += paid - routePaid[s]
        routePaid[s] = paid
        shortfall += max(0, instance.workers[w].contracted - workerPaid[w]) - before
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
        let tt = instance.travelTime
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
