import CareModel
import Testing

/// The checker's issue-14 rules and parts, on hand-made weeks with matrix travel so every
/// number is readable: places C1, C2 (homes), P1, P2 (clients). Home → P1 10 min, P1 → home
/// 15, home → P2 20, P2 → home 25, P1 → P2 5 and P2 → P1 30 (asymmetric on purpose).
/// Carers work 07:00–15:00 on Monday 23 November 2026 (GMT).
@Suite("Independent roster checker: links, lateness, matrix, returns_home, rules, new parts")
struct RosterCheckerAdditionsTests {
    static let monday = LocalDate(iso: "2026-11-23")!
    static let point = GeoPoint(latitude: 52.8, longitude: -2.1)!
    static let matrix = TravelMatrixModel(
        places: ["C1", "C2", "P1", "P2"], minutes: [[0, 0, 10, 20], [0, 0, 10, 20], [15, 15, 0, 5], [25, 25, 30, 0]])

    static func at(_ hour: Int, _ minute: Int = 0) -> Instant { Instant(utcDate: monday, minutes: hour * 60 + minute) }
    static func text(_ hour: Int, _ minute: Int = 0) -> String { at(hour, minute).rfc3339(offsetMinutes: 0, zulu: false) }

    static func carer(_ id: String, returnsHome: Bool = false) -> Problem.Carer {
        Problem.Carer(
            id: id, name: id, hub: "H1", location: point, skills: [], gender: nil, contractedMinutes: 0, maxMinutes: 2400, lendableTo: [],
            shifts: [Problem.Interval(start: at(7), end: at(15))], returnsHome: returnsHome)
    }

    static func visit(
        _ id: String, _ client: String = "P1", from: (Int, Int), to: (Int, Int), minutes: Int = 30, carers: Int = 1, late: Int = 0,
        critical: Bool = false
    ) -> Problem.Visit {
        Problem.Visit(
            id: id, client: client, windowStart: at(from.0, from.1), windowEnd: at(to.0, to.1), durationMinutes: minutes, skills: [],
            carers: carers, priority: .normal, pinned: [], lateAllowedMinutes: late, timeCritical: critical)
    }

    static func problem(
        _ visits: [Problem.Visit], links: [Problem.Link] = [], rules: WorkingRules = WorkingRules(), returnsHome: Bool = false,
        history: [Problem.HistoryEntry]? = nil
    ) -> Problem {
        let clients = ["P1", "P2"].map {
            Problem.Client(
                id: $0, hub: "H1", location: point, genderPreference: nil, excludedCarers: [], preferredCarers: [],
                history: $0 == "P1" ? history : nil)
        }
        return Problem(
            weekStart: monday, timeZone: "Europe/London", travel: .matrix(matrix), hubs: [Problem.Hub(id: "H1", name: "H", location: point)],
            carers: [carer("C1", returnsHome: returnsHome), carer("C2")], clients: clients, visits: visits, links: links, rules: rules)
    }

    static func roster(_ assignments: [Roster.Assignment], _ problem: Problem) -> Roster {
        let done = Set(assignments.map(\.visit))
        return Roster(
            assignments: assignments,
            unassigned: problem.visits.filter { !done.contains($0.id) }.map { Roster.Unassigned(visit: $0.id, reason: "test") },
            objective: .init(total: 0, unassigned: 0, travel: 0, continuity: 0, preference: 0, shortfall: 0),
            metrics: .init(
                visits: 0, assigned: 0, unassignedVisits: 0, travelMinutes: 0, paidMinutes: 0, distinctCarersPerClient: 0,
                preferenceMisses: 0, shortfallMinutes: 0, coverageByPriority: [:]),
            solver: .init(seed: 1, seconds: 0, iterations: 0))
    }

    /// The rule breaches alone: the roster states the checker's own objective and counts.
    static func breaches(_ assignments: [Roster.Assignment], _ problem: Problem) -> [String] {
        var r = roster(assignments, problem)
        let report = RosterChecker.check(r, against: problem)
        r.objective = report.objective
        r.metrics = report.metrics
        return RosterChecker.check(r, against: problem).violations
    }

    static func assign(_ visit: String, _ carers: [String], _ hour: Int, _ minute: Int = 0, late: Int? = nil) -> Roster.Assignment {
        Roster.Assignment(visit: visit, carers: carers, start: text(hour, minute), lateMinutes: late)
    }

    // MARK: Links

    static let linked = problem(
        [visit("V1", from: (8, 0), to: (9, 0)), visit("V2", from: (10, 0), to: (14, 0))],
        links: [Problem.Link(first: "V1", second: "V2", minGapMinutes: 240, maxGapMinutes: 300)])

    /// Exactly the minimum and the maximum gap pass; one minute outside either fails.
    @Test(arguments: [((12, 0), true), ((13, 0), true), ((11, 59), false), ((13, 1), false)])
    func linkGapEdges(_ second: (Int, Int), _ ok: Bool) {
        let found = Self.breaches([Self.assign("V1", ["C1"], 8), Self.assign("V2", ["C2"], second.0, second.1)], Self.linked)
        let gap = (second.0 * 60 + second.1) - 8 * 60
        #expect(found == (ok ? [] : ["link V1 → V2: starts \(gap) minutes apart, outside 240…300"]))
    }

