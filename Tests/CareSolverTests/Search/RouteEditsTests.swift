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
        let text = try String(contentsOf: SolomonTests.directory.appendingPathComponent("\(name).txt"), encoding: .utf8)
        let instance = try #require(SolomonInstance(text: text)).solverInstance()
        #expect(instance.shifts.allSatisfy { $0.returnsHome })
        Self.editAtRandom(instance, seed: 1, steps: 600)
    }

    /// A care week with double-ups (fixed shared starts), links, lateness, paid travel, the
    /// paid cap's shortfall and a walker among drivers.
    @Test(arguments: [UInt64(5), 6])
    func careWeekEditsMatchAFullRefresh(_ seed: UInt64) {
        let instance = ContinuityMovesTests.richInstance(seed: seed, mixedModes: true)
        #expect(instance.visits.contains { $0.workersNeeded > 1 } && instance.paidTravel)
        Self.editAtRandom(instance, seed: seed, steps: 600)
    }

    /// Puts in or takes out a random visit `steps` times (most of them put in, so routes grow
    /// long), comparing every cache with a full refresh after each edit.
    static func editAtRandom(_ instance: SolverInstance, seed: UInt64, steps: Int) {
        let solution = SearchSolution(instance)
        var rng = SplitMix64(seed: seed)
        var buffer: [Candidate] = []
        var edits = (inserted: 0, removed: 0)
        for step in 0..<steps {
            let v = rng.nextInt(instance.visits.count)
            if solution.isAssigned(v) {
                if rng.nextUnit() < 0.4 {
                    solution.remove(v)
                    edits.removed += 1
                }
            } else if let insertion = solution.bestInsertion(for: v, blink: 0.1, rng: &rng, buffer: &buffer) {
                solution.apply(v, insertion)
                edits.inserted += 1
            }
            if !matchesFullRefresh(solution) {
                Issue.record("caches differ from a full refresh after step \(step)")
                return
            }
        }
        #expect(edits.inserted > 50 && edits.removed > 20)
        #expect(solution.cost == solution.recomputedCost())
    }

    /// True when refreshing every route in full changes no cache, start or total.
    static func matchesFullRefresh(_ solution: SearchSolution) -> Bool {
        let before = Caches(solution)
        for s in solution.routes.indices { solution.refresh(s) }
        let after = Caches(solution)
        return before == after
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
