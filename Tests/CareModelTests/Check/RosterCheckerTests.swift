import CareModel
import Testing

/// The checker flags each broken rule and passes the unbroken roster: penalised and
/// unpenalised pairs, as Timefold's constraint tests do. The rosters are written by hand, so
/// these tests need no solver and the objective is worked out below.
///
/// Monday 23 November 2026 (GMT). Carer C1 (medication, contracted 120 min) and C2 live at the
/// hub; client P1, who prefers C1, lives 0.1° of latitude north. P1 has V1 (08:00–09:00
/// window, 30 min, medication) and V2 (10:00–11:00, 30 min). The valid roster gives both to
/// C1 at the window starts.
@Suite("Independent roster checker")
struct RosterCheckerTests {
    static let monday = LocalDate(iso: "2026-11-23")!
    static let hub = GeoPoint(latitude: 52.8, longitude: -2.1)!
    static let north = GeoPoint(latitude: 52.9, longitude: -2.1)!

    static func at(_ hour: Int, _ minute: Int = 0) -> Instant { Instant(utcDate: monday, minutes: hour * 60 + minute) }

    static func carer(_ id: String, skills: [String] = [], contracted: Int = 0, shift: (Int, Int) = (7, 15)) -> Problem.Carer {
        Problem.Carer(
            id: id, name: id, hub: "H1", location: hub, skills: skills, gender: nil, contractedMinutes: contracted, maxMinutes: 2400,
            lendableTo: [], shifts: [Problem.Interval(start: at(shift.0), end: at(shift.1))])
    }

    static func visit(_ id: String, from hour: Int, skills: [String] = []) -> Problem.Visit {
        Problem.Visit(
            id: id, client: "P1", windowStart: at(hour), windowEnd: at(hour + 1), durationMinutes: 30, skills: skills, carers: 1,
            priority: .normal, pinned: [])
    }

    static let problem = Problem(
        weekStart: monday, timeZone: "Europe/London", travel: .standard,
        hubs: [Problem.Hub(id: "H1", name: "Stafford", location: hub)],
        carers: [carer("C1", skills: ["medication"], contracted: 120), carer("C2")],
        clients: [Problem.Client(id: "P1", hub: "H1", location: north, genderPreference: nil, excludedCarers: [], preferredCarers: ["C1"])],
        visits: [visit("V1", from: 8, skills: ["medication"]), visit("V2", from: 10)])

    /// Worked by hand with the default weights (travel 1, continuity 30, preference 10, shortfall 0.5,
    /// continuity_visits 3):
    /// - travel: home to P1 is 0.1° of latitude = 6371 km × 0.1 × π/180 = 11.1195 km; × 1.35 road
    ///   factor / 25 km/h × 60 = 36.03 min, rounded up to 37. V1 to V2 is the same place: 0.
    /// - continuity: one distinct (client, carer) pair, P1–C1: 30.
    /// - preference: C1 is preferred and on both visits: 0.
    /// - shortfall: C1 is paid 30 + 30 min (travel from home is unpaid), 60 short of 120: × 0.5 = 30.
    /// - continuity_visits: P1–C1 has 2 visits, taper 4 + 3 = 7, × 3 = 21. No history, nothing late: 0.
    static let objective = Roster.Objective(
        total: 118, unassigned: 0, travel: 37, continuity: 30, preference: 0, shortfall: 30, continuityVisits: 21, newCarers: 0, lateness: 0,
        maxLateness: 0)

    static let roster = Roster(
        assignments: [
            Roster.Assignment(visit: "V1", carers: ["C1"], start: "2026-11-23T08:00:00+00:00"),
            Roster.Assignment(visit: "V2", carers: ["C1"], start: "2026-11-23T10:00:00+00:00"),
        ],
        unassigned: [], objective: objective,
        metrics: Roster.Metrics(
            visits: 2, assigned: 2, unassignedVisits: 0, travelMinutes: 37, paidMinutes: 60, distinctCarersPerClient: 1,
            preferenceMisses: 0, shortfallMinutes: 60, coverageByPriority: [:]),
        solver: Roster.SolverInfo(seed: 1, seconds: 0, iterations: 0))

    static func violations(_ roster: Roster, _ problem: Problem = problem) -> [String] {
        RosterChecker.check(roster, against: problem).violations
    }

    /// The hand-made roster breaks no rule and its objective recomputes to the hand-worked value.
    @Test func validRosterPasses() {
        let report = RosterChecker.check(Self.roster, against: Self.problem)
        #expect(report.violations == [])
        #expect(report.objective == Self.objective)
    }

