import CareModel
import CareStore
import CareTestSupport
import Testing

@Suite("PackageRepository")
struct PackageRepositoryTests {
    private func setUp() throws -> (TestDatabase, Connection) {
        let test = try TestDatabase()
        let db = try test.connect()
        try HubRepository(db).upsert(Hub(code: "A", name: "A", location: Fixtures.place))
        for id in ["P1", "P2"] {
            try ClientRepository(db).upsert(
                Client(
                    externalID: id, hubCode: "A", givenName: "Ann", familyName: "Smith", postcode: "ST16 1AA",
                    location: Fixtures.place, funding: .council))
        }
        return (test, db)
    }

    private func call(_ day: Weekday) -> VisitTemplate {
        VisitTemplate(weekday: day, windowStart: LocalTime(hour: 8, minute: 0)!, windowEnd: LocalTime(hour: 9, minute: 0)!, durationMinutes: 30)
    }

    /// New calls replace the old ones (updated); the same calls in another order are unchanged;
    /// a commission written later keeps the calls and the validity.
    @Test func callsAndCommissionAreSeparate() throws {
        let (test, db) = try setUp()
        defer { withExtendedLifetime(test) {} }
        let packages = PackageRepository(db)
        let from = LocalDate(iso: "2026-01-05")!
        var package = CarePackage(externalID: "K1", clientID: "P1", validFrom: from, visits: [call(.monday), call(.tuesday)])
        #expect(try packages.upsert(package) == .new)
        package.visits.reverse()
        #expect(try packages.upsert(package) == .unchanged)
        package.visits = [call(.friday)]
        #expect(try packages.upsert(package) == .updated)
        let commission = PackageCommission(
            packageID: "K1", clientID: "P1", funder: .council, commissionedHours: 3.5, hourlyRate: 24,
            requestedOn: from.adding(days: -10))
        #expect(try packages.upsert(commission) == .updated)
        #expect(try packages.upsert(commission) == .unchanged)
        let row = try db.query("SELECT valid_from, (SELECT count(*) FROM package_visits) AS calls FROM care_packages").rows[0]
        #expect(try row.decode("valid_from", as: LocalDate.self) == from)
        #expect(try row.decode("calls", as: Int.self) == 1)
    }

    /// A commission for another client's package is refused; a package for a missing client is named.
    @Test func refusesWrongOrMissingClient() throws {
        let (test, db) = try setUp()
        defer { withExtendedLifetime(test) {} }
        let packages = PackageRepository(db)
        try packages.upsert(CarePackage(externalID: "K1", clientID: "P1", validFrom: LocalDate(iso: "2026-01-05")!, visits: [call(.monday)]))
        let other = PackageCommission(packageID: "K1", clientID: "P2", funder: .council, requestedOn: LocalDate(iso: "2026-01-01")!)
        let refusal = #expect(throws: RowRefusal.self) { try packages.upsert(other) }
        #expect(refusal?.description == "package K1 belongs to another client")
        let missing = #expect(throws: ReferenceError.self) {
            try packages.upsert(CarePackage(externalID: "K2", clientID: "P9", validFrom: LocalDate(iso: "2026-01-05")!, visits: []))
        }
        #expect(missing?.description == "package K2: unknown client P9")
    }
}
