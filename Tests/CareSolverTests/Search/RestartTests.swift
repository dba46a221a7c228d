import CareModel
import Foundation
import SolomonBenchmark
import Testing

@testable import CareSolver

/// Going back to the best after a stall keeps the search valid and deterministic.
@Suite("Restart from the best")
struct RestartTests {
    /// A care week and Solomon's r201 with a restart every few hundred stalled iterations: the
    /// roster passes the independent checker, the routes are feasible in exact arithmetic, the
    /// same seed gives the same result, and restarts do change the search.
    @Test func restartsAreValidAndDeterministic() throws {
        let problem = SolveTests.sampleWeek("2026-W48", clients: 30)
        let compiled = ProblemCompiler.compile(problem)
        var parameters = SolveParameters(seed: 2, stop: StoppingCriterion(maxIterations: 3000))
        parameters.restartAfter = 200
        let a = solve(compiled.instance, parameters: parameters)
        let b = solve(compiled.instance, parameters: parameters)
        #expect(a.assignments == b.assignments && a.cost == b.cost)
        #expect(RosterChecker.check(RosterBuilder.roster(compiled, a, seed: 2), against: problem).violations == [])

        let solomon = try SolomonTests.fixture("r201")
        let restarted = solve(solomon.solverInstance(), parameters: parameters)
        guard case .success = solomon.check(routes: restarted.routes.filter { !$0.isEmpty }) else {
            Issue.record("infeasible routes")
            return
        }
        #expect(restarted.unassigned.isEmpty)
        parameters.restartAfter = nil
        let plain = solve(solomon.solverInstance(), parameters: parameters)
        #expect(plain.cost != restarted.cost || plain.routes != restarted.routes, "a restart every 200 stalled iterations changed nothing")
    }
}
