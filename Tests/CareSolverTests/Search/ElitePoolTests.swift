import CareModel
import Testing

@testable import CareSolver

/// The elite pool reads routes from shifts and starts, measures broken pairs, keeps near copies
/// out, and a search drawing crossover parents from it stays valid and deterministic.
@Suite("Elite pool")
struct ElitePoolTests {
    /// Slots and starts of routes over `visits` visits (route `s` on shift `s`, a visit's
    /// position in it its start): a visit on two routes is a double-up, at the same position.
    static func solution(_ routes: [[Int]], visits: Int) -> (slots: [Int], start: [Int]) {
        var slots = Array(repeating: -1, count: visits * SolverVisit.maxWorkers)
        var start = Array(repeating: 0, count: visits)
        for (s, route) in routes.enumerated() {
            for (i, v) in route.enumerated() {
                let k = (0..<SolverVisit.maxWorkers).first { slots[SearchSolution.slot(v, $0)] < 0 }!
                slots[SearchSolution.slot(v, k)] = s
                start[v] = 10 * i
            }
        }
        return (slots, start)
    }

    static func member(_ routes: [[Int]], visits: Int) -> ElitePool.Member {
        let (slots, start) = solution(routes, visits: visits)
        return ElitePool.Member(cost: 0, slots: slots, start: start, predecessor: ElitePool.predecessors(slots: slots, start: start))
    }

    /// Predecessors from shifts and starts are the routes' own, on random Solomon and care
    /// solutions (a double-up's in falling order over its slots).
    @Test func predecessorsAreTheRoutesOwn() throws {
        for solution in [try MoveChecks.solomonSolution(seed: 3), MoveChecks.careSolution(seed: 3), MoveChecks.careSolution(seed: 4)] {
            let predecessor = ElitePool.predecessors(slots: solution.slots, start: solution.start)
            var expected = Array(repeating: -2, count: solution.slots.count)
            // Every slot of a route, not only the first worker's, by the shift the slot names.
            for v in solution.instance.visits.indices {
                for k in 0..<SolverVisit.maxWorkers where solution.slots[SearchSolution.slot(v, k)] >= 0 {
                    let route = solution.routes[solution.slots[SearchSolution.slot(v, k)]]
                    let i = route.firstIndex(of: v)!
                    expected[SearchSolution.slot(v, k)] = i == 0 ? -1 : route[i - 1]
                }
                let first = SearchSolution.slot(v, 0)
                expected[first..<first + SolverVisit.maxWorkers].sort(by: >)
            }
            #expect(predecessor == expected)
        }
    }

    /// Broken pairs: zero for the same routes on other shifts (twins) and for a double-up whose
    /// carers are stored in the other order, the share of changed predecessors otherwise, and
    /// symmetric.
    @Test func distanceCountsBrokenPairs() {
        func member(_ routes: [[Int]]) -> ElitePool.Member { Self.member(routes, visits: 6) }
        let a = member([[0, 1, 2], [3, 4, 5]])
        #expect(ElitePool.distance(a, a) == 0)
        #expect(ElitePool.distance(a, member([[3, 4, 5], [0, 1, 2]])) == 0)
        // 1 and 2 swap places at the route's end: both change predecessor, 2 of 6.
        let swapped = member([[0, 2, 1], [3, 4, 5]])
        #expect(abs(ElitePool.distance(a, swapped) - 2.0 / 6.0) < 1e-12)
        #expect(ElitePool.distance(a, swapped) == ElitePool.distance(swapped, a))
        // Visit 5 left out: compared over the slots assigned in either, 1 of 6 differs.
        #expect(abs(ElitePool.distance(a, member([[0, 1, 2], [3, 4]])) - 1.0 / 6.0) < 1e-12)
        // Visit 1 a double-up on shifts 0 and 1, recorded first on one, then on the other.
        let doubleUp = member([[0, 1, 2], [3, 1, 4, 5]])
        let other = member([[3, 1, 4, 5], [0, 1, 2]])
        #expect(doubleUp.slots != other.slots)
        #expect(ElitePool.distance(doubleUp, other) == 0)
    }

