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
        #expect(solution.cost == solution.recomputedCost() && solution.countsMatch())
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

    /// SISR's far-first and close-first orders place visits by their distance from home, and
    /// largest-demand-first by demand (all with equal penalties, nothing blinked).
    @Test func sisrOrdersFollowTheirKeys() {
        var recreate = Recreate()
        recreate.blinkRate = 0
        let line = LineInstance.make(visits: 6, workers: 1)
        #expect(line.homeDistance == [10, 20, 30, 40, 50, 60])
        for (order, expected) in [(Recreate.Order.farFirst, [5, 4, 3, 2, 1, 0]), (.closeFirst, [0, 1, 2, 3, 4, 5])] {
            var rng = SplitMix64(seed: 7)
            var buffer: [Candidate] = []
            #expect(recreate.recreate(Array(0..<6), in: SearchSolution(line), order: order, rng: &rng, buffer: &buffer) == expected)
        }
        let demands = Self.instance(demands: [2, 9, 4, 7])
        var rng = SplitMix64(seed: 7)
        var buffer: [Candidate] = []
        let placed = recreate.recreate(Array(0..<4), in: SearchSolution(demands), order: .largestDemandFirst, rng: &rng, buffer: &buffer)
        #expect(placed == [1, 3, 2, 0])
    }

    /// An order whose key is the same for every visit would be random again: it is not drawn.
    /// On the line (one duration, one worker each, no demand, equal windows) only random and
    /// the distance orders remain, and those only while every shift leaves from one depot;
    /// with demands, demand-first joins at SISR's weight.
    @Test func ordersWhoseKeyVariesAreDrawn() {
        let instance = LineInstance.make(visits: 6, workers: 2)
        let line = Recreate.orders(for: instance)
        #expect(line.map(\.order) == [.random, .farFirst, .closeFirst])
        #expect(line.map(\.weight) == [4, 2, 1])
        let twoHomes = SolverInstance(
            travelTime: instance.travelTime, travelCost: instance.travelCost, visits: instance.visits,
            shifts: [SolverShift(worker: 0, start: 0, end: 100_000, home: 0), SolverShift(worker: 1, start: 0, end: 100_000, home: 6)],
            workers: instance.workers, clientCount: 1, weights: instance.weights, breakRule: nil, paidTravel: false)
        #expect(Recreate.orders(for: twoHomes).map(\.order) == [.random])
        let demands = Recreate.orders(for: Self.instance(demands: [2, 9, 4, 7]))
        #expect(demands.map(\.order) == [.random, .largestDemandFirst])
        #expect(demands.map(\.weight) == [4, 4])
    }

    /// Draws follow the weights: 70,000 draws from 4, 2, 1 give each order its share within 2 %.
    @Test func drawsFollowTheWeights() {
        let orders: [(order: Recreate.Order, weight: Int)] = [(.random, 4), (.farFirst, 2), (.closeFirst, 1)]
        var rng = SplitMix64(seed: 11)
        var counts: [Recreate.Order: Int] = [:]
        for _ in 0..<70_000 { counts[Recreate.draw(orders, rng: &rng), default: 0] += 1 }
        for (order, weight) in orders {
            let expected = 10_000.0 * Double(weight)
            #expect(abs(Double(counts[order] ?? 0) - expected) < 0.02 * expected, "\(order)")
        }
    }

    /// Visits at one place (so no distance order) with the given demands, one roomy shift.
    static func instance(demands: [Int]) -> SolverInstance {
        let visits = demands.map { demand in
            SolverVisit(
                location: 1, windowStart: 0, windowEnd: 1000, duration: 5, demand: demand, unassignedPenalty: 1_000_000, client: 0,
                allowedWorkers: [0])
        }
        var travel = Matrix(size: 2, repeating: 0)
        travel[0, 1] = 10
        travel[1, 0] = 10
        return SolverInstance(
            travelTime: travel, travelCost: travel, visits: visits, shifts: [SolverShift(worker: 0, start: 0, end: 100_000, home: 0)],
            workers: [SolverWorker()], clientCount: 1, weights: Weights(travel: 1), breakRule: nil, paidTravel: false)
    }
}
