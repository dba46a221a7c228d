import CareModel
import Foundation
import SolomonBenchmark
import Testing

@testable import CareSolver

/// The route crossover makes feasible children that really carry the best's routes, keeps
/// every cache equal to a full recomputation, and a search using it stays valid and deterministic.
@Suite("Route crossover")
struct RouteCrossoverTests {
    /// Crosses a random "best" into a different random "current" and checks the child: feasible
    /// from its visit lists alone (windows, capacity, breaks, caps, links, double-ups), costs and
    /// caches equal to a recomputation, and some shift whose route differed from the best's now
    /// serves the best's route on it in the same order (recreate may add visits around them).
    static func expectGoodChild(best: SearchSolution, current: SearchSolution, seed: UInt64) -> Int {
        let before = current.routes
        var rng = SplitMix64(seed: seed)
        var buffer: [Candidate] = []
        let orders = Recreate.orders(for: current.instance)
        let placed = RouteCrossover().cross(
            into: current, best: (best.slots, best.start), orders: orders, rng: &rng, buffer: &buffer)
        #expect(MoveChecks.feasible(current))
        #expect(current.cost == current.recomputedCost() && current.countsMatch())
        #expect(RouteEditsTests.matchesFullRefresh(current))
        #expect(Set(placed).count == placed.count && placed.allSatisfy(current.isAssigned))
        let carried = best.routes.indices.filter { s in
            !best.routes[s].isEmpty && before[s] != best.routes[s] && isSubsequence(best.routes[s], of: current.routes[s])
        }
        return carried.count
    }

    static func isSubsequence(_ small: [Int], of large: [Int]) -> Bool {
        var i = 0
        for v in large where i < small.count && small[i] == v { i += 1 }
        return i == small.count
    }

    /// Solomon's r201: every visit can be copied in place, so every crossover carries at least
    /// one of the best's routes whole (in order; recreate may add visits among them).
    @Test func solomonChildrenCarryTheBestsRoutes() throws {
        for seed: UInt64 in 1...6 {
            let best = try MoveChecks.solomonSolution(seed: seed)
            let current = try MoveChecks.solomonSolution(seed: seed + 100)
            #expect(Self.expectGoodChild(best: best, current: current, seed: seed) >= 1)
        }
    }

    /// Care weeks with double-ups, links, lateness, pins, history and a walker among drivers:
    /// the child is feasible and the copied shifts keep the best's one-carer visits in order.
    @Test func careChildrenAreFeasible() {
        var carried = 0
        for seed: UInt64 in 1...6 {
            let best = MoveChecks.careSolution(seed: seed)
            let current = MoveChecks.randomSolution(best.instance, seed: seed + 100)
            carried += Self.expectGoodChild(best: best, current: current, seed: seed)
            ContinuityMovesTests.expectRulesHold(current)
        }
        // 44 when written; most of the copied shifts' visits are one-carer visits without links.
        #expect(carried >= 20, "only \(carried) routes carried over in 6 crossovers of care weeks")
    }

    /// A search crossing after every few hundred stalled iterations: the roster passes the
    /// independent checker, Solomon's routes are feasible in exact arithmetic, the same seed
    /// gives the same result, and crossovers do change the search.
    @Test func searchWithCrossoversIsValidAndDeterministic() throws {
        let compiled = ProblemCompiler.compile(RestartTests.week)
        var parameters = SolveParameters(seed: 2, stop: StoppingCriterion(maxIterations: 3000))
        parameters.crossoverAfterPerVisit = 200 / Double(compiled.instance.visits.count)
        let a = RestartTests.expectCheckedAndDeterministic(RestartTests.week, parameters)
        var without = parameters
        without.crossoverAfterPerVisit = nil
        let plainWeek = solve(compiled.instance, parameters: without)
        #expect(plainWeek.cost != a.cost || plainWeek.assignments != a.assignments, "no crossover changed the care week")

        parameters.crossoverAfterPerVisit = 2
        try RestartTests.expectValidAndChangedOnR201(parameters, plain: without)
    }
}