    /// A link with only one visit assigned is not checked.
    @Test func linkWithOneVisitUnassigned() {
        #expect(Self.breaches([Self.assign("V2", ["C2"], 10)], Self.linked).isEmpty)
    }

    /// different_carers: one carer on both visits is a breach; two carers are not.
    @Test func differentCarers() {
        var p = Self.linked
        p.links[0].differentCarers = true
        #expect(Self.breaches([Self.assign("V1", ["C1"], 8), Self.assign("V2", ["C1"], 12)], p) == ["link V1 → V2: carer C1 does both visits"])
        #expect(Self.breaches([Self.assign("V1", ["C1"], 8), Self.assign("V2", ["C2"], 12)], p).isEmpty)
    }

    // MARK: Lateness

    /// A start within late_allowed passes (stating its minutes late); one minute beyond is refused.
    @Test func lateWithinAllowance() {
        let p = Self.problem([Self.visit("V1", from: (8, 0), to: (9, 0), late: 30)])
        #expect(Self.breaches([Self.assign("V1", ["C1"], 9, 30, late: 30)], p).isEmpty)
        #expect(Self.breaches([Self.assign("V1", ["C1"], 9, 31, late: 31)], p) == ["visit V1: starts outside its window"])
        #expect(Self.breaches([Self.assign("V1", ["C1"], 9, 10)], p) == ["visit V1: late_minutes is 0 but recomputes to 10"])
    }

    /// A time-critical visit is never late, even if a hand-built problem allows lateness.
    @Test func timeCriticalNeverLate() {
        let p = Self.problem([Self.visit("V1", from: (8, 0), to: (9, 0), late: 30, critical: true)])
        #expect(Self.breaches([Self.assign("V1", ["C1"], 9, 10, late: 10)], p) == ["visit V1: starts outside its window"])
        #expect(Self.breaches([Self.assign("V1", ["C1"], 9)], p).isEmpty)
    }

    // MARK: Matrix travel

    /// Rule 4 reads the matrix in the route's direction: P2 → P1 is 30 minutes (P1 → P2 only 5).
    @Test func asymmetricMatrixForRule4AndTravel() {
        let p = Self.problem([
            Self.visit("V1", "P2", from: (8, 0), to: (9, 0)), Self.visit("V2", "P1", from: (8, 0), to: (10, 0)),
        ])
        #expect(Self.breaches([Self.assign("V1", ["C1"], 8), Self.assign("V2", ["C1"], 9)], p).isEmpty)
        #expect(Self.breaches([Self.assign("V1", ["C1"], 8), Self.assign("V2", ["C1"], 8, 59)], p) == ["carer C1: no time to reach visit V2"])
        // Home → P2 20, P2 → P1 30.
        let r = Self.roster([Self.assign("V1", ["C1"], 8), Self.assign("V2", ["C1"], 9)], p)
        #expect(RosterChecker.check(r, against: p).objective.travel == 50)
    }

    // MARK: returns_home

