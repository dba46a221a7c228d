import CareModel
import Testing

@testable import CareSolver

@Suite("Why a visit is unassigned after the search")
struct DiagnosisTests {
    /// A time limit that stops construction early (0 s: it stops after its first 64 visits)
    /// leaves visits that fit; each is said to fit, with the search stopped before it, and
    /// none gets a reason that blames a rule. The roster is still valid.
    @Test func aStoppedSearchSaysSo() {
        let problem = SolveTests.sampleWeek("2026-W48", clients: 30)
        let compiled = ProblemCompiler.compile(problem)
        let result = solve(compiled.instance, parameters: SolveParameters(seed: 1, stop: StoppingCriterion(maxSeconds: 0)))
        let roster = RosterBuilder.roster(compiled, result, seed: 1)
        #expect(RosterChecker.check(roster, against: problem).violations == [])
        #expect(roster.assignments.count <= 64 && roster.unassigned.count > problem.visits.count / 2)
        let stopped = roster.unassigned.filter { $0.reason == "it fits, but the search stopped before placing it (give it more time)" }
        #expect(stopped.count > roster.unassigned.count / 2)
        // Searched to the end, the same week leaves no visit that fits below its penalty.
        let full = solveRoster(problem, iterations: 2000)
        #expect(!full.unassigned.contains { $0.reason.hasPrefix("it fits") })
    }

    /// A visit that fits but whose cheapest place costs more than leaving it out (a cheap
    /// penalty and a long drive) says so; with the usual penalty it is placed.
    @Test func aVisitDearerThanItsPenaltySaysSo() {
        var w = TinyWeek()
        w.carer("C1")
        w.client("P1")
        w.client("P2", at: TinyWeek.north(30))
        w.visit("V1", client: "P1", from: "08:00", to: "08:00", priority: .high)
        w.visit("V2", client: "P2", from: "10:00", to: "11:00")
        var problem = w.problem
        problem.weights.unassignedNormal = 1
        let roster = solveRoster(problem)
        #expect(RosterChecker.check(roster, against: problem).violations == [])
        #expect(roster.assignments.map(\.visit) == ["V1"])
        #expect(
            roster.unassigned.first?.reason == "it fits, but placing it costs more than leaving it out")
        #expect(solveRoster(w.problem).assignments.count == 2)
    }
}
