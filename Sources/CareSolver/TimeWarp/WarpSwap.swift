/// Swap through time warp: visits `v` and `u` of two routes change places; each route becomes
/// its prefix, the other visit, then its suffix.
extension RouteSegments {
    /// The change of exchanging `v` (at `i` in shift `a`) and `u` (at `j` in shift `b`), or nil
    /// when a capacity would be passed.
    @inline(__always) func swapDelta(_ v: Int, _ a: Int, at i: Int, _ u: Int, _ b: Int, at j: Int) -> WarpMoveDelta? {
        let newA = prefix(a, i).then(visit[u], time: time, cost: cost).then(suffix(a, i + 1), time: time, cost: cost)
        let newB = prefix(b, j).then(visit[v], time: time, cost: cost).then(suffix(b, j + 1), time: time, cost: cost)
        return WarpMoveDelta(a, newA, b, newB, in: self)
    }

    /// The travel change alone of the same move (see `RouteSegment.costThen`).
    @inline(__always) func swapCostDelta(_ v: Int, _ a: Int, at i: Int, _ u: Int, _ b: Int, at j: Int) -> Int {
        between(prefix(a, i), u, suffix(a, i + 1)) + between(prefix(b, j), v, suffix(b, j + 1)) - whole[a].cost - whole[b].cost
    }

    /// Travel cost of `before`, visit `w`, then `after`.
    @inline(__always) private func between(_ before: RouteSegment, _ w: Int, _ after: RouteSegment) -> Int {
        let here = visit[w].first
        return before.cost + after.cost + RouteSegment.link(before.last, here, cost: cost) + RouteSegment.link(here, after.first, cost: cost)
    }

    /// Exchanges `v` and `u` in the solution and rebuilds both routes' stretches.
    mutating func swap(_ v: Int, _ a: Int, at i: Int, _ u: Int, _ b: Int, at j: Int, in solution: SearchSolution) -> RouteChange {
        var newA = solution.routes[a]
        newA[i] = u
        var newB = solution.routes[b]
        newB[j] = v
        return replace(a, newA, b, newB, in: solution)
    }
}
