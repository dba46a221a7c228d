import CareModel
import Testing

@testable import CareSolver

/// Swap's O(1) evaluation equals applying the exchange and recomputing everything.
@Suite("Swap visits")
struct SwapVisitsTests {
    @Test(arguments: [UInt64(1), 2, 3])
    func careEvaluationMatchesApply(_ seed: UInt64) {
        check(MoveChecks.careSolution(seed: seed), seed: seed)
    }

    @Test(arguments: [UInt64(1), 2])
    func solomonEvaluationMatchesApply(_ seed: UInt64) throws {
        check(try MoveChecks.solomonSolution(seed: seed), seed: seed)
    }

    private func check(_ solution: SearchSolution, seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        var pairMoves: [(key: Int, by: Int)] = []
        let swap = SwapVisits()
        let instance = solution.instance
        var feasibleSeen = 0
        for _ in 0..<3000 {
            let v = rng.nextInt(instance.visits.count)
            // Half the pairs from the neighbour list, where feasible swaps are.
            let u = rng.nextInt(2) == 0 ? rng.nextInt(instance.visits.count) : instance.neighbours[v][rng.nextInt(instance.neighbours[v].count)]
            guard Relocate.canMove(v, in: solution), Relocate.canMove(u, in: solution) else { continue }
            let a = solution.slots[SearchSolution.slot(v, 0)]
            let b = solution.slots[SearchSolution.slot(u, 0)]
            if a == b { continue }
            let delta = swap.evaluate(v, u, in: solution, bound: .max, pairMoves: &pairMoves)
            if delta != nil { feasibleSeen += 1 }
            let (wa, wb) = (instance.shifts[a].worker, instance.shifts[b].worker)
            let allowed = wa == wb || (solution.canChangeWorker(v, to: wb) && solution.canChangeWorker(u, to: wa))
            MoveChecks.expectMatches(solution, evaluated: delta, allowed: allowed) { swap.apply(v, u, in: solution) }
        }
        #expect(feasibleSeen > 10, "too few feasible moves to test anything")
    }
}
