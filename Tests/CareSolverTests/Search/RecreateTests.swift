import CareModel
import Testing

@testable import CareSolver

@Suite("Recreate")
struct RecreateTests {
    /// In an empty solution, every visit that some shift can take is inserted, whatever the
    /// order; a visit no worker may do is left out, and the objective stays consistent.
    @Test(arguments: Recreate.Order.allCases)
    func insertsEveryFeasibleVisit(_ order: Recreate.Order) {
        let instance = LineInstance.make(visits: 12, workers: 2, blocked: [7])
        let solution = SearchSolution(instance)
        var rng = SplitMix64(seed: 3)
        var buffer: [Candidate] = []
        let placed = Recreate().recreate(Array(0..<12), in: solution, order: order, rng: &rng, buffer: &buffer)
        #expect(Set(placed) == Set(0..<12).subtracting([7]))
        #expect(solution.unassigned == [7])
        #expect(solution.cost == solution.recomputedCost())
    }

    /// Urgent visits go first in every order: two visits that can only start at 0 compete for
    /// one worker, and the one with the larger unassigned penalty gets it.
    @Test(arguments: Recreate.Order.allCases)
    func urgentVisitsFirst(_ order: Recreate.Order) {
        let visits = [1, 2].map { penalty in
            SolverVisit(location: 0, windowStart: 0, windowEnd: 0, duration: 60, unassignedPenalty: penalty, client: 0, allowedWorkers: [0])
        }
        let instance = SolverInstance(
            travelTime: Matrix(size: 1, repeating: 0), travelCost: Matrix(size: 1, repeating: 0), visits: visits,
            shifts: [SolverShift(worker: 0, start: 0, end: 100, home: 0)], workers: [SolverWorker()], clientCount: 1,
            weights: Weights(), breakRule: nil, paidTravel: false)
        let solution = SearchSolution(instance)
        var rng = SplitMix64(seed: 1)
        var buffer: [Candidate] = []
        #expect(Recreate().recreate([0, 1], in: solution, order: order, rng: &rng, buffer: &buffer) == [1])
    }
}
