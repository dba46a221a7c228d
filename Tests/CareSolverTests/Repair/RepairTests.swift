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

    static func run(
        maxMoves: Int, frozenBefore: Int, stop: StoppingCriterion = StoppingCriterion(maxIterations: 10)
    ) -> (RepairOutcome, Roster, Problem) {
        let (compiled, f) = week()
        let request = RepairRequest(previous: [f], frozenBefore: frozenBefore, maxMoves: maxMoves, stop: stop)
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

    /// Each visit that needs room is one iteration: a limit of 0 stops before the move that a
    /// limit of 1 allows.
    @Test func iterationLimitStopsMoving() {
        let (none, _, _) = Self.run(maxMoves: 5, frozenBefore: 0, stop: StoppingCriterion(maxIterations: 0))
        #expect(none.moved.isEmpty && none.result.iterations == 0)
        #expect(none.result.unassigned == [1])
        let (one, _, _) = Self.run(maxMoves: 5, frozenBefore: 0, stop: StoppingCriterion(maxIterations: 1))
        #expect(one.moved == [0] && one.result.iterations == 1)
    }

    /// Repair reads time only through its criterion: on a clock that jumps 10 s per read, a
    /// 5-second limit is already spent when the first move is considered.
    @Test func timeLimitOnInjectedClock() {
        let clock = HandClock(at: 0, step: 10)
        let (outcome, _, _) = Self.run(maxMoves: 5, frozenBefore: 0, stop: StoppingCriterion(maxSeconds: 5, clock: { clock.read() }))
        #expect(outcome.moved.isEmpty && outcome.result.iterations == 0)
    }
}
