import CareModel
import CareSolver
import Testing

/// Repair on a hand-made Monday. Only B holds the hoist skill. Visit H (hoist, 09:00–09:30
/// window, 60 min) is new; B already has visit F (09:00–09:30 window, 60 min) at 09:00.
/// H fits only if F moves to C (free all day): one move. With no moves allowed, or with F
/// frozen, H stays unassigned and F stays with B.
@Suite("Repair: moving as little as it can")
struct RepairTests {
    static func week() -> (CompiledProblem, RepairRequest.Previous) {
        var w = TinyWeek()
        w.carer("B", skills: ["hoist"])
        w.carer("C")
        w.client("P")
        w.client("Q", at: TinyWeek.north(0.5))
        w.visit("F", client: "Q", from: "09:00", to: "09:30", minutes: 60)
        w.visit("H", client: "P", from: "09:00", to: "09:30", minutes: 60, skills: ["hoist"])
        let compiled = ProblemCompiler.compile(w.problem)
        let f = RepairRequest.Previous(visit: 0, workers: [0], start: compiled.minutes(TinyWeek.at("09:00")))
        return (compiled, f)
    }

    static func run(maxMoves: Int, frozenBefore: Int) -> (RepairOutcome, Roster, Problem) {
        let (compiled, f) = week()
        let request = RepairRequest(previous: [f], frozenBefore: frozenBefore, maxMoves: maxMoves, stop: StoppingCriterion(maxSeconds: 5))
        let outcome = repair(compiled.instance, request, seed: 1)
        let roster = RosterBuilder.roster(compiled, outcome.result, seed: 1)
        #expect(RosterChecker.check(roster, against: compiled.problem).isValid)
        return (outcome, roster, compiled.problem)
    }

    @Test func oneMoveMakesRoom() {
        let (outcome, roster, _) = Self.run(maxMoves: 1, frozenBefore: 0)
        #expect(outcome.moved == [0] && outcome.broken.isEmpty)
        #expect(roster.assignments.first { $0.visit == "H" }?.carers == ["B"])
        #expect(roster.assignments.first { $0.visit == "F" }?.carers == ["C"])
    }

    @Test(arguments: [(0, 0), (5, Int.max)])
    func noMoveWhenCappedOrFrozen(_ maxMoves: Int, _ frozenBefore: Int) {
        let (outcome, roster, _) = Self.run(maxMoves: maxMoves, frozenBefore: frozenBefore)
        #expect(outcome.moved.isEmpty)
        #expect(roster.assignments.first { $0.visit == "F" }?.carers == ["B"])
        #expect(roster.unassigned.map(\.visit) == ["H"])
    }
}
