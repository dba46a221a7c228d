import CareModel
import Foundation
import SolomonBenchmark
import Testing

@testable import CareSolver

/// The local search only ever lowers the objective, keeps every route feasible, is undone
/// exactly by its journal, and leaves no improving move among the visits it was given.
@Suite("Local search")
struct LocalSearchTests {
    @Test(arguments: [UInt64(1), 2])
    func improvesFeasiblyAndUndoes(_ seed: UInt64) throws {
        for solution in [MoveChecks.careSolution(seed: seed), try MoveChecks.solomonSolution(seed: seed)] {
            let before = solution.cost
            let routes = solution.routes
            var search = LocalSearch()
            search.maxPasses = 50
            var journal: [RouteChange] = []
            let visits = Array(solution.instance.visits.indices)
            search.improve(visits, in: solution, journal: &journal)
            #expect(!journal.isEmpty, "a random solution has improving moves")
            #expect(solution.cost < before)
            #expect(solution.cost == solution.recomputedCost() && solution.countsMatch())
            #expect(MoveChecks.feasible(solution))
            // A local optimum: another pass finds nothing.
            var again: [RouteChange] = []
            search.improve(visits, in: solution, journal: &again)
            #expect(again.isEmpty)
            solution.undo(journal)
            #expect(solution.routes == routes)
            #expect(solution.cost == before)
        }
    }

    /// The whole search with local search on: every roster passes the independent checker,
    /// the same seed and iterations give the same roster, and on Solomon's r201 the routes are
    /// feasible in exact arithmetic.
    @Test func searchWithLocalSearchIsValidAndDeterministic() throws {
        let problem = SolveTests.sampleWeek("2026-W48", clients: 30)
        let compiled = ProblemCompiler.compile(problem)
        var parameters = SolveParameters(seed: 4, stop: StoppingCriterion(maxIterations: 300))
        parameters.localSearch = true
        parameters.localSearchBestMargin = .infinity
        let a = solve(compiled.instance, parameters: parameters)
        let b = solve(compiled.instance, parameters: parameters)
        #expect(a.assignments == b.assignments && a.cost == b.cost)
        let roster = RosterBuilder.roster(compiled, a, seed: 4)
        #expect(RosterChecker.check(roster, against: problem).violations == [])

        let solomon = try SolomonTests.fixture("r201")
        let result = solve(solomon.solverInstance(), parameters: parameters)
        let routes = result.routes.filter { !$0.isEmpty }
        guard case .success = solomon.check(routes: routes) else {
            Issue.record("infeasible routes")
            return
        }
        #expect(result.unassigned.isEmpty)
    }
}
