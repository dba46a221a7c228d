import CareModel
import CareSolver
import Testing

/// Linked visits (medication spacing) and visits that may start late, solved and re-checked.
@Suite("Linked visits and lateness")
struct LinkAndLatenessTests {
    private func solved(_ problem: Problem) -> Roster {
        let roster = solveRoster(problem)
        #expect(RosterChecker.check(roster, against: problem).violations == [])
        return roster
    }

    private func start(_ roster: Roster, _ visit: String) -> Instant? {
        roster.assignments.first { $0.visit == visit }.flatMap { Instant(rfc3339: $0.start) }
    }

    private func gap(_ roster: Roster, _ a: String, _ b: String) -> Int? {
        guard let x = start(roster, a), let y = start(roster, b) else { return nil }
        return x.minutes(to: y)
    }

    /// The morning dose is fixed at 08:00. With at least 240 minutes after it and the second
    /// window opening at 12:00, the gap is exactly 240 (the lower edge); with at most 180 and
    /// the window opening at 11:00, exactly 180 (the upper edge).
    @Test func gapAtItsEdges() {
        var w = TinyWeek()
        w.carer("C1", shift: ("07:00", "20:00"))
        w.client("P1")
        w.visit("AM", client: "P1", from: "08:00", to: "08:00")
        w.visit("PM", client: "P1", from: "12:00", to: "13:00")
        var problem = w.problem
        problem.rules = WorkingRules(breakAfterMinutes: nil)
        problem.links = [Problem.Link(first: "AM", second: "PM", minGapMinutes: 240, maxGapMinutes: 600)]
        #expect(gap(solved(problem), "AM", "PM") == 240)
        problem.visits[1].windowStart = TinyWeek.at("11:00")
        problem.links = [Problem.Link(first: "AM", second: "PM", minGapMinutes: 0, maxGapMinutes: 180)]
        #expect(gap(solved(problem), "AM", "PM") == 180)
    }

    /// A link that cannot be met leaves the less urgent visit out, with the link as the reason.
    @Test func linkThatCannotBeMet() {
        var w = TinyWeek()
        w.carer("C1", shift: ("07:00", "20:00"))
        w.client("P1")
        w.visit("AM", client: "P1", from: "08:00", to: "08:00", priority: .high)
        w.visit("PM", client: "P1", from: "14:00", to: "15:00")
        var problem = w.problem
        problem.links = [Problem.Link(first: "AM", second: "PM", minGapMinutes: 240, maxGapMinutes: 300)]
        let roster = solved(problem)
        #expect(roster.assignments.map(\.visit) == ["AM"])
        #expect(roster.unassigned.first?.reason == "its linked visit's timing cannot be met (gap or different carers)")
    }

    /// A double-up client: the 12:00 visit must have neither of the two morning carers.
    @Test func differentCarersAfterADoubleUp() {
        var w = TinyWeek()
        for id in ["C1", "C2", "C3"] { w.carer(id, shift: ("07:00", "14:00")) }
        w.client("P1")
        w.visit("HOIST", client: "P1", from: "08:00", to: "08:00", carers: 2)
        w.visit("NOON", client: "P1", from: "12:00", to: "12:30")
        var problem = w.problem
        problem.links = [Problem.Link(first: "HOIST", second: "NOON", minGapMinutes: 180, maxGapMinutes: 300, differentCarers: true)]
        let roster = solved(problem)
        let morning = Set(roster.assignments.first { $0.visit == "HOIST" }?.carers ?? [])
        let noon = Set(roster.assignments.first { $0.visit == "NOON" }?.carers ?? [])
        #expect(morning.count == 2 && noon.count == 1)
        #expect(morning.isDisjoint(with: noon))
    }

    /// The only carer starts at 08:15; the visit's window is 08:00–08:00. Allowed 30 minutes
    /// late it starts at 08:15, 15 minutes late, costed and reported; time-critical, it cannot go.
    @Test func lateRatherThanMissed() {
        var w = TinyWeek()
        w.carer("C1", shift: ("08:15", "15:00"))
        w.client("P1", at: TinyWeek.here)
        w.visit("V1", client: "P1", from: "08:00", to: "08:00")
        var problem = w.problem
        problem.carers[0].location = TinyWeek.here
        problem.visits[0].lateAllowedMinutes = 30
        let roster = solved(problem)
        #expect(roster.assignments.first?.lateMinutes == 15)
        #expect(roster.metrics.lateMinutes == 15 && roster.metrics.lateVisits == 1 && roster.metrics.maxLateMinutes == 15)
        #expect(roster.objective.lateness == 15 * problem.weights.lateness)
        problem.visits[0].lateAllowedMinutes = 0
        problem.visits[0].timeCritical = true
        #expect(solved(problem).assignments.isEmpty)
    }

    /// With the break rule off (a workforce the Regulations do not cover), eight back-to-back
    /// 50-minute visits all go to one carer; with the default rules one is left out.
    @Test func breakRuleFromTheProblem() {
        var w = TinyWeek()
        w.carer("C1", shift: ("07:00", "15:00"))
        w.client("P1")
        for i in 0..<8 {
            let t = LocalTime(minutesSinceMidnight: 7 * 60 + 50 * i)!.description
            w.visit("V\(i)", client: "P1", from: t, to: t, minutes: 50)
        }
        var problem = w.problem
        #expect(solved(problem).assignments.count == 7)
        problem.rules = WorkingRules(breakAfterMinutes: nil)
        #expect(solved(problem).assignments.count == 8)
    }
}
