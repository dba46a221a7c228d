import CareModel
import Testing

@testable import CareSolver

/// 2-opt*'s evaluation from cached tails equals exchanging the tails and recomputing
/// everything, including tails that move to a shift with another end or home.
@Suite("2-opt*")
struct TwoOptStarTests {
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
        var twoOptStar = TwoOptStar()
        let instance = solution.instance
        var feasibleSeen = 0
        for _ in 0..<3000 {
            // Cut next to a visit and one of its neighbours, where feasible exchanges are.
            guard let (v, u, a, b) = MoveChecks.neighbourPair(in: solution, rng: &rng) else { continue }
            let cutA = solution.position(of: v) + rng.nextInt(2)
            let cutB = solution.position(of: u) + rng.nextInt(2)
            let (routeA, routeB) = (solution.routes[a], solution.routes[b])
            if cutA == routeA.count && cutB == routeB.count { continue }
            let (wa, wb) = (instance.shifts[a].worker, instance.shifts[b].worker)
            func moves(_ tail: ArraySlice<Int>, from: Int, to: Int) -> Bool {
                tail.allSatisfy { instance.visits[$0].workersNeeded == 1 && (from == to || solution.canChangeWorker($0, to: to)) }
            }
            // A double-up cannot change shift in the exchange; the search never proposes it.
            guard routeA[cutA...].allSatisfy({ instance.visits[$0].workersNeeded == 1 }),
                routeB[cutB...].allSatisfy({ instance.visits[$0].workersNeeded == 1 })
            else {
                #expect(twoOptStar.evaluate(a, cutA: cutA, b, cutB: cutB, in: solution, bound: .max, pairMoves: &pairMoves) == nil)
                continue
            }
            // Tails keep their own worker's travel times: routes of different modes never exchange them.
            if instance.shifts[a].mode != instance.shifts[b].mode {
                #expect(twoOptStar.evaluate(a, cutA: cutA, b, cutB: cutB, in: solution, bound: .max, pairMoves: &pairMoves) == nil)
                continue
            }
            let delta = twoOptStar.evaluate(a, cutA: cutA, b, cutB: cutB, in: solution, bound: .max, pairMoves: &pairMoves)
            if delta != nil { feasibleSeen += 1 }
            let allowed = moves(routeA[cutA...], from: wa, to: wb) && moves(routeB[cutB...], from: wb, to: wa)
            MoveChecks.expectMatches(solution, evaluated: delta, allowed: allowed) {
                twoOptStar.apply(a, cutA: cutA, b, cutB: cutB, in: solution)
            }
        }
        #expect(feasibleSeen > 10, "too few feasible moves to test anything")
    }
}
