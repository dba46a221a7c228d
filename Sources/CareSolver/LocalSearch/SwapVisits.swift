/// Swap (1, 1): two visits in different routes exchange places. Both must be free to move
/// (see `Relocate`).
struct SwapVisits {
    /// The objective change of exchanging `v` and `u`, or nil when infeasible or not below
    /// `bound` (the break rule is checked only below it).
    func evaluate(_ v: Int, _ u: Int, in solution: SearchSolution, bound: Int, pairMoves: inout [(key: Int, by: Int)]) -> Int? {
        if !Relocate.canMove(v, in: solution) || !Relocate.canMove(u, in: solution) { return nil }
        let a = solution.slots[SearchSolution.slot(v, 0)]
        let b = solution.slots[SearchSolution.slot(u, 0)]
        if a == b { return nil }
        let i = solution.position(of: v)
        let j = solution.position(of: u)
        let wa = solution.instance.shifts[a].worker
        let wb = solution.instance.shifts[b].worker
        if wa != wb && !(solution.canChangeWorker(v, to: wb) && solution.canChangeWorker(u, to: wa)) { return nil }
        let demandChange = solution.instance.demand[u] - solution.instance.demand[v]
        if solution.routeLoad[a] + demandChange > solution.instance.shifts[a].capacity
            || solution.routeLoad[b] - demandChange > solution.instance.shifts[b].capacity
        {
            return nil
        }
        guard let inA = solution.splice(a, after: i - 1, before: i + 1, inserting: u),
            let inB = solution.splice(b, after: j - 1, before: j + 1, inserting: v),
            let paid = solution.paidChange(a, by: inA.paid, b, by: inB.paid)
        else { return nil }
        var delta = solution.instance.weights.travel * (inA.cost + inB.cost) + paid
        if wa != wb && solution.workerMattersBeyondTime {
            pairMoves.removeAll(keepingCapacity: true)
            delta += solution.collectWorkerChange(of: solution.routes[a], i..<(i + 1), from: wa, to: wb, into: &pairMoves)
            delta += solution.collectWorkerChange(of: solution.routes[b], j..<(j + 1), from: wb, to: wa, into: &pairMoves)
            delta += solution.continuityChange(pairMoves)
        }
        if delta >= bound { return nil }
        guard
            solution.breakRuleHolds(
                a, inserting: u, at: i, window: (solution.instance.earliestStart[u], solution.instance.latestStart[u]), removingAt: i),
            solution.breakRuleHolds(
                b, inserting: v, at: j, window: (solution.instance.earliestStart[v], solution.instance.latestStart[v]), removingAt: j)
        else { return nil }
        return delta
    }

    /// Exchanges `v` and `u`; returns how to undo it.
    func apply(_ v: Int, _ u: Int, in solution: SearchSolution) -> RouteChange {
        let a = solution.slots[SearchSolution.slot(v, 0)]
        let b = solution.slots[SearchSolution.slot(u, 0)]
        var newA = solution.routes[a]
        newA[solution.position(of: v)] = u
        var newB = solution.routes[b]
        newB[solution.position(of: u)] = v
        let old = solution.replaceRoutes(a, newA, b, newB)
        return RouteChange(a: a, oldA: old.a, b: b, oldB: old.b)
    }
}
