import CareModel
import Testing

@testable import CareSolver

@Suite("String removal")
struct StringRemovalTests {
    /// Forty visits on a line placed in four routes, and the random stream after placing them.
    /// Few neighbours, so "nearby" is a real restriction among the four routes.
    static func fourRoutes(seed: UInt64) -> (SearchSolution, SplitMix64) {
        let solution = SearchSolution(LineInstance.make(visits: 40, workers: 4, neighbourCount: 3))
        var rng = SplitMix64(seed: seed)
        var buffer: [Candidate] = []
        _ = Recreate().recreate(Array(0..<40), in: solution, order: .random, rng: &rng, buffer: &buffer)
        return (solution, rng)
    }

    /// Each ruined route loses one string of consecutive visits, and every ruined route held
    /// the seed visit or one of its neighbours: removal stays in one neighbourhood.
    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6])
    func removesConsecutiveVisitsFromNearbyRoutes(_ seed: UInt64) {
        let (solution, placedRng) = Self.fourRoutes(seed: seed)
        var rng = placedRng
        let instance = solution.instance
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

    /// Split strings: each ruined route loses at most two runs of consecutive visits, and when
    /// it loses two, the visits between them all stay (one kept block); over several seeds some
    /// route is split, so the option does something.
    @Test func splitStringsKeepOneBlockInside() {
        var sawSplit = false
        for seed in UInt64(1)...12 {
            let (solution, placedRng) = Self.fourRoutes(seed: seed)
            var rng = placedRng
            let routesBefore = solution.routes
            var strings = StringRemoval()
            strings.splitRate = 1
            let removed = Set(strings.ruin(solution, rng: &rng).map(\.0))
            #expect(!removed.isEmpty && removed.allSatisfy { !solution.isAssigned($0) })
            for route in routesBefore where route.contains(where: removed.contains) {
                let runs = route.indices.filter { removed.contains(route[$0]) && ($0 == 0 || !removed.contains(route[$0 - 1])) }
                #expect(runs.count <= 2, "a string, or a split string around one kept block")
                if runs.count == 2 { sawSplit = true }
            }
        }
        #expect(sawSplit)
    }

    /// With nothing assigned there is nothing to remove.
    @Test func emptySolutionLosesNothing() {
        let solution = SearchSolution(LineInstance.make(visits: 5, workers: 1))
        var rng = SplitMix64(seed: 1)
        #expect(StringRemoval().ruin(solution, rng: &rng).isEmpty)
    }
}