    /// The trip home counts in travel and must end by the shift's end.
    @Test func returnsHome() {
        let visits = [Self.visit("V1", from: (8, 0), to: (14, 30))]
        let home = Self.problem(visits, returnsHome: true)
        #expect(Self.breaches([Self.assign("V1", ["C1"], 14)], home).isEmpty)
        #expect(
            Self.breaches([Self.assign("V1", ["C1"], 14, 30)], home) == ["carer C1: cannot be home by the end of the shift after visit V1"])
        let r = Self.roster([Self.assign("V1", ["C1"], 14)], home)
        // Out 10, home 15; without returns_home only the trip out.
        #expect(RosterChecker.check(r, against: home).objective.travel == 25)
        #expect(RosterChecker.check(r, against: Self.problem(visits)).objective.travel == 10)
        // Unpaid: no shortfall change (contracted 0) and rule 5 reads only the visit; nothing to breach.
        #expect(Self.breaches([Self.assign("V1", ["C1"], 14, 30)], Self.problem(visits)).isEmpty)
    }

    // MARK: rules

    /// 08:00–11:20 and 11:25–14:45 at one client: a 6 h 45 min span with a 5-minute gap.
    static func breakRule(_ rules: WorkingRules) -> [String] {
        let p = Self.problem(
            [Self.visit("V1", from: (8, 0), to: (8, 0), minutes: 200), Self.visit("V2", from: (11, 25), to: (11, 25), minutes: 200)],
            rules: rules)
        return breaches([assign("V1", ["C1"], 8), assign("V2", ["C1"], 11, 25)], p)
    }

    /// The default rule flags the span; null turns it off; custom values apply.
    @Test func rulesDriveRule6() {
        #expect(Self.breakRule(WorkingRules()) == ["carer C1: a shift over 6 hours has no 20-minute break"])
        #expect(Self.breakRule(WorkingRules(breakAfterMinutes: nil)).isEmpty)
        #expect(Self.breakRule(WorkingRules(breakAfterMinutes: 480)).isEmpty)
        #expect(Self.breakRule(WorkingRules(breakAfterMinutes: 360, breakMinutes: 5)).isEmpty)
        #expect(Self.breakRule(WorkingRules(breakAfterMinutes: 90, breakMinutes: 10)) == ["carer C1: a shift over 90 minutes has no 10-minute break"])
    }

    // MARK: New objective parts

    /// P1 (history: C2) gets V1, V2 from C1 and V3 from C2; P2 (no history) gets V4 from C1,
    /// 30 minutes late, and V5 from C2, 10 minutes late.
    /// - continuity_visits: pairs P1–C1 2 visits (taper 7), P1–C2 1 after 3 in the history
    ///   (taper(4) − taper(3) = 1), P2–C1 1 (4), P2–C2 1 (4): 16 × 3 = 48.
    /// - new_carers: C1 is new to P1; P2 has no history: 1 × 60 = 60.
    /// - lateness: 30 + 10 = 40 × 1; max_lateness: 30 × 2 = 60.
    static func partsCase() -> (Problem, Roster) {
        var p = problem(
            [
                visit("V1", from: (8, 0), to: (8, 0)), visit("V2", from: (10, 0), to: (10, 0)), visit("V3", from: (8, 0), to: (8, 0)),
                visit("V4", "P2", from: (11, 0), to: (12, 0), late: 60), visit("V5", "P2", from: (11, 0), to: (12, 0), late: 60),
            ], history: [Problem.HistoryEntry(carer: "C2", visits: 3)])
        p.weights.maxLateness = 2
        let r = roster(
            [
                assign("V1", ["C1"], 8), assign("V2", ["C1"], 10), assign("V3", ["C2"], 8), assign("V4", ["C1"], 12, 30, late: 30),
                assign("V5", ["C2"], 12, 10, late: 10),
            ], p)
        return (p, r)
    }

    /// Each new part recomputes to the hand-worked figure and is part of the total.
    @Test func newPartsRecomputed() {
        let (p, r) = Self.partsCase()
        let report = RosterChecker.check(r, against: p)
        let o = report.objective
        #expect(o.continuityVisits == 48)
        #expect(o.newCarers == 60)
        #expect(o.lateness == 40)
        #expect(o.maxLateness == 60)
        #expect(o.total == o.unassigned + o.travel + o.continuity + o.preference + o.shortfall + 48 + 60 + 40 + 60)
        // The counts a manager reads: one pair new to P1 (C1), two visits late by 30 and 10.
        let m = report.metrics
        #expect((m.visits, m.assigned, m.unassignedVisits, m.preferenceMisses) == (5, 5, 0, 0))
        #expect(m.newCarerPairs == 1 && m.lateVisits == 2 && m.lateMinutes == 40 && m.maxLateMinutes == 30)
        var stated = r
        stated.objective = o
        stated.metrics = m
        #expect(RosterChecker.check(stated, against: p).violations.isEmpty)
    }

    /// Counts stated wrong are flagged by name; optional ones left out are not.
    @Test func metricsStatedWrong() {
        let (p, r) = Self.partsCase()
        let report = RosterChecker.check(r, against: p)
        var stated = r
        stated.objective = report.objective
        stated.metrics = report.metrics
        stated.metrics.preferenceMisses += 1
        stated.metrics.lateMinutes = 39
        stated.metrics.coverageByPriority["normal"]?.assigned -= 1
        #expect(
            RosterChecker.check(stated, against: p).violations == [
                "metrics.preference_misses is 1 but recomputes to 0", "metrics.late_minutes is 39 but recomputes to 40",
                "metrics.coverage_by_priority.normal is 4 of 5 but recomputes to 5 of 5",
            ])
        stated.metrics = report.metrics
        stated.metrics.newCarerPairs = nil
        stated.metrics.lateVisits = nil
        #expect(RosterChecker.check(stated, against: p).violations.isEmpty)
    }

    /// A part stated wrong, or left out while it recomputes to more than 0, is a violation;
    /// one left out that recomputes to 0 (max_lateness with its default weight) is not.
    @Test func newPartsStatedWrongOrAbsent() {
        let (p, r) = Self.partsCase()
        var stated = r
        stated.objective = RosterChecker.check(r, against: p).objective
        stated.metrics = RosterChecker.check(r, against: p).metrics
        stated.objective.newCarers = 0
        stated.objective.total -= 60
        #expect(RosterChecker.check(stated, against: p).violations.contains("objective.new_carers is 0.0 but recomputes to 60.0"))
        stated.objective.newCarers = nil
        #expect(RosterChecker.check(stated, against: p).violations.contains("objective.new_carers is absent but recomputes to 60.0"))
        var zero = p
        zero.weights.maxLateness = 0
        var fine = r
        fine.objective = RosterChecker.check(r, against: zero).objective
        fine.metrics = RosterChecker.check(r, against: zero).metrics
        fine.objective.maxLateness = nil
        #expect(RosterChecker.check(fine, against: zero).violations.isEmpty)
    }
}
