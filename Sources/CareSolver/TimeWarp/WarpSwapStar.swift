/// SWAP* through time warp (Vidal 2022, "Hybrid genetic search for the CVRP"; PyVRP's
/// `SwapStar`): a visit `u` of route `a` and a visit `v` of route `b` change routes, each going
/// to its best place in the other route rather than to the place the other left.
///
/// As in PyVRP: every visit's removal from its route is priced, and its three cheapest
/// insertion places in the other route (with the other route's visits all there); a pair is then
/// estimated from the other visit's removal and the cheapest of those places not next to it, or
/// from taking the other's place exactly. The best estimate is priced exactly, by walking the two
/// new routes stop by stop (O(route)), and returned only if that lowers travel plus priced warp.
/// A pair of routes costs O(|a| · |b|) joins: unlike the other moves, not constant time.
extension RouteSegments {
    /// A SWAP* exchange: the two new visit lists and their priced change.
    struct SwapStarMove {
        let newA: [Int]
        let newB: [Int]
        let delta: Double
    }

    /// The best SWAP* exchange between shifts `a` and `b` if its exact priced change (travel at
    /// `weight`, warp at `price`) is negative; nil otherwise or when a capacity would be passed
    /// by every pair.
    func bestSwapStar(_ a: Int, _ b: Int, in solution: SearchSolution, weight: Int, price: Double) -> SwapStarMove? {
        let (routeA, routeB) = (solution.routes[a], solution.routes[b])
        if routeA.isEmpty || routeB.isEmpty { return nil }
        func priced(_ s: RouteSegment) -> Double { Double(weight * s.cost) + price * Double(s.warp) }
        let (wholeA, wholeB) = (priced(whole[a]), priced(whole[b]))
        let removeA = routeA.indices.map { priced(prefix(a, $0).then(suffix(a, $0 + 1), time: time, cost: cost)) - wholeA }
        let removeB = routeB.indices.map { priced(prefix(b, $0).then(suffix(b, $0 + 1), time: time, cost: cost)) - wholeB }
        let intoB = routeA.map { cheapestPlaces(of: $0, in: b, count: routeB.count, whole: wholeB, priced: priced) }
        let intoA = routeB.map { cheapestPlaces(of: $0, in: a, count: routeA.count, whole: wholeA, priced: priced) }
        let demand = solution.instance.demand
        let (loadA, loadB) = (solution.routeLoad[a], solution.routeLoad[b])
        // The best estimate: u (at i) goes to place p of b, v (at j) to place q of a (a place
        // equal to the other's position, with `inPlace`, means taking its place).
        var best: (estimate: Double, i: Int, p: Int, inPlaceB: Bool, j: Int, q: Int, inPlaceA: Bool)?
        for (i, u) in routeA.enumerated() {
            for (j, v) in routeB.enumerated() {
                if loadA - demand[u] + demand[v] > capacity[a] || loadB - demand[v] + demand[u] > capacity[b] { continue }
                // Route b loses v and gains u: in v's place exactly, or at a cached place not next to v.
                var deltaB = priced(prefix(b, j).then(visit[u], time: time, cost: cost).then(suffix(b, j + 1), time: time, cost: cost)) - wholeB
                var p = j
                var inPlaceB = true
                if let place = intoB[i].first(where: { $0.place != j && $0.place != j + 1 }), removeB[j] + place.delta < deltaB {
                    (deltaB, p, inPlaceB) = (removeB[j] + place.delta, place.place, false)
                }
                var deltaA = priced(prefix(a, i).then(visit[v], time: time, cost: cost).then(suffix(a, i + 1), time: time, cost: cost)) - wholeA
                var q = i
                var inPlaceA = true
                if let place = intoA[j].first(where: { $0.place != i && $0.place != i + 1 }), removeA[i] + place.delta < deltaA {
                    (deltaA, q, inPlaceA) = (removeA[i] + place.delta, place.place, false)
                }
                let estimate = deltaA + deltaB
                if estimate < (best?.estimate ?? 0) { best = (estimate, i, p, inPlaceB, j, q, inPlaceA) }
            }
        }
        guard let best else { return nil }
        let newA = Self.exchanged(routeA, removing: best.i, inserting: routeB[best.j], at: best.q, inPlace: best.inPlaceA)
        let newB = Self.exchanged(routeB, removing: best.j, inserting: routeA[best.i], at: best.p, inPlace: best.inPlaceB)
        let delta = priced(walk(newA, a)) + priced(walk(newB, b)) - wholeA - wholeB
        return delta < 0 ? SwapStarMove(newA: newA, newB: newB, delta: delta) : nil
    }

    /// The three cheapest places (0...count) to insert `v` into shift `s` as it is, by priced change.
    private func cheapestPlaces(
        of v: Int, in s: Int, count: Int, whole: Double, priced: (RouteSegment) -> Double
    ) -> [(delta: Double, place: Int)] {
        var kept: [(delta: Double, place: Int)] = []
        kept.reserveCapacity(4)
        for p in 0...count {
            let delta = priced(prefix(s, p).then(visit[v], time: time, cost: cost).then(suffix(s, p), time: time, cost: cost)) - whole
            if kept.count == 3, delta >= kept[2].delta { continue }
            let at = kept.firstIndex { delta < $0.delta } ?? kept.count
            kept.insert((delta, p), at: at)
            if kept.count > 3 { kept.removeLast() }
        }
        return kept
    }

    /// `route` without its visit at `removing`, and with `visit` in its place (`inPlace`) or
    /// before the visit at `place` of the original route.
    static func exchanged(_ route: [Int], removing: Int, inserting visit: Int, at place: Int, inPlace: Bool) -> [Int] {
        var result = route
        if inPlace {
            result[removing] = visit
            return result
        }
        result.insert(visit, at: place)
        result.remove(at: place <= removing ? removing + 1 : removing)
        return result
    }

    /// Shift `s` worked as `route`, joined stop by stop (O(route)): the exact price of one move.
    func walk(_ route: [Int], _ s: Int) -> RouteSegment {
        var joined = start[s]
        for v in route { joined = joined.then(visit[v], time: time, cost: cost) }
        return joined.then(end[s], time: time, cost: cost)
    }

    /// Gives shifts `a` and `b` the move's visit lists; returns how to undo it.
    mutating func swapStar(_ a: Int, _ b: Int, _ move: SwapStarMove, in solution: SearchSolution) -> RouteChange {
        replace(a, move.newA, b, move.newB, in: solution)
    }
}
