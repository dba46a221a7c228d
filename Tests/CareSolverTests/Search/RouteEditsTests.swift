import CareModel
import Foundation
import SolomonBenchmark
import Testing

@testable import CareSolver

/// `refresh(_:insertedAt:)` and `refresh(_:removedAt:visit:)`, which `apply` and `remove` use,
/// leave every route cache and total as the full `refresh` computes it from the route alone.
@Suite("Route edits")
struct RouteEditsTests {
    /// Solomon's r201 (trips home, long routes) and c101 (tight windows): random insertions and
    /// removals, every cache compared with a full refresh after each.
    @Test(arguments: ["r201", "c101"])
    func solomonEditsMatchAFullRefresh(_ name: String) throws {
        let instance = try SolomonTests.fixture(name).solverInstance()
        #expect(instance.shifts.allSatisfy { $0.returnsHome })
        let edits = Self.editAtRandom(instance, seed: 1, steps: 600)
        // c101's short routes empty (the trip home goes with the last visit); r201's do not.
        #expect(name == "r201" || edits.emptied > 0)
    }

    /// A care week with double-ups (fixed shared starts), links, lateness, paid travel, the
    /// contracted minutes' shortfall and a walker among drivers.
    @Test(arguments: [UInt64(5), 6])
    func careWeekEditsMatchAFullRefresh(_ seed: UInt64) {
        let instance = ContinuityMovesTests.richInstance(seed: seed, mixedModes: true)
        #expect(instance.paidTravel)
        let edits = Self.editAtRandom(instance, seed: seed, steps: 600)
        #expect(edits.doubleUps > 0 && edits.otherMode > 0 && edits.emptied > 0)
    }

    /// Puts in or takes out a random visit `steps` times (most of them put in, so routes grow
    /// long), comparing every cache with a full refresh after each edit.
    /// Returns how many edits touched a double-up, a route of a mode other than the first, and
    /// how many removals emptied a route, so each test can ask for the cases it is about.
    @discardableResult
    static func editAtRandom(_ instance: SolverInstance, seed: UInt64, steps: Int) -> Edits {
        let solution = SearchSolution(instance)
        var rng = SplitMix64(seed: seed)
        var buffer: [Candidate] = []
        var edits = Edits()
        for step in 0..<steps {
            let v = rng.nextInt(instance.visits.count)
            var touched: [Int] = []
            if solution.isAssigned(v) {
                if rng.nextUnit() < 0.4 {
                    touched = solution.shifts(of: v)
                    solution.remove(v)
                    edits.removed += 1
                    edits.emptied += touched.filter { solution.routes[$0].isEmpty }.count
                }
            } else if let insertion = solution.bestInsertion(for: v, blink: 0.1, rng: &rng, buffer: &buffer) {
                solution.apply(v, insertion)
                touched = insertion.places.map(\.shift)
                edits.inserted += 1
            }
            if touched.count > 1 { edits.doubleUps += 1 }
            if touched.contains(where: { instance.shifts[$0].mode != 0 }) { edits.otherMode += 1 }
            if !matchesFullRefresh(solution) {
                Issue.record("caches differ from a full refresh after step \(step)")
                return edits
            }
        }
        #expect(edits.inserted > 50 && edits.removed > 20)
        #expect(solution.cost == solution.recomputedCost() && solution.countsMatch())
        return edits
    }

    /// What `editAtRandom` did.
    struct Edits {
        var inserted = 0, removed = 0, doubleUps = 0, otherMode = 0, emptied = 0
    }

    /// True when refreshing every route in full changes no cache, start or total.
    static func matchesFullRefresh(_ solution: SearchSolution) -> Bool {
        let before = Caches(solution)
        for s in solution.routes.indices { solution.refresh(s) }
        let after = Caches(solution)
        return before == after && solution.countsMatch()
    }

    /// What a route edit maintains.
    struct Caches: Equatable {
        let earliest, latest: [[Int]]
        let routeCost, routePaid, routeLoad, start, workerPaid: [Int]
        let travelCost, shortfall: Int

        init(_ solution: SearchSolution) {
            earliest = solution.earliest
            latest = solution.latest
            routeCost = solution.routeCost
            routePaid = solution.routePaid
            routeLoad = solution.routeLoad
            // Starts of unassigned visits are left as they were; only assigned ones are kept.
            start = solution.instance.visits.indices.map { solution.isAssigned($0) ? solution.start[$0] : -1 }
            workerPaid = solution.workerPaid
            travelCost = solution.travelCost
            shortfall = solution.shortfall
        }
    }
}
