/// 2-opt* through time warp: two routes exchange their tails, route `a` from position `cutA`
/// and route `b` from `cutB`. A tail carries its shift's end with it, which is right only
/// because the shifts are alike (`WarpLocalSearch.applies(to:)`).
extension RouteSegments {
    /// The change of the exchange, or nil when a capacity would be passed.
    @inline(__always) func twoOptStarDelta(_ a: Int, cutA: Int, _ b: Int, cutB: Int) -> WarpMoveDelta? {
        let newA = prefix(a, cutA).then(suffix(b, cutB), time: time, cost: cost)
        let newB = prefix(b, cutB).then(suffix(a, cutA), time: time, cost: cost)
        return WarpMoveDelta(a, newA, b, newB, in: self)
    }

    /// The travel change alone of the same move (see `RouteSegment.costThen`).
    @inline(__always) func twoOptStarCostDelta(_ a: Int, cutA: Int, _ b: Int, cutB: Int) -> Int {
        prefix(a, cutA).costThen(suffix(b, cutB), cost: cost) + prefix(b, cutB).costThen(suffix(a, cutA), cost: cost) - whole[a].cost
            - whole[b].cost
    }

    /// Exchanges the tails in the solution and rebuilds both routes' stretches.
    mutating func twoOptStar(_ a: Int, cutA: Int, _ b: Int, cutB: Int, in solution: SearchSolution) -> RouteChange {
        let (routeA, routeB) = (solution.routes[a], solution.routes[b])
        let newA = Array(routeA[..<cutA]) + routeB[cutB...]
        let newB = Array(routeB[..<cutB]) + routeA[cutA...]
        return replace(a, newA, b, newB, in: solution)
    }
}
