import CareModel
import Testing

@testable import CareSolver

@Suite("String removal")
struct StringRemovalTests {
    /// Each ruined route loses one string of consecutive visits, and every ruined route held
    /// the seed visit or one of its neighbours: removal stays in one neighbourhood.
    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6])
    func removesConsecutiveVisitsFromNearbyRoutes(_ seed: UInt64) {
        // Few neighbours, so "nearby" is a real restriction among four routes.
        let instance = LineInstance.make(visits: 40, workers: 4, neighbourCount: 3)
        let solution = SearchSolution(instance)
        var rng = SplitMix64(seed: seed)
        var buffer: [Candidate] = []
        _ = Recreate().recreate(Array(0..<40), in: solution, order: .random, rng: &rng, buffer: &buffer)
        let routesBefore = solution.routes
        let removed = Set(StringRemoval().ruin(solution, rng: &rng).map(\.0))
        #expect(!removed.isEmpty)
        #expect(removed.allSatisfy { !solution.isAssigned($0) })
        let ruined = routesBefore.filter { $0.contains(where: removed.contains) }
        for route in ruined {
            let positions = route.indices.filter { removed.contains(route[$0]) }
            #expect(positions.last! - positions.first! + 1 == positions.count, "one consecutive string per route")
        }
        // The seed is always in its own string; some removed visit must explain every ruined route.
        let explains = removed.contains { seedVisit in
            let nearby = Set([seedVisit] + instance.neighbours[seedVisit])
            return ruined.allSatisfy { $0.contains(where: nearby.contains) }
        }
        #expect(explains)
    }

    /// With nothing assigned there is nothing to remove.
    @Test func emptySolutionLosesNothing() {
        let solution = SearchSolution(LineInstance.make(visits: 5, workers: 1))
        var rng = SplitMix64(seed: 1)
        #expect(StringRemoval().ruin(solution, rng: &rng).isEmpty)
    }
}
