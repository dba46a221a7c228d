import CareModel
import CareStore
import CareTestSupport
import Testing

/// The reads a rebalance makes besides the published rosters: recorded visits and absences.
@Suite("Rebalance repository")
struct RebalanceRepositoryTests {
    static let day = LocalDate(year: 2026, month: 11, day: 24)!

    /// Hub H, carer C1 and client P1 with three visits on `day`.
    static func seeded() throws -> (TestDatabase, Connection, [String]) {
        let test = try TestDatabase()
        let db = try test.connect()
        try HubRepository(db).insert(Hub(code: "H", name: "Hub", location: Fixtures.place))
        try CarerRepository(db).upsertWithSkills(Fixtures.carer("C1", hub: "H"))
        _ = try ClientRepository(db).upsert(
            Client(
                externalID: "P1", hubCode: "H", givenName: "Ann", familyName: "Smith", postcode: "ST16 1AA", location: Fixtures.place,
                funding: .council))
        let visits = try [("08:00", "09:00"), ("12:00", "13:00"), ("17:00", "18:00")].map { window in
            try VisitPlanner(db).addVisit(
                clientID: "P1", date: day, windowStart: LocalTime(iso: window.0)!, windowEnd: LocalTime(iso: window.1)!, minutes: 30)
        }
        return (test, db, visits.map(String.init))
    }

    /// Delivered and missed visits are recorded; planned ones and ids that are no visit are not.
    @Test func recordedVisitsAreDeliveredOrMissed() throws {
        let (test, db, visits) = try Self.seeded()
        defer { withExtendedLifetime(test) {} }
        try db.execute("UPDATE visits SET status = 'delivered', actual_minutes = 30 WHERE id = \(Int(visits[0])!)")
        try db.execute("UPDATE visits SET status = 'missed' WHERE id = \(Int(visits[1])!)")
        let recorded = try RebalanceRepository(db).recordedVisits(among: visits + ["999999", "not a visit"])
        #expect(recorded == [visits[0], visits[1]])
        #expect(try RebalanceRepository(db).recordedVisits(among: [visits[2]]).isEmpty)
    }

    /// An absence is read when it overlaps the span, with its carer's id and kind.
    @Test func absencesOverlappingTheSpan() throws {
        let (test, db, _) = try Self.seeded()
        defer { withExtendedLifetime(test) {} }
        try ShiftRepository(db).insert(LocalAbsence(carerID: "C1", kind: .sickness, firstDay: Self.day, lastDay: Self.day))
        let store = RebalanceRepository(db)
        let monday = Instant(utcDate: Self.day.adding(days: -1), minutes: 0)
        #expect(
            try store.absences(carers: ["C1"], from: monday, to: monday.adding(minutes: 7 * 1440)) == [
                RebalanceRepository.Absence(
                    carer: "C1", kind: "sickness", start: Instant(utcDate: Self.day, minutes: 0), end: Instant(utcDate: Self.day, minutes: 1440))
            ])
        #expect(try store.absences(carers: ["C1"], from: monday, to: monday.adding(minutes: 1440)).isEmpty)
        #expect(try store.absences(carers: ["C2"], from: monday, to: monday.adding(minutes: 7 * 1440)).isEmpty)
    }
}
