import CareModel
import Foundation
import SolomonBenchmark
import Testing

@testable import CareSolver

/// Route elimination (SISR's fleet minimisation) serves every visit with one route fewer, never
/// opens a route or leaves more visits out on the way, keeps every cache exact, and a search
/// using it stays valid and deterministic.
@Suite("Route elimination")
struct RouteEliminationTests {
    /// Greedy solutions of Solomon's r201 (every customer served, routes to spare): each attempt
    /// only ever uses routes the start used, never leaves out more visits than the emptied route
    /// held, stays feasible with exact caches, and ends, when it succeeds, with every customer
    /// served on one route fewer, in routes Solomon's checker accepts.
    @Test func emptiesARouteOfSolomonsR201() throws {
        let solomon = try SolomonTests.fixture("r201")
        let instance = try solomon.solverInstance()
        var successes = 0
        for seed: UInt64 in 1...4 {
            let start = SearchSolution(instance)
            var rng = SplitMix64(seed: seed)
            var buffer: [Candidate] = []
            _ = Recreate().recreate(Array(instance.visits.indices), in: start, order: .random, rng: &rng, buffer: &buffer)
            try #require(start.unassigned.isEmpty)
            let usedBefore = Set(start.routes.indices.filter { !start.routes[$0].isEmpty })
            var elimination = try #require(
                RouteElimination(instance, slots: start.slots, start: start.start, steps: 400, strings: StringRemoval(), rng: &rng))
            let emptiedCount = elimination.solution.unassigned.count
            #expect(emptiedCount > 0)
            let orders = Recreate.orders(for: instance)
            var leftOut = emptiedCount
            while elimination.stepsLeft > 0 && !elimination.succeeded {
                elimination.step(orders: orders, rng: &rng, buffer: &buffer)
                let copy = elimination.solution
                let used = Set(copy.routes.indices.filter { !copy.routes[$0].isEmpty })
                #expect(used.isSubset(of: usedBefore) && used.count < usedBefore.count)
                #expect(copy.unassigned.count <= leftOut, "more visits left out than a step before")
                leftOut = copy.unassigned.count
            }
            let copy = elimination.solution
            #expect(MoveChecks.feasible(copy))
            #expect(copy.cost == copy.recomputedCost() && copy.countsMatch())
            #expect(RouteEditsTests.matchesFullRefresh(copy))
            guard elimination.succeeded else { continue }
            successes += 1
            let finished = elimination.finished()
            #expect(!finished.closedEmptyRoutes)
            let routes = finished.routes.filter { !$0.isEmpty }
            #expect(routes.count == usedBefore.count - 1)
            guard case .success = solomon.check(routes: routes) else {
                Issue.record("infeasible routes after an elimination, seed \(seed)")
                continue
            }
        }
        // 4 of 4 when written: greedy insertion leaves r201's routes with room to spare.
        #expect(successes >= 3, "only \(successes) of 4 eliminations succeeded")
    }

    /// With empty routes closed, no visit is offered a position on an empty route; open, some are.
    @Test func closedEmptyRoutesAreNeverOffered() throws {
        let solution = try MoveChecks.solomonSolution(seed: 3)
        var rng = SplitMix64(seed: 9)
        var buffer: [Candidate] = []
        var offeredEmpty = 0
        for closed in [true, false] {
            solution.closedEmptyRoutes = closed
            for v in solution.instance.visits.indices {
                solution.candidates(for: v, blink: 0, rng: &rng, into: &buffer)
                let empty = buffer.filter { solution.routes[$0.shift].isEmpty }.count
                if closed { #expect(empty == 0) } else { offeredEmpty += empty }
            }
        }
        #expect(offeredEmpty > 0, "the fixture has no empty route to close")
    }

    /// An attempt needs a solution serving every visit (a partial r201 is refused) and more than
    /// one route (a line of visits all on one worker's route is refused; on two routes it begins).
    @Test func refusesWhatItCannotImprove() throws {
        let instance = try SolomonTests.fixture("r201").solverInstance()
        var rng = SplitMix64(seed: 1)
        var buffer: [Candidate] = []
        let partial = SearchSolution(instance)
        _ = Recreate().recreate(Array(instance.visits.indices.dropFirst(3)), in: partial, order: .random, rng: &rng, buffer: &buffer)
        #expect(RouteElimination(instance, slots: partial.slots, start: partial.start, steps: 10, strings: StringRemoval(), rng: &rng) == nil)

        let line = LineInstance.make(visits: 6, workers: 2)
        let oneRoute = SearchSolution(line)
        _ = Recreate().recreate(Array(line.visits.indices), in: oneRoute, order: .random, rng: &rng, buffer: &buffer)
        try #require(oneRoute.unassigned.isEmpty && oneRoute.routes.filter { !$0.isEmpty }.count == 1)
        #expect(RouteElimination(line, slots: oneRoute.slots, start: oneRoute.start, steps: 10, strings: StringRemoval(), rng: &rng) == nil)
        // The same visits split over both routes: the attempt begins and puts them on one.
        let twoRoutes = SearchSolution(line)
        for v in line.visits.indices {
            let s = v < 3 ? 0 : 1
            twoRoutes.apply(v, Insertion(places: InsertionPlaces(s, twoRoutes.routes[s].count), start: 100 * (v + 1), delta: 0))
        }
        var elimination = try #require(
            RouteElimination(line, slots: twoRoutes.slots, start: twoRoutes.start, steps: 50, strings: StringRemoval(), rng: &rng))
        while elimination.stepsLeft > 0 && !elimination.succeeded {
            elimination.step(orders: Recreate.orders(for: line), rng: &rng, buffer: &buffer)
        }
        #expect(elimination.succeeded && elimination.finished().routes.filter { !$0.isEmpty }.count == 1)
    }

    /// A search trying an elimination at every stall. The care week leaves visits out (its
    /// sample has fewer carers than calls), so no attempt may begin and nothing may be drawn for
    /// one: the roster passes the independent checker and equals the search's without
    /// eliminations. r201's routes are feasible in exact arithmetic and differ from the search
    /// without them.
    @Test func searchWithEliminationsIsValidAndDeterministic() throws {
        let compiled = ProblemCompiler.compile(RestartTests.week)
        var parameters = SolveParameters(seed: 2, stop: StoppingCriterion(maxIterations: 3000))
        parameters.crossoverAfterPerVisit = 200 / Double(compiled.instance.visits.count)
        parameters.routeEliminationShare = 1
        let week = RestartTests.expectCheckedAndDeterministic(RestartTests.week, parameters)
        var off = parameters
        off.routeEliminationShare = 0
        let plainWeek = solve(compiled.instance, parameters: off)
        #expect(!week.unassigned.isEmpty)
        #expect(plainWeek.cost == week.cost && plainWeek.assignments == week.assignments, "an elimination changed the care week")

        parameters.crossoverAfterPerVisit = 2
        parameters.routeEliminationStepsPerVisit = 5
        var without = parameters
        without.routeEliminationShare = 0
        try RestartTests.expectValidAndChangedOnR201(parameters, plain: without)
    }
}
