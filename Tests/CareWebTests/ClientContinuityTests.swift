import CareModel
import Testing

@testable import CareReports
@testable import CareWeb

/// The client page's continuity figures, on hand-made weeks (the sample county has one week only).
@Suite("Client continuity")
struct ClientContinuityTests {
    static func line(_ id: String, carers: [String], day: Int) -> RosterReview.ClientVisit {
        let start = Instant(secondsSinceEpoch: Int64(day) * 86_400 + 8 * 3600)
        let visit = Problem.Visit(
            id: id, client: "P1", windowStart: start, windowEnd: start.adding(minutes: 60), durationMinutes: 30, skills: [], carers: carers.count,
            priority: .normal, pinned: [])
        return .init(
            visit: visit, day: LocalDate(daysSinceEpoch: day), windowFrom: "08:00", windowTo: "09:00", start: carers.isEmpty ? nil : "08:00",
            carers: carers, unassignedReason: carers.isEmpty ? "nobody free in the window" : nil)
    }

    /// Distinct carers this week, double-ups counted once per carer; familiar ones are those who
    /// also came last week; an unassigned visit adds nobody.
    @Test func familiarCarersAreThoseOfLastWeekToo() throws {
        let client = Problem.Client(
            id: "P1", hub: "STAF", location: try #require(GeoPoint(latitude: 52.8, longitude: -2.1)), genderPreference: nil,
            excludedCarers: [], preferredCarers: [])
        let this = ClientWeek.RosterWeek(
            week: try #require(ISOWeek(iso: "2026-W48")), version: 2, status: .published,
            visits: [Self.line("1", carers: ["A", "B"], day: 1), Self.line("2", carers: ["B"], day: 2), Self.line("3", carers: [], day: 3)],
            carerNames: ["A": "Ann", "B": "Bea"])
        let last = ClientWeek.RosterWeek(
            week: try #require(ISOWeek(iso: "2026-W47")), version: 1, status: .draft,
            visits: [Self.line("9", carers: ["B", "C"], day: -6)], carerNames: ["B": "Bea", "C": "Cal"])
        let view = ClientWeek(
            hub: "STAF", clientID: "P1", label: "Sam (ST16)", client: client, this: this, last: last, preferredNames: [:], record: nil, notes: [])
        #expect(view.carers == ["A", "B"])
        #expect(view.familiar == ["B"])
        let none = ClientWeek(
            hub: "STAF", clientID: "P1", label: "Sam", client: client, this: this, last: nil, preferredNames: [:], record: nil, notes: [])
        #expect(none.familiar.isEmpty)
    }
}
