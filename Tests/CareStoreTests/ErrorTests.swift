import CareModel
import CareStore
import CareTestSupport
import Foundation
import Testing

@Suite("Errors")
struct ErrorTests {
    private let place = GeoPoint(latitude: 52.8, longitude: -2.1)!

    /// A unique violation carries its SQLSTATE and constraint, and its description does not
    /// quote the duplicated value (only the debug description does).
    @Test func uniqueViolationHidesValues() throws {
        let test = try TestDatabase()
        let db = try test.connect()
        try HubRepository(db).insert(Hub(code: "DUP", name: "Secretville", location: place))
        let error = #expect(throws: StoreError.self) {
            try HubRepository(db).insert(Hub(code: "DUP", name: "Secretville", location: place))
        }
        #expect(error?.code == .uniqueViolation)
        #expect(error?.sqlState == "23505")
        #expect(error?.constraint == "hubs_code_key")
        #expect(error?.description.contains("DUP") == false)
        #expect(error?.description.contains("hubs_code_key") == true)
        #expect(error?.debugDescription.contains("DUP") == true)
    }

    /// CHECK constraints reject impossible rows, and the failing row's values stay out of the description.
    @Test func checkViolationIsCoded() throws {
        let test = try TestDatabase()
        let db = try test.connect()
        let error = #expect(throws: StoreError.self) {
            try db.execute("INSERT INTO hubs (code, name, latitude, longitude, timezone) VALUES ('X', 'Private Name', 52, -2, 'Mars/Olympus')")
        }
        #expect(error?.code == .checkViolation)
        #expect(error?.table == "hubs")
        #expect(error?.description.contains("Private Name") == false)
    }

    /// A foreign key to a missing row is reported as such.
    @Test func foreignKeyViolationIsCoded() throws {
        let test = try TestDatabase()
        let db = try test.connect()
        let error = #expect(throws: StoreError.self) {
            try db.execute("INSERT INTO carer_skills (carer_id, skill, qualified_on) VALUES (999, 'hoist', '2020-01-01')")
        }
        #expect(error?.code == .foreignKeyViolation)
    }

    /// Two overlapping shifts for one carer are impossible (exclusion constraint).
    @Test func overlappingShiftsAreRefused() throws {
        let test = try TestDatabase()
        let db = try test.connect()
        try HubRepository(db).insert(Hub(code: "H", name: "Hub", location: place))
        try CarerRepository(db).upsertWithSkills(Fixtures.carer("C1", hub: "H"))
        let monday = LocalDate(year: 2026, month: 11, day: 23)!
        try ShiftRepository(db).insert(LocalShift(carerID: "C1", date: monday, start: LocalTime(hour: 7, minute: 0)!, minutes: 420))
        let error = #expect(throws: StoreError.self) {
            try ShiftRepository(db).insert(LocalShift(carerID: "C1", date: monday, start: LocalTime(hour: 13, minute: 0)!, minutes: 120))
        }
        #expect(error?.code == .exclusionViolation)
    }

    /// A syntax error's server message is safe to show and is shown.
    @Test func syntaxErrorIsExplained() throws {
        let test = try TestDatabase(migrated: false)
        let db = try test.connect()
        let error = #expect(throws: StoreError.self) { try db.execute("SELEC 1") }
        #expect(error?.code == .syntaxError)
        #expect(error?.description.contains("syntax error") == true)
    }

    /// A refused connection is one line naming what to do, with no password in it.
    @Test func refusedConnectionIsOneClearLine() throws {
        let configuration = ConnectionConfiguration(url: "postgresql://someone:hunter2secret@/carehub?host=/nonexistent/carehub-socket")
        let error = #expect(throws: StoreError.self) { try Connection(configuration) }
        #expect(error?.code == .connectionFailed)
        let text = error?.description ?? ""
        #expect(!text.contains("\n"))
        #expect(!text.contains("hunter2secret"))
        #expect(text.contains("scripts/pg start"))
    }

    /// Connecting to a database that does not exist says so.
    @Test func missingDatabaseIsNamed() throws {
        let admin = ConnectionConfiguration.fromEnvironment(ProcessInfo.processInfo.environment)
        let error = #expect(throws: StoreError.self) { try Connection(admin.database("carehub_no_such_db")) }
        #expect(error?.code == .databaseMissing)
    }
}
