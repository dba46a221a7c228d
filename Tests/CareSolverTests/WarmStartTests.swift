import CareModel
import CareSolver
import Testing

/// `visits[].previous_carers`: construction gives each call back to last week's carers where
/// they can still take it; otherwise the visit is placed as if there were no hint.
@Suite("Warm start: last week's carer of each call")
struct WarmStartTests {
    /// Two carers alike in every way (same home, same shifts every day) and one client with a
    /// morning call each day.
    static func twins() -> Problem {
        var w = TinyWeek()
        w.carer("C1")
        w.carer("C2")
        w.client("P1")
        var problem = ContinuityTests.everyDay(w)
        ContinuityTests.mornings(&problem, client: "P1")
        return problem
    }

    /// Construction only (no search iterations): the carers each visit of P1 went to.
    static func constructed(_ problem: Problem) -> [String] {
        let roster = solveRoster(problem, iterations: 0)
        #expect(RosterChecker.check(roster, against: problem).violations == [])
        let byVisit = Dictionary(uniqueKeysWithValues: roster.assignments.map { ($0.visit, $0.carers) })
        return problem.visits.map { byVisit[$0.id]?.joined(separator: "+") ?? "-" }
    }

    /// Without a hint the tie goes to C1; with C2 as each call's previous carer, C2 gets them
    /// all, and the search keeps the week with C2.
    @Test func previousCarerGetsTheCall() {
        var problem = Self.twins()
        #expect(Self.constructed(problem) == Array(repeating: "C1", count: 7))
        for i in problem.visits.indices { problem.visits[i].previousCarers = ["C2"] }
        #expect(Self.constructed(problem) == Array(repeating: "C2", count: 7))
        let searched = ContinuityTests.checked(problem)
        #expect(ContinuityTests.carers(of: "P1", searched, problem) == ["C2"])
    }

    /// A previous carer who is off on Wednesday, or who has left (not in the problem), does not
    /// leave the call unplaced: it goes to whoever construction would choose anyway (Wednesday
    /// to C1, the only one working; Friday's, whose previous carer left, to one of the two).
    @Test func unusableHintFallsBack() {
        var problem = Self.twins()
        let c2 = problem.carers.firstIndex { $0.id == "C2" }!
        problem.carers[c2].shifts.remove(at: 2)
        for i in problem.visits.indices { problem.visits[i].previousCarers = i == 4 ? ["GONE"] : ["C2"] }
        let carers = Self.constructed(problem)
        #expect(carers.enumerated().filter { $0.offset != 4 }.map(\.element) == ["C2", "C2", "C1", "C2", "C2", "C2"])
        #expect(["C1", "C2"].contains(carers[4]))
    }

    /// Without hints the warm start changes nothing: the same routes and starts with it on or off,
    /// on a week with double-ups, priorities and several clients.
    @Test func noHintsNoChange() {
        var w = TinyWeek()
        for id in ["C1", "C2", "C3"] { w.carer(id, home: TinyWeek.north(Double(id.count))) }
        for id in ["P1", "P2"] { w.client(id, at: TinyWeek.north(id == "P1" ? 2 : 5)) }
        w.visit("V1", client: "P1", from: "08:00", to: "09:00", carers: 2, priority: .high)
        w.visit("V2", client: "P2", from: "08:00", to: "10:00")
        w.visit("V3", client: "P1", from: "12:00", to: "13:00")
        var problem = ContinuityTests.everyDay(w)
        ContinuityTests.mornings(&problem, client: "P2")
        let compiled = ProblemCompiler.compile(problem)
        func routes(warm: Bool) -> [[Int]] {
            var parameters = SolveParameters(seed: 4, stop: StoppingCriterion(maxIterations: 400))
            parameters.warmStart = warm
            return solve(compiled.instance, parameters: parameters).routes
        }
        #expect(routes(warm: true) == routes(warm: false))
        #expect(routes(warm: true).joined().count == problem.visits.count + 1)
    }

    /// A double-up goes back to both of last week's carers.
    @Test func doubleUpGoesBackToBoth() {
        var w = TinyWeek()
        for id in ["C1", "C2", "C3"] { w.carer(id) }
        w.client("P1")
        w.visit("V1", client: "P1", from: "08:00", to: "09:00", carers: 2)
        var problem = w.problem
        #expect(Self.constructed(problem) == ["C1+C2"])
        problem.visits[0].previousCarers = ["C3", "C2"]
        #expect(Self.constructed(problem) == ["C2+C3"])
    }
}
