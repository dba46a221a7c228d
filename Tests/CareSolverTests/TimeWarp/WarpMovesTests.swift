import CareModel
import SolomonBenchmark
import Testing

@testable import CareSolver

/// Each time-warp move's evaluation (and its travel-only price) equals applying it and walking
/// every route again, from states with and without warp; capacity is refused exactly when a
/// route would pass it; undoing a move gives back the routes and caches before it, and the
/// stretches rebuilt for the changed routes alone equal those of every route rebuilt.
@Suite("Time-warp moves")
struct WarpMovesTests {
    /// A random solution of Solomon's instance `name` (drawn with seed `solution`), its stretches
    /// built, and the draws of the test (seed `draws`).
    static func start(_ name: String, solution seed: UInt64, draws: UInt64) throws -> (SolverInstance, SearchSolution, RouteSegments, SplitMix64) {
        let instance = try SolomonTests.fixture(name).solverInstance()
        let solution = MoveChecks.randomSolution(instance, seed: seed)
        var segments = RouteSegments(instance)
        segments.rebuildAll(solution)
        return (instance, solution, segments, SplitMix64(seed: draws))
    }

    @Test(arguments: ["c101", "r201"])
    func evaluationsMatchApply(_ name: String) throws {
        var (instance, solution, segments, rng) = try Self.start(name, solution: 7, draws: 3)
        var applied = 0
        var refused = 0
        var warpedStates = 0
        for _ in 0..<3000 {
            guard let (v, u, a, b) = MoveChecks.neighbourPair(in: solution, rng: &rng) else { continue }
            let (i, j) = (solution.position(of: v), solution.position(of: u))
            let routesBefore = solution.routes
            let before = WarpWalk.total(solution)
            #expect(before.warp == segments.warp && before.cost == solution.travelCost)
            if before.warp > 0 { warpedStates += 1 }
            let (loadA, loadB) = (solution.routeLoad[a], solution.routeLoad[b])
            let (capA, capB) = (instance.shifts[a].capacity, instance.shifts[b].capacity)
            let (dv, du) = (instance.demand[v], instance.demand[u])
            let kind = rng.nextInt(5)
            let delta: WarpMoveDelta?
            let travelOnly: Int
            let fits: Bool
            switch kind {
            case 0, 1:
                let position = j + kind
                delta = segments.relocateDelta(v, from: a, at: i, to: b, at: position)
                travelOnly = segments.relocateCostDelta(v, from: a, at: i, to: b, at: position)
                fits = loadB + dv <= capB
            case 2:
                delta = segments.swapDelta(v, a, at: i, u, b, at: j)
                travelOnly = segments.swapCostDelta(v, a, at: i, u, b, at: j)
                fits = loadA - dv + du <= capA && loadB - du + dv <= capB
            default:
                let (cutA, cutB) = kind == 3 ? (i, j + 1) : (i + 1, j)
                delta = segments.twoOptStarDelta(a, cutA: cutA, b, cutB: cutB)
                travelOnly = segments.twoOptStarCostDelta(a, cutA: cutA, b, cutB: cutB)
                let (routeA, routeB) = (solution.routes[a], solution.routes[b])
                let newA = routeA[..<cutA].reduce(0) { $0 + instance.demand[$1] } + routeB[cutB...].reduce(0) { $0 + instance.demand[$1] }
                let newB = routeB[..<cutB].reduce(0) { $0 + instance.demand[$1] } + routeA[cutA...].reduce(0) { $0 + instance.demand[$1] }
                fits = newA <= capA && newB <= capB
            }
            #expect((delta != nil) == fits, "capacity judged wrongly, move \(kind)")
            guard let delta else {
                refused += 1
                continue
            }
            #expect(delta.cost == travelOnly, "the travel-only price differs, move \(kind)")
            let change: RouteChange
            switch kind {
            case 0, 1: change = segments.relocate(v, from: a, at: i, to: b, at: j + kind, in: solution)
            case 2: change = segments.swap(v, a, at: i, u, b, at: j, in: solution)
            case 3: change = segments.twoOptStar(a, cutA: i, b, cutB: j + 1, in: solution)
            default: change = segments.twoOptStar(a, cutA: i + 1, b, cutB: j, in: solution)
            }
            applied += 1
            let after = WarpWalk.total(solution)
            #expect(after.cost - before.cost == delta.cost && after.warp - before.warp == delta.warp, "move \(kind)")
            #expect(solution.cost == solution.recomputedCost() && solution.countsMatch())
            #expect(segments.warp == after.warp)
            #expect(RouteSegmentTests.sameStretches(segments, rebuiltFrom: solution))
            // Keep about a third of the moves, so that states drift into warp and out again.
            if rng.nextInt(3) != 0 {
                solution.undo([change])
                segments.rebuildChanged(solution)
                #expect(solution.routes == routesBefore && WarpWalk.total(solution) == before)
                #expect(solution.cost == solution.recomputedCost() && RouteEditsTests.matchesFullRefresh(solution))
                #expect(RouteSegmentTests.sameStretches(segments, rebuiltFrom: solution))
            }
        }
        #expect(applied > 500 && warpedStates > 100, "applied \(applied), warped states \(warpedStates)")
        // Wherever the moves left it, warped or not, the caches equal a full refresh.
        #expect(RouteEditsTests.matchesFullRefresh(solution))
    }

