import CareModel
import CareStore
import CareTestSupport
import Testing

@Suite("Repositories")
struct RepositoryTests {
    /// Shifts given in local time land on the right instants on both clock-change days, and
    /// keep their elapsed length.
    @Test func shiftsOnClockChangeDays() throws {
        let test = try TestDatabase()
        let db = try test.connect()
        try HubRepository(db).insert(Hub(code: "H", name: "Hub", location: Fixtures.place))
        try CarerRepository(db).upsertWithSkills(Fixtures.carer("C1", hub: "H"))
        let spring = LocalDate(year: 2026, month: 3, day: 29)!  // clocks go forward at 01:00 GMT
        let autumn = LocalDate(year: 2026, month: 10, day: 25)!  // clocks go back at 02:00 BST
        try ShiftRepository(db).insert(LocalShift(carerID: "C1", date: spring, start: LocalTime(hour: 0, minute: 30)!, minutes: 180))
        try ShiftRepository(db).insert(LocalShift(carerID: "C1", date: autumn, start: LocalTime(hour: 0, minute: 30)!, minutes: 180))
        try ShiftRepository(db).insert(LocalShift(carerID: "C1", date: autumn, start: LocalTime(hour: 7, minute: 0)!, minutes: 60))
        let rows = try db.query("SELECT starts_at, ends_at FROM carer_shifts ORDER BY starts_at").rows
        let got = try rows.map { "\(try $0.decode("starts_at", as: Instant.self))–\(try $0.decode("ends_at", as: Instant.self))" }
        #expect(
            got == [
                "2026-03-29T00:30:00Z–2026-03-29T03:30:00Z",
                "2026-10-24T23:30:00Z–2026-10-25T02:30:00Z",
                "2026-10-25T07:00:00Z–2026-10-25T08:00:00Z",
            ])
    }

    /// A whole-day absence runs from local midnight to local midnight.
    @Test func absenceCoversLocalDays() throws {
        let test = try TestDatabase()
        let db = try test.connect()
        try HubRepository(db).insert(Hub(code: "H", name: "Hub", location: Fixtures.place))
        try CarerRepository(db).upsertWithSkills(Fixtures.carer("C1", hub: "H"))
        let day = LocalDate(year: 2026, month: 10, day: 24)!
        try ShiftRepository(db).insert(LocalAbsence(carerID: "C1", kind: .sickness, firstDay: day, lastDay: day.adding(days: 1)))
        let row = try db.query("SELECT starts_at, ends_at FROM absences").rows[0]
        #expect(try row.decode("starts_at", as: Instant.self).description == "2026-10-23T23:00:00Z")
        #expect(try row.decode("ends_at", as: Instant.self).description == "2026-10-26T00:00:00Z")
    }

    /// A reference to an unknown hub or carer is an error naming it, and writes nothing.
    @Test func unknownReferencesAreNamed() throws {
        let test = try TestDatabase()
        let db = try test.connect()
        let error = #expect(throws: ReferenceError.self) { try CarerRepository(db).upsertWithSkills(Fixtures.carer("C1", hub: "NOPE")) }
        #expect(error?.description == "carer C1: unknown hub NOPE")
        try HubRepository(db).insert(Hub(code: "H", name: "Hub", location: Fixtures.place))
        let client = Client(
            externalID: "P1", hubCode: "H", givenName: "Ann", familyName: "Smith", postcode: "ST16 1AA",
            location: Fixtures.place, funding: .council, preferredCarers: ["C404"])
        #expect(throws: ReferenceError.self) { try ClientRepository(db).upsert(client) }
        #expect(try db.query("SELECT count(*) AS n FROM clients").rows[0].decode("n", as: Int.self) == 0)
    }

    /// Skills, lending hubs and package templates are written with the carer and package.
    @Test func childRowsAreWritten() throws {
        let test = try TestDatabase()
        let db = try test.connect()
        try HubRepository(db).insert(Hub(code: "A", name: "A", location: Fixtures.place))
        try HubRepository(db).insert(Hub(code: "B", name: "B", location: Fixtures.place))
        var carer = Fixtures.carer("C1", hub: "A")
        carer.lendableTo = ["B"]
        try CarerRepository(db).upsertWithSkills(carer)
        try ClientRepository(db).upsert(
            Client(
                externalID: "P1", hubCode: "A", givenName: "Ann", familyName: "Smith", postcode: "ST16 1AA",
                location: Fixtures.place, funding: .council, preferredCarers: ["C1"]))
        let template = VisitTemplate(
            weekday: .tuesday, windowStart: LocalTime(hour: 7, minute: 30)!, windowEnd: LocalTime(hour: 8, minute: 30)!,
            durationMinutes: 45, skills: [.hoist, .medication], carersNeeded: 2, priority: .high)
        try PackageRepository(db).upsert(
            CarePackage(externalID: "K1", clientID: "P1", validFrom: LocalDate(year: 2026, month: 1, day: 1)!, visits: [template]))
        let row = try db.query(
            """
            SELECT (SELECT count(*) FROM carer_skills) AS skills, (SELECT count(*) FROM carer_lendable_hubs) AS lend,
                   (SELECT relation FROM client_carer_relations) AS relation, pv.skills::text[] AS needed, pv.carers_needed
            FROM package_visits pv
            """
        ).rows[0]
        #expect(try row.decode("skills", as: Int.self) == 2)
        #expect(try row.decode("lend", as: Int.self) == 1)
        #expect(try row.decode("relation", as: String.self) == "preferred")
        #expect(try row.decode("needed", as: [Skill].self) == [.hoist, .medication])
        #expect(try row.decode("carers_needed", as: Int.self) == 2)
    }
}
