import CareModel
import CareStore
import CareTestSupport
import Testing

@Suite("Typed decoding")
struct DecodingTests {
    /// Integers, booleans, doubles, dates and times decode to their Swift types.
    @Test func scalarsDecode() throws {
        let test = try TestDatabase(migrated: false)
        let db = try test.connect()
        let row = try db.query(
            """
            SELECT 42::int AS i, 9000000000::bigint AS big, true AS yes, false AS no, 2.5::float8 AS d,
                   'NaN'::float8 AS nan, DATE '2026-03-29' AS day, TIME '07:30' AS t
            """
        ).rows[0]
        #expect(try row.decode("i", as: Int.self) == 42)
        #expect(try row.decode("big", as: Int64.self) == 9_000_000_000)
        #expect(try row.decode("yes", as: Bool.self) == true)
        #expect(try row.decode("no", as: Bool.self) == false)
        #expect(try row.decode("d", as: Double.self) == 2.5)
        #expect(try row.decode("nan", as: Double.self).isNaN)
        #expect(try row.decode("day", as: LocalDate.self) == LocalDate(year: 2026, month: 3, day: 29))
        #expect(try row.decode("t", as: LocalTime.self) == LocalTime(hour: 7, minute: 30))
    }

    /// timestamptz decodes to the same instant whatever the session's time zone, including
    /// half-hour and historic second-precision offsets.
    @Test(arguments: ["UTC", "Europe/London", "Asia/Kolkata", "America/St_Johns"])
    func timestamptzDecodesInAnyZone(_ zone: String) throws {
        let test = try TestDatabase(migrated: false)
        let db = try test.connect()
        try db.execute("SELECT set_config('TimeZone', \(zone), false)")
        let row = try db.query(
            """
            SELECT TIMESTAMPTZ '2026-11-23T07:30:00Z' AS a, TIMESTAMPTZ '1890-01-01T12:00:00Z' AS b,
                   TIMESTAMPTZ '2026-11-23T07:30:00.987654Z' AS c
            """
        ).rows[0]
        #expect(try row.decode("a", as: Instant.self).description == "2026-11-23T07:30:00Z")
        #expect(try row.decode("b", as: Instant.self).description == "1890-01-01T12:00:00Z")
        #expect(try row.decode("c", as: Instant.self).description == "2026-11-23T07:30:00Z")
    }

    /// An Instant sent as a parameter is stored as that instant.
    @Test func instantRoundTrips() throws {
        let test = try TestDatabase(migrated: false)
        let db = try test.connect()
        let instant = Instant(utcDate: LocalDate(year: 2026, month: 10, day: 25)!, minutes: 61)
        let back: Instant = try db.query("SELECT \(instant)::timestamptz AS v").rows[0].decode("v")
        #expect(back == instant)
    }

    /// A value of the wrong type, or a missing column, is an error naming the column but not the value.
    @Test func decodingErrorsNameTheColumn() throws {
        let test = try TestDatabase(migrated: false)
        let db = try test.connect()
        let row = try db.query("SELECT 'secret-value' AS postcode").rows[0]
        let wrongType = #expect(throws: StoreError.self) { try row.decode("postcode", as: Int.self) }
        #expect(wrongType?.description.contains("postcode") == true)
        #expect(wrongType?.description.contains("secret-value") == false)
        let missing = #expect(throws: StoreError.self) { try row.decode("nope", as: Int.self) }
        #expect(missing?.description.contains("nope") == true)
    }
}
