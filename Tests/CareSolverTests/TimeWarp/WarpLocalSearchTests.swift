import CareModel
import SolomonBenchmark
import Testing

@testable import CareSolver

/// Local search through time warp hands back routes that keep every window, with exact caches,
/// and a journal that undoes it; it really crosses warped routes; its penalty adapts as PyVRP's
/// does; a search using it is valid, deterministic and changed by it; care weeks ignore it.
@Suite("Time-warp local search")
struct WarpLocalSearchTests {
    /// Solomon qualifies; so does nothing that breaks one of the conditions, each alone.
    @Test func appliesToPlainVRPTWOnly() throws {
        let base = try SolomonTests.fixture("c101").solverInstance()
        #expect(WarpLocalSearch.applies(to: base))
        #expect(!WarpLocalSearch.applies(to: ContinuityMovesTests.richInstance(seed: 5)))
        #expect(!WarpLocalSearch.applies(to: ProblemCompiler.compile(RestartTests.week).instance))
        func visit(_ v: SolverVisit, workersNeeded: Int = 1, pinned: [Int] = [], allowed: [Int]? = nil, late: Int = 0) -> SolverVisit {
            SolverVisit(
                location: v.location, windowStart: v.windowStart, windowEnd: v.windowEnd, duration: v.duration, workersNeeded: workersNeeded,
                demand: v.demand, unassignedPenalty: v.unassignedPenalty, client: v.client, pinnedWorkers: pinned,
                allowedWorkers: allowed ?? v.allowedWorkers, lateAllowed: late)
        }
        func variant(
            visits: [SolverVisit]? = nil, shifts: [SolverShift]? = nil, workers: [SolverWorker]? = nil, weights: Weights = Weights(travel: 1),
            breakRule: BreakRule? = nil, links: [SolverLink] = [], time: Matrix? = nil, cost: Matrix? = nil,
            modes: Int = 0
        ) -> SolverInstance {
            SolverInstance(
                travelTime: time ?? base.travelTime, travelCost: cost ?? base.travelCost, visits: visits ?? base.visits,
                shifts: shifts ?? base.shifts, workers: workers ?? base.workers, clientCount: 1, weights: weights,
                breakRule: breakRule, paidTravel: false, links: links,
                otherModes: Array(repeating: (base.travelTime, base.travelCost), count: modes))
        }
        #expect(WarpLocalSearch.applies(to: variant()), "the rebuilt instance itself")
        var visits = base.visits
        var broken: [(String, SolverInstance)] = []
        visits[3] = visit(base.visits[3], workersNeeded: 2)
        broken.append(("a double-up", variant(visits: visits)))
        visits = base.visits
        visits[3] = visit(base.visits[3], pinned: [0])
        broken.append(("a pinned visit", variant(visits: visits)))
        visits = base.visits
        visits[3] = visit(base.visits[3], allowed: [0, 1])
        broken.append(("a visit some workers may not do", variant(visits: visits)))
        visits = base.visits
        visits[3] = visit(base.visits[3], late: 10)
        broken.append(("lateness", variant(visits: visits)))
        broken.append(("a link", variant(links: [SolverLink(first: 1, second: 2, minGap: 0, maxGap: 1_000_000)])))
        broken.append(("a break rule", variant(breakRule: BreakRule(maxSpanWithoutBreak: 3_600, minimumBreak: 200))))
        broken.append(("a second travel mode", variant(modes: 1)))
        broken.append(("continuity", variant(weights: Weights(travel: 1, continuity: 5))))
        broken.append(("continuity per visit", variant(weights: Weights(travel: 1, continuityVisits: 5))))
        broken.append(("new workers", variant(weights: Weights(travel: 1, newWorker: 5))))
        broken.append(("preferences", variant(weights: Weights(travel: 1, preference: 5))))
        broken.append(("a paid-time cap", variant(workers: [SolverWorker(maxPaid: 1_000)] + base.workers.dropFirst())))
        broken.append(("a contract", variant(workers: [SolverWorker(contracted: 1_000)] + base.workers.dropFirst())))
        let first = base.shifts[0]
        func shift(start: Int? = nil, end: Int? = nil, home: Int? = nil, returnsHome: Bool? = nil) -> [SolverShift] {
            [
                SolverShift(
                    worker: 0, start: start ?? first.start, end: end ?? first.end, home: home ?? first.home,
                    returnsHome: returnsHome ?? first.returnsHome, capacity: first.capacity)
            ] + base.shifts.dropFirst()
        }
        broken.append(("a shift ending earlier", variant(shifts: shift(end: first.end - 1))))
        broken.append(("a shift starting later", variant(shifts: shift(start: first.start + 1))))
        broken.append(("a shift from another home", variant(shifts: shift(home: 1))))
        broken.append(("a shift not returning home", variant(shifts: shift(returnsHome: false))))
        var time = base.travelTime
        time[first.home, first.home] = 5
        broken.append(("time to stay home", variant(time: time)))
        var cost = base.travelCost
        cost[first.home, first.home] = 5
        broken.append(("a cost of staying home", variant(cost: cost)))
        for (what, instance) in broken { #expect(!WarpLocalSearch.applies(to: instance), "applies with \(what)") }
    }

    /// From random solutions of c101 and r201: each call hands back routes that keep every window
    /// (Solomon's checker agrees), cost less than before unless a repair was kept, with exact
    /// caches and a journal that undoes it; some first descents end in warp, and some repaired
    /// results are kept. With chains (or-opt) some chains are relocated, and with SWAP* some
    /// exchanges are made; without them, none.
    @Test(arguments: ["c101", "r201"], ["none", "chains", "swapStar"])
    func resultsKeepEveryWindowAndUndo(_ name: String, extra: String) throws {
        let (chains, swapStar) = (extra == "chains", extra == "swapStar")
        let solomon = try SolomonTests.fixture(name)
        let instance = solomon.solverInstance()
        var search = WarpLocalSearch(instance: instance, targetFeasible: 0.43)
        search.chains = chains
        search.swapStar = swapStar
        defer {
            #expect((search.chainMoves > 0) == chains, "chains relocated: \(search.chainMoves)")
            #expect((search.swapStarMoves > 0) == swapStar, "SWAP* exchanges: \(search.swapStarMoves)")
        }
        var improvedSome = false
        var checked = 0
        for seed: UInt64 in 1...40 {
            let solution = MoveChecks.randomSolution(instance, seed: seed)
            let (routes, cost) = (solution.routes, solution.cost)
            var journal: [RouteChange] = []
            let worseBefore = search.repairedWorse
            search.improve(Array(instance.visits.indices), in: solution, journal: &journal)
            #expect(MoveChecks.feasible(solution) && WarpWalk.total(solution).warp == 0)
            // Only a kept repair may leave the routes no cheaper than they were.
            let worse = search.repairedWorse - worseBefore
            #expect(journal.isEmpty || (solution.cost < cost) == (worse == 0))
            #expect(solution.cost == solution.recomputedCost() && RouteEditsTests.matchesFullRefresh(solution))
            if solution.unassigned.isEmpty {
                checked += 1
                if case .failure = solomon.check(routes: solution.routes.filter { !$0.isEmpty }) {
                    Issue.record("Solomon's checker refuses the routes, seed \(seed)")
                }
            }
            if solution.cost < cost { improvedSome = true }
            solution.undo(journal)
            #expect(solution.routes == routes && solution.cost == cost && RouteEditsTests.matchesFullRefresh(solution))
        }
        #expect(improvedSome && checked > 0)
        #expect(search.calls == 40 && search.feasibleResults + search.repaired + search.undone == search.calls)
        #expect(search.repaired > 0, "no repaired result was kept (\(search.undone) undone)")
    }

    @Test func penaltyAdaptsTowardsTheTarget() {
        var penalty = WarpPenalty(value: 10, targetFeasible: 0.5)
        for i in 0..<WarpPenalty.recordsPerUpdate {
            #expect(penalty.value == 10)
            penalty.record(feasible: i % 5 == 0)
        }
        #expect(penalty.value == 10 * WarpPenalty.increase)
        for i in 0..<WarpPenalty.recordsPerUpdate { penalty.record(feasible: i % 2 == 0 || i == 1) }
        #expect(penalty.value == 10 * WarpPenalty.increase, "a share within 0.05 of the target moves the price")
        for _ in 0..<WarpPenalty.recordsPerUpdate { penalty.record(feasible: true) }
        #expect(penalty.value == 10 * WarpPenalty.increase * WarpPenalty.decrease)
        var floor = WarpPenalty(value: 0, targetFeasible: 0.5)
        for _ in 0..<WarpPenalty.recordsPerUpdate { floor.record(feasible: true) }
        #expect(floor.value == WarpPenalty.range.lowerBound)
    }

    /// On r201 a search through warp keeps Solomon's checker's windows, is deterministic (with
    /// one trajectory and with two that share) and differs from the one without; on a care week
    /// the option changes nothing.
    @Test func searchThroughWarpIsValidAndDeterministic() throws {
        var parameters = SolveParameters(seed: 4, stop: StoppingCriterion(maxIterations: 3000))
        parameters.timeWarpLocalSearch = true
        let week = RestartTests.expectCheckedAndDeterministic(RestartTests.week, parameters)
        var off = parameters
        off.timeWarpLocalSearch = false
        let plainWeek = solve(ProblemCompiler.compile(RestartTests.week).instance, parameters: off)
        #expect(plainWeek.cost == week.cost && plainWeek.assignments == week.assignments, "time warp changed the care week")

        let solomon = try SolomonTests.fixture("r201")
        let instance = solomon.solverInstance()
        try RestartTests.expectValidAndChangedOnR201(parameters, plain: off)
        let one = solve(instance, parameters: parameters)
        let again = solve(instance, parameters: parameters)
        #expect(one.cost == again.cost && one.routes == again.routes)
        var two = parameters
        two.trajectories = 2
        two.shareEvery = 400
        let a = solve(instance, parameters: two)
        let b = solve(instance, parameters: two)
        #expect(a.cost == b.cost && a.routes == b.routes)
        guard case .success = solomon.check(routes: a.routes.filter { !$0.isEmpty }) else {
            Issue.record("infeasible routes with two trajectories")
            return
        }
    }
}
