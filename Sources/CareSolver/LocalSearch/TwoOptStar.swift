/// 2-opt* (PyVRP's `SwapTails`): two routes exchange their tails. Route `a` keeps its first
/// `cutA` visits and takes route `b`'s visits from `cutB` on, and the other way round. Every
/// visit of both tails must be able to change shift (one worker; no link when the worker
/// changes; allowed for the new worker).
struct TwoOptStar {
    /// Reused lists for the break rule, so evaluating allocates nothing.
    private var newA: [Int] = []
    private var newB: [Int] = []

    /// The objective change, or nil when infeasible, a no-op, or not below `bound` (tails'
    /// visits and the break rule are checked only below it).
    mutating func evaluate(
        _ a: Int, cutA: Int, _ b: Int, cutB: Int, in solution: SearchSolution, bound: Int, pairMoves: inout [(key: Int, by: Int)]
    ) -> Int? {
        let routeA = solution.routes[a]
        let routeB = solution.routes[b]
        if a == b || (cutA == routeA.count && cutB == routeB.count) { return nil }
        guard let joinedA = solution.join(a, keeping: cutA, tailOf: b, from: cutB),
            let joinedB = solution.join(b, keeping: cutB, tailOf: a, from: cutA),
            joinedA.load <= solution.instance.shifts[a].capacity, joinedB.load <= solution.instance.shifts[b].capacity,
            let paid = solution.paidChange(a, by: joinedA.paid - solution.routePaid[a], b, by: joinedB.paid - solution.routePaid[b])
        else { return nil }
        let wa = solution.instance.shifts[a].worker
        let wb = solution.instance.shifts[b].worker
        var delta = solution.instance.weights.travel * (joinedA.cost + joinedB.cost - solution.routeCost[a] - solution.routeCost[b]) + paid
        if delta >= bound && !(wa != wb && solution.workerMattersBeyondTime) { return nil }
        if !tailMoves(routeA[cutA...], to: wb, in: solution) || !tailMoves(routeB[cutB...], to: wa, in: solution) { return nil }
        if wa != wb && solution.workerMattersBeyondTime {
            pairMoves.removeAll(keepingCapacity: true)
            delta += solution.collectWorkerChange(of: routeA, cutA..<routeA.count, from: wa, to: wb, into: &pairMoves)
            delta += solution.collectWorkerChange(of: routeB, cutB..<routeB.count, from: wb, to: wa, into: &pairMoves)
            delta += solution.continuityChange(pairMoves)
        }
        if delta >= bound { return nil }
        build(routeA, cutA, routeB, cutB)
        if !solution.breakRuleHolds(a, visits: newA) || !solution.breakRuleHolds(b, visits: newB) { return nil }
        return delta
    }

    /// Exchanges the tails; returns how to undo it. The new lists are fresh arrays, so the
    /// routes never share storage with the evaluation buffers.
    func apply(_ a: Int, cutA: Int, _ b: Int, cutB: Int, in solution: SearchSolution) -> RouteChange {
        let (routeA, routeB) = (solution.routes[a], solution.routes[b])
        let old = solution.replaceRoutes(a, Array(routeA[..<cutA] + routeB[cutB...]), b, Array(routeB[..<cutB] + routeA[cutA...]))
        return RouteChange(a: a, oldA: old.a, b: b, oldB: old.b)
    }

    /// True when every visit of `tail` may be worked by worker `w` on another shift.
    private func tailMoves(_ tail: ArraySlice<Int>, to w: Int, in solution: SearchSolution) -> Bool {
        tail.allSatisfy { v in
            solution.instance.visits[v].workersNeeded == 1
                && (solution.instance.shifts[solution.slots[SearchSolution.slot(v, 0)]].worker == w || solution.canChangeWorker(v, to: w))
        }
    }

    /// Fills `newA` and `newB` with the exchanged lists.
    private mutating func build(_ routeA: [Int], _ cutA: Int, _ routeB: [Int], _ cutB: Int) {
        newA.removeAll(keepingCapacity: true)
        newA.append(contentsOf: routeA[..<cutA])
        newA.append(contentsOf: routeB[cutB...])
        newB.removeAll(keepingCapacity: true)
        newB.append(contentsOf: routeB[..<cutB])
        newB.append(contentsOf: routeA[cutA...])
    }
}
