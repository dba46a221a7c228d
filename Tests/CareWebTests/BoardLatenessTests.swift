import CareModel
import Testing

@testable import CareReports
@testable import CareWeb

/// A visit that starts late (late rather than missed) says so on the board, in text as well
/// as by its border, so colour is not the only signal.
@Suite("Board: late visits")
struct BoardLatenessTests {
    @Test func lateVisitIsMarked() throws {
        let here = try #require(GeoPoint(latitude: 52.8, longitude: -2.1))
        let at = { (hhmm: String) in try #require(Instant(rfc3339: "2026-11-23T\(hhmm):00Z")) }
        let visits = [
            Problem.Visit(
                id: "V1", client: "P1", windowStart: try at("08:00"), windowEnd: try at("08:00"), durationMinutes: 30, skills: [], carers: 1,
                priority: .normal, pinned: [], lateAllowedMinutes: 30),
            Problem.Visit(
                id: "V2", client: "P1", windowStart: try at("12:00"), windowEnd: try at("13:00"), durationMinutes: 30, skills: [], carers: 1,
                priority: .normal, pinned: []),
        ]
        let problem = Problem(
            weekStart: try #require(LocalDate(iso: "2026-11-23")), timeZone: "Europe/London", travel: .standard,
            hubs: [Problem.Hub(id: "H1", name: "Stafford", location: here)],
            carers: [
                Problem.Carer(
                    id: "C1", name: "Ann", hub: "H1", location: here, skills: [], gender: .female, contractedMinutes: 0, maxMinutes: 2400,
                    lendableTo: [], shifts: [Problem.Interval(start: try at("08:15"), end: try at("15:00"))])
            ],
            clients: [
                Problem.Client(id: "P1", hub: "H1", location: here, genderPreference: nil, excludedCarers: [], preferredCarers: [])
            ],
            visits: visits)
        let roster = Roster(
            assignments: [
                Roster.Assignment(visit: "V1", carers: ["C1"], start: "2026-11-23T08:15:00+00:00", lateMinutes: 15),
                Roster.Assignment(visit: "V2", carers: ["C1"], start: "2026-11-23T12:00:00+00:00"),
            ], unassigned: [],
            objective: Roster.Objective(total: 0, unassigned: 0, travel: 0, continuity: 0, preference: 0, shortfall: 0),
            metrics: Roster.Metrics(
                visits: 2, assigned: 2, unassignedVisits: 0, travelMinutes: 0, paidMinutes: 60, distinctCarersPerClient: 1, preferenceMisses: 0,
                shortfallMinutes: 0, coverageByPriority: [:]),
            solver: Roster.SolverInfo(seed: 1, seconds: 0, iterations: 0))
        let handout = Handout(
            hub: "H1", week: "2026-W48", version: 1, problem: problem, roster: roster, carerNames: ["C1": "Ann"],
            clientFirstNames: ["P1": "Sam"], clientAreas: [:])
        let items = handout.items(for: "C1")
        #expect(items.map(\.lateMinutes) == [15, 0])
        let week = HubWeek(hub: "H1", week: try #require(ISOWeek(iso: "2026-W48")), versions: [], plannedVisits: 0, shown: nil)
        let blocks = items.map {
            BoardPage.block($0, carer: "C1", handout: handout, clock: LocalClock(zone: "Europe/London"), week: week, version: 1)
        }
        #expect(blocks[0].contains(" late\""))
        #expect(blocks[0].contains("+15′"))
        #expect(blocks[0].contains("(15 min late)"))
        #expect(!blocks[1].contains("late"))
    }
}