    /// A start before the window opens is flagged.
    @Test func startOutsideWindowIsFlagged() {
        var bad = Self.roster
        bad.assignments[0].start = "2026-11-23T07:50:00+00:00"
        #expect(Self.violations(bad).contains("visit V1: starts outside its window"))
    }

    /// A visit in neither list is flagged.
    @Test func missingVisitIsFlagged() {
        var bad = Self.roster
        bad.assignments.removeLast()
        #expect(Self.violations(bad).contains { $0.hasPrefix("visit V2 appears 0 times") })
    }

    /// A carer without the visit's skill is flagged.
    @Test func lackingSkillIsFlagged() {
        var bad = Self.roster
        bad.assignments[0].carers = ["C2"]
        #expect(Self.violations(bad).contains("visit V1: carer C2 lacks skill medication"))
    }

    /// A visit needing one carer given two is flagged.
    @Test func wrongCarerCountIsFlagged() {
        var bad = Self.roster
        bad.assignments[1].carers = ["C1", "C2"]
        #expect(Self.violations(bad).contains("visit V2: needs 1 distinct carers, has 2"))
    }

    /// A stated objective that does not recompute is flagged.
    @Test func wrongObjectiveIsFlagged() {
        var bad = Self.roster
        bad.objective.total += 1
        #expect(Self.violations(bad).contains { $0.hasPrefix("objective.total") })
    }

    /// A visit outside every shift of its carer is flagged.
    @Test func outsideShiftIsFlagged() {
        var p = Self.problem
        p.carers[0].shifts = [Problem.Interval(start: Self.at(12), end: Self.at(13))]
        #expect(Self.violations(Self.roster, p).contains("visit V1: not inside a shift of carer C1"))
    }

    /// A first visit the carer cannot reach from home after the shift starts is flagged (37 min
    /// of travel, shift from 07:30, visit at 08:00).
    @Test func noTimeToTravelIsFlagged() {
        var p = Self.problem
        p.carers[0].shifts = [Problem.Interval(start: Self.at(7, 30), end: Self.at(15))]
        #expect(Self.violations(Self.roster, p).contains("carer C1: no time to reach visit V1"))
    }

    /// Paid minutes over the weekly cap are flagged.
    @Test func capIsFlagged() {
        var p = Self.problem
        p.carers[0].maxMinutes = 30
        #expect(Self.violations(Self.roster, p).contains("carer C1: 60 paid minutes exceed the cap of 30"))
    }

    /// A carer the client excludes is flagged.
    @Test func excludedCarerIsFlagged() {
        var p = Self.problem
        p.clients[0].excludedCarers = ["C1"]
        #expect(Self.violations(Self.roster, p).contains("visit V1: carer C1 is excluded by the client"))
    }

    /// A carer who does not match the client's gender preference is flagged.
    @Test func genderPreferenceIsFlagged() {
        var p = Self.problem
        p.clients[0].genderPreference = .male
        #expect(Self.violations(Self.roster, p).contains("visit V1: carer C1 does not match the gender preference"))
    }

    /// A carer from another hub, not lent to this one, is flagged.
    @Test func otherHubIsFlagged() {
        var p = Self.problem
        p.carers[0].hub = "H2"
        #expect(Self.violations(Self.roster, p).contains("visit V1: carer C1 may not work in hub H1"))
    }

    /// A pinned carer missing from the visit is flagged.
    @Test func missingPinnedCarerIsFlagged() {
        var p = Self.problem
        p.visits[1].pinned = ["C2"]
        #expect(Self.violations(Self.roster, p).contains("visit V2: pinned carer C2 missing"))
    }

    /// The break rule, penalised and unpenalised: V1 (200 min from 08:00) ends at 11:20 and V2
    /// (200 min, at the same client, so no travel) runs to past 14:45, a span over 6 hours.
    /// A 5-minute gap breaks the rule; a 20-minute gap keeps it.
    @Test(arguments: [(25, true), (40, false)])
    func breakRule(_ v2Minute: Int, _ flagged: Bool) {
        var p = Self.problem
        p.visits[0].durationMinutes = 200
        p.visits[1].windowStart = Self.at(11)
        p.visits[1].windowEnd = Self.at(12)
        p.visits[1].durationMinutes = 200
        var r = Self.roster
        r.assignments[1].start = "2026-11-23T11:\(v2Minute):00+00:00"
        let rule = "carer C1: a shift over 6 hours has no 20-minute break"
        #expect(Self.violations(r, p).contains(rule) == flagged)
    }
}
