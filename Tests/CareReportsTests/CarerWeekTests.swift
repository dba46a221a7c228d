import CareModel
import Testing

@testable import CareReports

/// `roster show --carer`'s table: minutes late per visit, and each shift's trip home for a
/// carer who returns home.
@Suite("Carer week table")
struct CarerWeekTests {
    @Test func lateMinutesAndTripsHome() throws {
        let here = try #require(GeoPoint(latitude: 52.8, longitude: -2.1))
        let at = { (day: Int, hhmm: String) in try #require(Instant(rfc3339: "2026-11-2\(3 + day)T\(hhmm):00Z")) }
        let visit = { (id: String, day: Int, from: String, to: String, late: Int) in
            Problem.Visit(
                id: id, client: "P1", windowStart: try at(day, from), windowEnd: try at(day, to), durationMinutes: 30, skills: [], carers: 1,
                priority: .normal, pinned: [], lateAllowedMinutes: late)
        }
        let shifts = try [0, 1].map { d in Problem.Interval(start: try at(d, "07:00"), end: try at(d, "15:00")) }
        var problem = Problem(
            weekStart: try #require(LocalDate(iso: "2026-11-23")), timeZone: "Europe/London",
            travel: .matrix(TravelMatrixModel(places: ["C1", "P1"], minutes: [[0, 12], [9, 0]])),
            hubs: [Problem.Hub(id: "H1", name: "Stafford", location: here)],
            carers: [
                Problem.Carer(
                    id: "C1", name: "Ann", hub: "H1", location: here, skills: [], gender: .female, contractedMinutes: 0, maxMinutes: 2400,
                    lendableTo: [], shifts: shifts,
                    returnsHome: true)
            ],
            clients: [Problem.Client(id: "P1", hub: "H1", location: here, genderPreference: nil, excludedCarers: [], preferredCarers: [])],
            visits: [try visit("V1", 0, "08:00", "08:00", 30), try visit("V2", 1, "08:00", "09:00", 0)])
        let roster = Roster(
            assignments: [
                Roster.Assignment(visit: "V1", carers: ["C1"], start: "2026-11-23T08:20:00+00:00", lateMinutes: 20),
                Roster.Assignment(visit: "V2", carers: ["C1"], start: "2026-11-24T08:00:00+00:00"),
            ], unassigned: [],
            objective: Roster.Objective(total: 0, unassigned: 0, travel: 0, continuity: 0, preference: 0, shortfall: 0),
            metrics: Roster.Metrics(
                visits: 2, assigned: 2, unassignedVisits: 0, travelMinutes: 42, paidMinutes: 60, distinctCarersPerClient: 1, preferenceMisses: 0,
                shortfallMinutes: 0, coverageByPriority: [:]),
            solver: Roster.SolverInfo(seed: 1, seconds: 0, iterations: 0))
        let week = try #require(RosterReview(problem: problem, roster: roster).carerWeek("C1"))
        let lines = week.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        #expect(lines.contains("Mon 2026-11-23 08:20 08:50 V1 P1 12m 20m"))
        #expect(lines.contains("Mon 2026-11-23 08:50 08:59 (home) 9m"))
        #expect(lines.contains("Tue 2026-11-24 08:00 08:30 V2 P1 12m"))
        #expect(lines.contains("Tue 2026-11-24 08:30 08:39 (home) 9m"))
        problem.carers[0].returnsHome = false
        let noHome = try #require(RosterReview(problem: problem, roster: roster).carerWeek("C1"))
        #expect(!noHome.contains("(home)"))
    }
}
