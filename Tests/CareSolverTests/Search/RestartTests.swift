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
        var parameters = SolveParameters(seed: 2, stop: StoppingCriterion(maxIterations: 3000))
        parameters.restartAfter = 200
        _ = Self.expectCheckedAndDeterministic(Self.week, parameters)

        var plain = parameters
        plain.restartAfter = nil
        plain.crossoverAfterPerVisit = nil
        try Self.expectValidAndChangedOnR201(parameters, plain: plain)
    }

    /// The care week both stall rules are tried on.
    static var week: Problem { SolveTests.sampleWeek("2026-W48", clients: 30) }

    /// Solves `problem` twice with `parameters`: the same result both times, and a roster the
    /// independent checker accepts. Returns the result.
    static func expectCheckedAndDeterministic(_ problem: Problem, _ parameters: SolveParameters) -> SolveResult {
        let compiled = ProblemCompiler.compile(problem)
        let a = solve(compiled.instance, parameters: parameters)
        let b = solve(compiled.instance, parameters: parameters)
        #expect(a.assignments == b.assignments && a.cost == b.cost)
        #expect(RosterChecker.check(RosterBuilder.roster(compiled, a, seed: parameters.seed), against: problem).violations == [])
        return a
    }

    /// Solves Solomon's r201 with `parameters` and with `plain` (the same without the stall rule
    /// under test): with the rule the routes are feasible in exact arithmetic and serve every
    /// customer, and the rule changed the search.
    static func expectValidAndChangedOnR201(_ parameters: SolveParameters, plain: SolveParameters) throws {
        let solomon = try SolomonTests.fixture("r201")
        let result = solve(solomon.solverInstance(), parameters: parameters)
        guard case .success = solomon.check(routes: result.routes.filter { !$0.isEmpty }) else {
            Issue.record("infeasible routes")
            return
        }
        #expect(result.unassigned.isEmpty)
        let without = solve(solomon.solverInstance(), parameters: plain)
        #expect(without.cost != result.cost || without.routes != result.routes, "the stall rule changed nothing")
    }
}