    /// Or-opt: a chain of two or three visits from `v` on, relocated after or before `u`, is
    /// priced (and priced on travel alone) as applying it and walking every route finds; it is
    /// refused exactly when the target would pass its capacity; undo gives the routes back.
    @Test(arguments: ["c101", "r201"])
    func chainRelocationsMatchApply(_ name: String) throws {
        var (instance, solution, segments, rng) = try Self.start(name, solution: 11, draws: 5)
        var applied = 0
        var refused = 0
        for _ in 0..<2000 {
            guard let (v, u, a, b) = MoveChecks.neighbourPair(in: solution, rng: &rng) else { continue }
            let (i, j) = (solution.position(of: v), solution.position(of: u))
            let count = 2 + rng.nextInt(2)
            let route = solution.routes[a]
            guard i + count <= route.count else { continue }
            let position = j + rng.nextInt(2)
            let routesBefore = solution.routes
            let before = WarpWalk.total(solution)
            let chain = segments.chain(of: route, i..<(i + count))
            let moving = route[i..<(i + count)].reduce(0) { $0 + instance.demand[$1] }
            let delta = segments.relocateDelta(chain, from: a, at: i, count: count, to: b, at: position)
            #expect((delta != nil) == (solution.routeLoad[b] + moving <= instance.shifts[b].capacity))
            guard let delta else {
                refused += 1
                continue
            }
            #expect(delta.cost == segments.relocateCostDelta(chain, from: a, at: i, count: count, to: b, at: position))
            let change = segments.relocate(count: count, from: a, at: i, to: b, at: position, in: solution)
            applied += 1
            #expect(Array(solution.routes[b][position..<(position + count)]) == Array(route[i..<(i + count)]))
            let after = WarpWalk.total(solution)
            #expect(after.cost - before.cost == delta.cost && after.warp - before.warp == delta.warp, "chain of \(count)")
            #expect(solution.cost == solution.recomputedCost() && RouteSegmentTests.sameStretches(segments, rebuiltFrom: solution))
            if rng.nextInt(3) != 0 {
                solution.undo([change])
                segments.rebuildChanged(solution)
                #expect(solution.routes == routesBefore && WarpWalk.total(solution) == before)
            }
        }
        #expect(applied > 300, "applied \(applied), refused \(refused)")
    }

    /// SWAP*: between random pairs of routes, at random prices of warp, a returned exchange
    /// lowers travel plus priced warp by exactly what applying it and walking every route finds,
    /// trades one visit of each route for one of the other, keeps both capacities, and is undone
    /// exactly; some pairs have one and some do not.
    @Test(arguments: ["c101", "r201"])
    func swapStarMatchesApply(_ name: String) throws {
        var (instance, solution, segments, rng) = try Self.start(name, solution: 13, draws: 9)
        var found = 0
        var none = 0
        var moved = 0
        let used = solution.routes.indices.filter { !solution.routes[$0].isEmpty }
        for _ in 0..<300 {
            let (a, b) = (used[rng.nextInt(used.count)], used[rng.nextInt(used.count)])
            if a == b { continue }
            let price = [0.5, 1.0, 10.0, 100.0][rng.nextInt(4)]
            let weight = instance.weights.travel
            guard let move = segments.bestSwapStar(a, b, in: solution, weight: weight, price: price) else {
                none += 1
                continue
            }
            found += 1
            let before = WarpWalk.total(solution)
            let routesBefore = solution.routes
            #expect(move.delta < 0)
            #expect(Set(move.newA).subtracting(routesBefore[a]).count == 1 && Set(move.newB).subtracting(routesBefore[b]).count == 1)
            #expect(Set(move.newA + move.newB) == Set(routesBefore[a] + routesBefore[b]) && move.newA.count == routesBefore[a].count)
            // Some exchanges put a visit elsewhere than where the other left.
            func inPlace(_ new: [Int], _ old: [Int]) -> Bool { zip(new, old).filter { $0 != $1 }.count == 1 }
            if !inPlace(move.newA, routesBefore[a]) || !inPlace(move.newB, routesBefore[b]) { moved += 1 }
            let change = segments.swapStar(a, b, move, in: solution)
            let after = WarpWalk.total(solution)
            let priced = Double(weight * (after.cost - before.cost)) + price * Double(after.warp - before.warp)
            #expect(abs(priced - move.delta) < 1e-6, "priced \(priced), said \(move.delta)")
            #expect(solution.routeLoad[a] <= instance.shifts[a].capacity && solution.routeLoad[b] <= instance.shifts[b].capacity)
            #expect(solution.cost == solution.recomputedCost() && RouteSegmentTests.sameStretches(segments, rebuiltFrom: solution))
            if rng.nextInt(2) == 0 {
                solution.undo([change])
                segments.rebuildChanged(solution)
                #expect(solution.routes == routesBefore && WarpWalk.total(solution) == before)
            }
        }
        #expect(found > 20 && none > 0 && moved > 0, "found \(found), none \(none), moved \(moved)")
    }

    /// The new visit lists of SWAP*: the visit at `removing` leaves, the other takes its place
    /// or goes before the original route's visit at `place` (or last).
    @Test func swapStarExchangesLists() {
        let route = [10, 11, 12, 13]
        #expect(RouteSegments.exchanged(route, removing: 1, inserting: 99, at: 1, inPlace: true) == [10, 99, 12, 13])
        #expect(RouteSegments.exchanged(route, removing: 2, inserting: 99, at: 0, inPlace: false) == [99, 10, 11, 13])
        #expect(RouteSegments.exchanged(route, removing: 0, inserting: 99, at: 3, inPlace: false) == [11, 12, 99, 13])
        #expect(RouteSegments.exchanged(route, removing: 1, inserting: 99, at: 4, inPlace: false) == [10, 12, 13, 99])
    }
}