    /// Near copies replace their member only when cheaper; distinct solutions fill the pool,
    /// then replace the most expensive member only when cheaper than it.
    @Test func offerKeepsCheapDistinctSolutions() {
        var pool = ElitePool(capacity: 2, minDistance: 0.2)
        let a = Self.solution([[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]], visits: 10)
        let nearA = Self.solution([[0, 1, 2, 3], [5, 6, 7, 8, 9, 4]], visits: 10)  // 1 of 10 differs
        let b = Self.solution([[0, 5, 1, 6, 2], [7, 3, 8, 4, 9]], visits: 10)
        let c = Self.solution([[9, 8, 7, 6, 5], [4, 3, 2, 1, 0]], visits: 10)
        var took: [Bool] = []
        for (cost, offered) in [(100, a), (100, nearA), (120, nearA), (90, nearA)] {
            took.append(pool.offer(cost: cost, slots: offered.slots, start: offered.start))
        }
        #expect(took == [true, false, false, true])
        #expect(pool.members.map(\.cost) == [90])
        took = [(150, b), (160, c), (140, c)].map { pool.offer(cost: $0.0, slots: $0.1.slots, start: $0.1.start) }
        #expect(took == [true, false, true])
        #expect(pool.members.map(\.cost) == [90, 140])
    }

    /// A pool of one draws no random number, so the search with it is the search before pools.
    @Test func poolOfOneDrawsNothing() {
        var pool = ElitePool(capacity: 1, minDistance: 0.05)
        let a = Self.solution([[0, 1], [2]], visits: 3)
        let b = Self.solution([[2, 1], [0]], visits: 3)
        pool.offer(cost: 10, slots: a.slots, start: a.start)
        pool.offer(cost: 5, slots: b.slots, start: b.start)
        var rng = SplitMix64(seed: 9)
        var untouched = SplitMix64(seed: 9)
        #expect(pool.draw(rng: &rng)?.cost == 5)
        let (after, expected) = (rng.next(), untouched.next())
        #expect(after == expected)
    }

    /// With a pool of three, searches crossing every few dozen (care week) or hundred stalled
    /// iterations pass the checker, repeat exactly, and differ from the pool of one.
    @Test func searchWithAPoolIsValidAndDeterministic() throws {
        let compiled = ProblemCompiler.compile(RestartTests.week)
        var one = SolveParameters(seed: 2, stop: StoppingCriterion(maxIterations: 3000))
        // A care week's best still improves every few hundred iterations: 50 gives crossovers.
        one.crossoverAfterPerVisit = 50 / Double(compiled.instance.visits.count)
        one.elitePoolSize = 1
        var three = one
        three.elitePoolSize = 3
        let a = RestartTests.expectCheckedAndDeterministic(RestartTests.week, three)
        let b = solve(compiled.instance, parameters: one)
        #expect(a.cost != b.cost || a.assignments != b.assignments, "the pool changed nothing on the care week")

        one.crossoverAfterPerVisit = 2
        three.crossoverAfterPerVisit = 2
        try RestartTests.expectValidAndChangedOnR201(three, plain: one)
    }

    /// A trajectory on r201 crossing every 200 stalled iterations fills its pool with several
    /// solutions, each feasible at its recorded cost, none the same as another, none cheaper
    /// than the trajectory's best.
    @Test func trajectoryPoolHoldsSeveralGoodDistinctSolutions() throws {
        let solution = try MoveChecks.solomonSolution(seed: 4)
        var parameters = SolveParameters(seed: 4, stop: StoppingCriterion(maxIterations: 3000))
        parameters.crossoverAfterPerVisit = 2
        parameters.elitePoolSize = 3
        let trajectory = Trajectory(from: solution, parameters: parameters, rng: SplitMix64(seed: 4))
        let legCost = Double(solution.travelCost) / Double(max(1, solution.assignedCount))
        _ = trajectory.run(until: .max, stopwatch: parameters.stop.stopwatch(), temperatures: (5 * legCost, 0.005 * legCost))
        let members = trajectory.elites.members
        #expect(members.count >= 2)
        for (i, member) in members.enumerated() {
            let copy = SearchSolution(solution.instance)
            copy.load(slots: member.slots, start: member.start)
            #expect(copy.cost == member.cost && MoveChecks.feasible(copy))
            #expect(member.cost >= trajectory.best.cost)
            for other in members[(i + 1)...] { #expect(ElitePool.distance(member, other) > 0) }
        }
    }
}
