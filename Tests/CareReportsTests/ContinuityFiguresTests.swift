import CareModel
import CareReports
import Testing

/// The same-faces and lateness figures `roster show` and the web's hub week print, on a hand-made
/// week (Monday 23 November 2026, GMT). Client P (history: A) has five visits, by A, A, B, C, D:
/// 4 carers, top three 4/5, B, C and D new. Client Q (no history) has two, both by A: 1 carer,
/// top three 1. Means: 2.5 carers, share 0.9; 3 new pairs. Two visits start late, by 12 and 5 minutes.
@Suite("Continuity figures")
struct ContinuityFiguresTests {
    static let monday = LocalDate(iso: "2026-11-23")!
    static let p = GeoPoint(latitude: 52.8064, longitude: -2.1171)!

    static func at(_ day: Int, _ hour: Int) -> Instant { Instant(utcDate: monday.adding(days: day), minutes: hour * 60) }

    static func week(history: Bool = true) -> (Problem, Roster) {
        let carers = ["A", "B", "C", "D"].map { id in
            Problem.Carer(
                id: id, name: id, hub: "H", location: p, skills: [], gender: .female, contractedMinutes: 600, maxMinutes: 2400,
                lendableTo: [], shifts: (0..<7).map { Problem.Interval(start: at($0, 7), end: at($0, 22)) })
        }
        let plan: [(client: String, carer: String, late: Int?)] = [
            ("P", "A", nil), ("P", "A", 12), ("P", "B", nil), ("P", "C", 5), ("P", "D", nil), ("Q", "A", nil), ("Q", "A", nil),
        ]
        var visits: [Problem.Visit] = []
        var assignments: [Roster.Assignment] = []
        for (i, v) in plan.enumerated() {
            let start = at(i, v.client == "P" ? 8 : 12)
            visits.append(
                Problem.Visit(
                    id: "V\(i)", client: v.client, windowStart: start, windowEnd: start, durationMinutes: 30, skills: [], carers: 1,
                    priority: .normal, pinned: [], lateAllowedMinutes: 30))
            assignments.append(
                Roster.Assignment(visit: "V\(i)", carers: [v.carer], start: start.adding(minutes: v.late ?? 0).description, lateMinutes: v.late))
        }
        let clients = [
            Problem.Client(
                id: "P", hub: "H", location: p, genderPreference: nil, excludedCarers: [], preferredCarers: [],
                history: history ? [Problem.HistoryEntry(carer: "A", visits: 6)] : nil),
            Problem.Client(id: "Q", hub: "H", location: p, genderPreference: nil, excludedCarers: [], preferredCarers: []),
        ]
        let problem = Problem(
            weekStart: monday, timeZone: "Europe/London", travel: .standard, hubs: [Problem.Hub(id: "H", name: "H", location: p)],
            carers: carers, clients: clients, visits: visits)
        let roster = Roster(
            assignments: assignments, unassigned: [],
            objective: .init(total: 0, unassigned: 0, travel: 0, continuity: 0, preference: 0, shortfall: 0),
            metrics: .init(
                visits: visits.count, assigned: visits.count, unassignedVisits: 0, travelMinutes: 0, paidMinutes: 210,
                distinctCarersPerClient: 2.5, preferenceMisses: 0, shortfallMinutes: 0, coverageByPriority: [:]),
            solver: .init(seed: 1, seconds: 0, iterations: 0))
        return (problem, roster)
    }

    /// A roster without the new metrics: computed with `RosterContinuity` and from the assignments.
    @Test func computedWhenTheRosterDoesNotStateThem() {
        let (problem, roster) = Self.week()
        let f = ContinuityFigures(problem: problem, roster: roster)
        #expect(f.carersPerClient == 2.5 && f.topThreeShare == 0.9 && f.newCarerPairs == 3)
        #expect(f.lateVisits == 2 && f.lateMinutes == 17 && f.maxLateMinutes == 12)
        let summary = RosterReview(problem: problem, roster: roster).summary()
        #expect(summary.contains("  continuity: 2.5 carers per client; "))
        #expect(summary.contains("  same faces: 90% of each client's visits by their three most frequent carers\n"))
        #expect(summary.contains("  carers new to their client this week: 3\n"))
        #expect(summary.contains("  late visits: 2, 17 minutes in all (the latest 12 minutes)\n"))
        #expect(summary.split(separator: "\n").allSatisfy { $0.count <= 100 })
    }

    /// The roster's own metrics win when present; with no client history nothing is "new".
    @Test func metricsWhenPresentAndNoHistory() {
        var (problem, roster) = Self.week()
        roster.metrics.topThreeShare = 0.5
        roster.metrics.newCarerPairs = 7
        roster.metrics.lateVisits = 1
        roster.metrics.lateMinutes = 4
        roster.metrics.maxLateMinutes = 4
        let summary = RosterReview(problem: problem, roster: roster).summary()
        #expect(summary.contains("  same faces: 50% of each client's visits"))
        #expect(summary.contains("  carers new to their client this week: 7\n"))
        #expect(summary.contains("  late visits: 1, 4 minutes in all (the latest 4 minutes)\n"))
        (problem, roster) = Self.week(history: false)
        #expect(ContinuityFigures(problem: problem, roster: roster).newCarerPairs == nil)
        #expect(RosterReview(problem: problem, roster: roster).summary().contains("  carers new to their client this week: not known (no history)\n"))
    }

    /// The hub week's figures are computed over the hub's own assignments, never from the run's metrics.
    @Test func hubWeekFiguresComputeThem() {
        var (problem, roster) = Self.week()
        roster.metrics.newCarerPairs = 7
        let handout = Handout(
            hub: "H", week: "2026-W48", version: 1, problem: problem, roster: roster, carerNames: [:], clientFirstNames: [:],
            clientAreas: [:])
        let figures = HubWeekFigures(handout)
        #expect(figures.continuity == ContinuityFigures(problem: problem, roster: roster, fromMetrics: false))
        #expect(figures.continuity.newCarerPairs == 3 && figures.continuity.topThreeShare == 0.9 && figures.continuity.lateVisits == 2)
    }
}
