/// Relocate through time warp: visit `v` leaves its route for position `position` of route
/// `target`. The source becomes its prefix before `v` joined with its suffix after it; the
/// target, its prefix, `v`, then its suffix.
extension RouteSegments {
    /// The change of moving `v` (at `i` in shift `source`) to `target` at `position`, or nil
    /// when the target's capacity would be passed.
    @inline(__always) func relocateDelta(_ v: Int, from source: Int, at i: Int, to target: Int, at position: Int) -> WarpMoveDelta? {
        let newSource = prefix(source, i).then(suffix(source, i + 1), time: time, cost: cost)
        let newTarget = prefix(target, position).then(visit[v], time: time, cost: cost).then(suffix(target, position), time: time, cost: cost)
        return WarpMoveDelta(source, newSource, target, newTarget, in: self)
    }

    /// The travel change alone of the same move (see `RouteSegment.costThen`).
    @inline(__always) func relocateCostDelta(_ v: Int, from source: Int, at i: Int, to target: Int, at position: Int) -> Int {
        let here = visit[v].first
        let (before, after) = (prefix(target, position), suffix(target, position))
        let into = before.cost + after.cost + RouteSegment.link(before.last, here, cost: cost) + RouteSegment.link(here, after.first, cost: cost)
        let out = prefix(source, i).costThen(suffix(source, i + 1), cost: cost)
        return into + out - whole[source].cost - whole[target].cost
    }

    /// Moves `v` to `target` at `position` in the solution and rebuilds both routes' stretches;
    /// returns how to undo it.
    mutating func relocate(_ v: Int, from source: Int, at i: Int, to target: Int, at position: Int, in solution: SearchSolution) -> RouteChange {
        var newSource = solution.routes[source]
        newSource.remove(at: i)
        var newTarget = solution.routes[target]
        newTarget.insert(v, at: position)
        return replace(source, newSource, target, newTarget, in: solution)
    }
}
