import CareModel
import Testing

@testable import CareSolver

@Suite("Random removal")
struct RandomRemovalTests {
    /// It removes exactly `count` visits, each one assigned before and unassigned after, and
    /// each returned insertion puts its visit back.
    @Test(arguments: [UInt64(1), 2, 3, 4, 5])
    func removesExactlyCountServedVisits(_ seed: UInt64) {
        // Visits 0–4 no worker may do: they stay unassigned and must never be "removed".
        let instance = LineInstance.make(visits: 20, workers: 2, blocked: Set(0..<5))
        let solution = SearchSolution(instance)
        var rng = SplitMix64(seed: seed)
        var buffer: [Candidate] = []
        _ = Recreate().recreate(Array(0..<20), in: solution, order: .random, rng: &rng, buffer: &buffer)
        let before = solution.cost
        let removed = RandomRemoval(count: 3).ruin(solution, rng: &rng)
        #expect(removed.count == 3)
        #expect(Set(removed.map(\.0)).count == 3)
        #expect(removed.allSatisfy { $0.0 >= 5 && !solution.isAssigned($0.0) })
        #expect(solution.unassigned.count == 5 + 3)
        for (v, restore) in removed.reversed() { solution.apply(v, restore) }
        #expect(solution.cost == before)
    }

    /// With nothing assigned there is nothing to remove.
    @Test func emptySolutionLosesNothing() {
        let solution = SearchSolution(LineInstance.make(visits: 5, workers: 1))
        var rng = SplitMix64(seed: 1)
        #expect(RandomRemoval(count: 3).ruin(solution, rng: &rng).isEmpty)
    }
}
