/// What a time-warp move changes: travel cost and time warped over the routes it touches.
/// nil from an evaluation means the move breaks capacity, which stays a hard rule.
struct WarpMoveDelta: Equatable {
    var cost: Int
    var warp: Int

    /// The change of routes `a` and `b` (with `whole` their current stretches) becoming `newA`
    /// and `newB`, or nil when either carries more than its shift's capacity.
    @inline(__always) init?(_ a: Int, _ newA: RouteSegment, _ b: Int, _ newB: RouteSegment, in segments: RouteSegments) {
        if newA.load > segments.capacity[a] || newB.load > segments.capacity[b] { return nil }
        let (oldA, oldB) = (segments.whole[a], segments.whole[b])
        cost = newA.cost + newB.cost - oldA.cost - oldB.cost
        warp = newA.warp + newB.warp - oldA.warp - oldB.warp
    }

    /// The penalised change: travel at its weight, warp at `penalty` per unit.
    @inline(__always) func priced(travelWeight: Int, penalty: Double) -> Double {
        Double(travelWeight * cost) + penalty * Double(warp)
    }
}
