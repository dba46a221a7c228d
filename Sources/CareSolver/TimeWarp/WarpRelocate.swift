/// Relocate through time warp: visit `v`, or a chain of consecutive visits starting with it
/// (or-opt: two or three, PyVRP's Exchange<2, 0> and <3, 0>), leaves its route for position
/// `position` of route `target`. The source becomes its prefix before the chain joined with its
/// suffix after it; the target, its prefix, the chain, then its suffix.
extension RouteSegments {
    /// The change of moving `v` (at `i` in shift `source`) to `target` at `position`, or nil
    /// when the target's capacity would be passed.
    @inline(__always) func relocateDelta(_ v: Int, from source: Int, at i: Int, to target: Int, at position: Int) -> WarpMoveDelta? {
        relocateDelta(visit[v], from: source, at: i, count: 1, to: target, at: position)
    }

    /// The change of moving the `count` visits from `i` of shift `source`, joined as `chain`
    /// (`chain(of:)`), to `target` at `position`, or nil when the target's capacity would be passed.
    @inline(__always) func relocateDelta(
        _ chain: RouteSegment, from source: Int, at i: Int, count: Int, to target: Int, at position: Int
    ) -> WarpMoveDelta? {
        let newSource = prefix(source, i).then(suffix(source, i + count), time: time, cost: cost)
        let newTarget = prefix(target, position).then(chain, time: time, cost: cost).then(suffix(target, position), time: time, cost: cost)
        return WarpMoveDelta(source, newSource, target, newTarget, in: self)
    }

    /// The travel change alone of moving `v` (see `RouteSegment.costThen`).
    @inline(__always) func relocateCostDelta(_ v: Int, from source: Int, at i: Int, to target: Int, at position: Int) -> Int {
        relocateCostDelta(visit[v], from: source, at: i, count: 1, to: target, at: position)
    }

    /// The travel change alone of moving a chain.
    @inline(__always) func relocateCostDelta(
        _ chain: RouteSegment, from source: Int, at i: Int, count: Int, to target: Int, at position: Int
    ) -> Int {
        let (before, after) = (prefix(target, position), suffix(target, position))
        let into =
            before.cost + after.cost + chain.cost + RouteSegment.link(before.last, chain.first, cost: cost)
            + RouteSegment.link(chain.last, after.first, cost: cost)
        let out = prefix(source, i).costThen(suffix(source, i + count), cost: cost)
        return into + out - whole[source].cost - whole[target].cost
    }

    /// The visits `route[range]` joined as one stretch (a chain of two or three: O(length)).
    @inline(__always) func chain(of route: [Int], _ range: Range<Int>) -> RouteSegment {
        var joined = visit[route[range.lowerBound]]
        for i in (range.lowerBound + 1)..<range.upperBound { joined = joined.then(visit[route[i]], time: time, cost: cost) }
        return joined
    }

    /// Moves `v` to `target` at `position` in the solution and rebuilds both routes' stretches;
    /// returns how to undo it.
    mutating func relocate(_ v: Int, from source: Int, at i: Int, to target: Int, at position: Int, in solution: SearchSolution) -> RouteChange {
        relocate(count: 1, from: source, at: i, to: target, at: position, in: solution)
    }

    /// Moves the `count` visits from `i` of `source` to `target` at `position`, in their order.
    mutating func relocate(count: Int, from source: Int, at i: Int, to target: Int, at position: Int, in solution: SearchSolution) -> RouteChange {
        var newSource = solution.routes[source]
        let moving = newSource[i..<(i + count)]
        var newTarget = solution.routes[target]
        newTarget.insert(contentsOf: moving, at: position)
        newSource.removeSubrange(i..<(i + count))
        return replace(source, newSource, target, newTarget, in: solution)
    }
}
