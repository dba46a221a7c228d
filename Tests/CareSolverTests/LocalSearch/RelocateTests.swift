import CareModel
import Testing

@testable import CareSolver

/// Relocate's O(1) evaluation equals applying the move and recomputing everything, on random
/// routes of a care week (breaks, caps, continuity, preferences, double-ups around the moved
/// visit) and of Solomon's r201 (capacity, return to the depot).
@Suite("Relocate")
struct RelocateTests {
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
        let relocate = Relocate()
        let instance = solution.instance
        var feasibleSeen = 0
        for _ in 0..<1500 {
            let v = rng.nextInt(instance.visits.count)
            guard Relocate.canMove(v, in: solution) else { continue }
            // Half the targets next to a neighbour, where feasible moves are.
            var target = rng.nextInt(instance.shifts.count)
            var position = rng.nextInt(solution.routes[target].count + 1)
            if rng.nextInt(2) == 0, let u = instance.neighbours[v].randomElement(using: &rng), solution.isAssigned(u) {
                target = solution.slots[SearchSolution.slot(u, 0)]
                position = solution.position(of: u) + rng.nextInt(2)
            }
            let source = solution.slots[SearchSolution.slot(v, 0)]
            if target == source { continue }
            let delta = relocate.evaluate(v, to: target, at: position, in: solution, bound: .max, pairMoves: &pairMoves)
            if delta != nil { feasibleSeen += 1 }
            let worker = instance.shifts[target].worker
            let allowed = instance.shifts[source].worker == worker || solution.canChangeWorker(v, to: worker)
            MoveChecks.expectMatches(solution, evaluated: delta, allowed: allowed) {
                relocate.apply(v, to: target, at: position, in: solution)
            }
        }
        #expect(feasibleSeen > 10, "too few feasible moves to test anything")
    }

    /// Below the bound only: a move that does not improve on it is refused.
    @Test func boundRefusesNonImprovingMoves() {
        let solution = MoveChecks.careSolution(seed: 4)
        var rng = SplitMix64(seed: 4)
        var pairMoves: [(key: Int, by: Int)] = []
        var checked = 0
        for _ in 0..<2000 {
            let v = rng.nextInt(solution.instance.visits.count)
            guard Relocate.canMove(v, in: solution), let u = solution.instance.neighbours[v].randomElement(using: &rng),
                solution.isAssigned(u)
            else { continue }
            let target = solution.slots[SearchSolution.slot(u, 0)]
            let position = solution.position(of: u) + rng.nextInt(2)
            guard let delta = Relocate().evaluate(v, to: target, at: position, in: solution, bound: .max, pairMoves: &pairMoves) else { continue }
            #expect(Relocate().evaluate(v, to: target, at: position, in: solution, bound: delta, pairMoves: &pairMoves) == nil)
            #expect(Relocate().evaluate(v, to: target, at: position, in: solution, bound: delta + 1, pairMoves: &pairMoves) == delta)
            checked += 1
        }
        #expect(checked > 10)
    }
}
