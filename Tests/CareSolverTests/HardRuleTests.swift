import CareModel
import CareSolver
import Testing

/// Every test solves a tiny week and runs the independent checker on the result.
@Suite("Hard rules on tiny weeks")
struct HardRuleTests {
    private func solved(_ week: TinyWeek) -> Roster {
        let roster = solveRoster(week.problem)
        let report = RosterChecker.check(roster, against: week.problem)
        #expect(report.violations == [])
        return roster
    }

    private func reason(_ roster: Roster, _ visit: String) -> String? {
        roster.unassigned.first { $0.visit == visit }?.reason
    }

    /// A double-up gets two distinct qualified carers who start at the same minute.
    @Test func doubleUpGetsTwoCarersAtOnce() {
        var w = TinyWeek()
        w.carer("C1", skills: ["hoist"])
        w.carer("C2", skills: ["hoist"])
        w.carer("C3")
        w.client("P1")
        w.visit("V1", client: "P1", from: "08:00", to: "09:00", minutes: 45, skills: ["hoist"], carers: 2, priority: .high)
        let roster = solved(w)
        #expect(roster.assignments.first?.carers == ["C1", "C2"])
    }

    /// With only one qualified carer a double-up stays unassigned, and the reason says why.
    @Test func doubleUpWithOneQualifiedCarer() {
        var w = TinyWeek()
        w.carer("C1", skills: ["hoist"])
        w.carer("C2")
        w.client("P1")
        w.visit("V1", client: "P1", from: "08:00", to: "09:00", skills: ["hoist"], carers: 2)
        #expect(reason(solved(w), "V1") == "fewer than 2 carers with the skills hoist")
    }

    /// A skill nobody has is named.
    @Test func missingSkillIsNamed() {
        var w = TinyWeek()
        w.carer("C1", skills: ["medication"])
        w.client("P1")
        w.visit("V1", client: "P1", from: "08:00", to: "09:00", skills: ["peg"])
        #expect(reason(solved(w), "V1") == "no carer with skill peg")
    }

    /// Exclusions and gender preferences are never broken.
    @Test func exclusionAndGender() {
        var w = TinyWeek()
        w.carer("C1")
        w.carer("C2", gender: .male)
        w.client("P1", gender: .female, excluded: ["C1"])
        w.visit("V1", client: "P1", from: "08:00", to: "09:00")
        #expect(reason(solved(w), "V1") == "no eligible carer: exclusions, gender preference or hub")
        w.carer("C3")
        #expect(solved(w).assignments.first?.carers == ["C3"])
    }

    /// A carer works in another hub only when lendable to it.
    @Test func hubLending() {
        var w = TinyWeek()
        w.carer("C1", hub: "H2")
        w.client("P1", hub: "H1")
        w.visit("V1", client: "P1", from: "08:00", to: "09:00")
        #expect(solved(w).assignments.isEmpty)
        w.carers[0].lendableTo = ["H1"]
        #expect(solved(w).assignments.first?.carers == ["C1"])
    }

    /// A pinned carer is used even when another would be cheaper; an unusable pin is reported.
    @Test func pins() {
        var w = TinyWeek()
        w.carer("C1")
        w.carer("C2", home: TinyWeek.north(5))
        w.client("P1")
        w.visit("V1", client: "P1", from: "08:00", to: "09:00", pinned: ["C2"])
        #expect(solved(w).assignments.first?.carers == ["C2"])
        w.visits[0].pinned = ["C1"]
        w.carers[0].shifts = [Problem.Interval(start: TinyWeek.at("13:00"), end: TinyWeek.at("15:00"))]
        #expect(reason(solved(w), "V1") == "pinned carer C1 unavailable (no shift in the window)")
    }

    /// The weekly paid cap holds: visit minutes plus travel between visits.
    @Test func weeklyCap() {
        var w = TinyWeek()
        w.carer("C1", max: 60)
        w.client("P1")
        for (i, t) in ["08:00", "09:00", "10:00"].enumerated() { w.visit("V\(i)", client: "P1", from: t, to: t) }
        let roster = solved(w)
        #expect(roster.assignments.count == 2)
        #expect(roster.unassigned.first?.reason == "weekly cap: every carer who could go is at their maximum minutes")
    }

    /// Travel time is respected: two fixed visits 10 km apart and 10 minutes apart need two carers.
    @Test func travelTime() {
        var w = TinyWeek()
        w.carer("C1")
        w.client("P1")
        w.client("P2", at: TinyWeek.north(10))
        w.visit("V1", client: "P1", from: "08:00", to: "08:00")
        w.visit("V2", client: "P2", from: "08:40", to: "08:40")
        #expect(solved(w).assignments.count == 1)
        w.carer("C2", home: TinyWeek.north(10))
        #expect(solved(w).assignments.count == 2)
    }

    /// Over six hours' work needs a 20-minute break: eight back-to-back fixed visits cannot all go.
    @Test func breakRule() {
        var w = TinyWeek()
        w.carer("C1", shift: ("07:00", "15:00"))
        w.client("P1")
        for i in 0..<8 {
            let t = LocalTime(minutesSinceMidnight: 7 * 60 + 50 * i)!.description
            w.visit("V\(i)", client: "P1", from: t, to: t, minutes: 50)
        }
        let roster = solved(w)
        #expect(roster.assignments.count == 7)
    }

    /// Home First visits are placed before normal ones when they compete for one carer.
    @Test func priorityWins() {
        var w = TinyWeek()
        w.carer("C1")
        w.client("P1")
        w.client("P2")
        w.visit("N", client: "P1", from: "08:00", to: "08:00", minutes: 60)
        w.visit("HF", client: "P2", from: "08:30", to: "08:30", minutes: 60, priority: .homeFirst)
        #expect(solved(w).assignments.map(\.visit) == ["HF"])
    }
}
