import CareModel
import Testing

/// The checker flags each broken rule (and passes the unbroken roster): penalised and
/// unpenalised pairs, as Timefold's constraint tests do.
@Suite("Independent roster checker")
struct CheckerTests {
    static func base() -> (Problem, Roster) {
        var w = TinyWeek()
        w.carer("C1", skills: ["medication"], contracted: 120)
        w.carer("C2")
        w.client("P1", preferred: ["C1"])
        w.visit("V1", client: "P1", from: "08:00", to: "09:00", skills: ["medication"])
        w.visit("V2", client: "P1", from: "10:00", to: "11:00")
        let problem = w.problem
        return (problem, solveRoster(problem))
    }

    @Test func validRosterPasses() {
        let (problem, roster) = Self.base()
        let report = RosterChecker.check(roster, against: problem)
        #expect(report.violations == [])
        #expect(report.objective == roster.objective)
    }

    @Test func startOutsideWindowIsFlagged() {
        let (problem, roster) = Self.base()
        var bad = roster
        bad.assignments[0].start = "2026-11-23T07:00:00+00:00"
        #expect(RosterChecker.check(bad, against: problem).violations.contains { $0.contains("starts outside its window") })
    }

    @Test func missingVisitIsFlagged() {
        let (problem, roster) = Self.base()
        var bad = roster
        bad.assignments.removeLast()
        #expect(RosterChecker.check(bad, against: problem).violations.contains { $0.contains("appears 0 times") })
    }

    @Test func lackingSkillIsFlagged() {
        let (problem, roster) = Self.base()
        var bad = roster
        let i = bad.assignments.firstIndex { $0.visit == "V1" }!
        bad.assignments[i].carers = ["C2"]
        #expect(RosterChecker.check(bad, against: problem).violations.contains { $0.contains("lacks skill medication") })
    }

    @Test func wrongObjectiveIsFlagged() {
        let (problem, roster) = Self.base()
        var bad = roster
        bad.objective.total += 1
        #expect(RosterChecker.check(bad, against: problem).violations.contains { $0.hasPrefix("objective.total") })
    }

    @Test func outsideShiftIsFlagged() {
        let (problem, roster) = Self.base()
        var bad = roster
        let i = bad.assignments.firstIndex { $0.visit == "V2" }!
        bad.assignments[i].carers = ["C2"]
        var p = problem
        p.carers[1].shifts = [Problem.Interval(start: TinyWeek.at("12:00"), end: TinyWeek.at("13:00"))]
        #expect(RosterChecker.check(bad, against: p).violations.contains { $0.contains("not inside a shift of carer C2") })
    }

    @Test func capIsFlagged() {
        let (problem, roster) = Self.base()
        var p = problem
        p.carers[0].maxMinutes = 30
        #expect(RosterChecker.check(roster, against: p).violations.contains { $0.contains("exceed the cap") })
    }
}
