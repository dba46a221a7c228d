import CareModel
import CareStore
import CareTestSupport
import Testing

@Suite("Parameter binding")
struct BindingTests {
    static let awkward: [String] = [
        "O'Brien", "back\\slash", "quote\"d", "Ŵyn ap Gwŷn — café ☕ 漢字 🧑🏽‍⚕️", "", " leading and trailing ",
        "line\nbreak\ttab", "$1 and $2", "'; DROP TABLE hubs; --", String(repeating: "long text ", count: 20_000),
    ]

    /// Every awkward string survives a round trip through a text parameter unchanged.
    @Test(arguments: awkward)
    func textRoundTrips(_ value: String) throws {
        let test = try TestDatabase(migrated: false)
        let db = try test.connect()
        let back: String = try db.query("SELECT \(value)::text AS v").rows[0].decode("v")
        #expect(back == value)
    }

    /// A value that looks like SQL injection is stored verbatim and the table survives.
    @Test func injectionIsStoredVerbatim() throws {
        let test = try TestDatabase()
        let db = try test.connect()
        let name = "Robert'); DROP TABLE hubs; --"
        try HubRepository(db).insert(Hub(code: "INJ", name: name, location: GeoPoint(latitude: 52.8, longitude: -2.1)!))
        let stored = try HubRepository(db).find(code: "INJ")
        #expect(stored?.hub.name == name)
        #expect(try HubRepository(db).count() == 1)
    }

    /// NULL binds as SQL NULL and decodes as nil; a non-optional decode of NULL names the column.
    @Test func nullBindsAndDecodes() throws {
        let test = try TestDatabase(migrated: false)
        let db = try test.connect()
        let none: String? = nil
        let row = try db.query("SELECT \(none)::text AS v, \(none)::text IS NULL AS is_null").rows[0]
        #expect(try row.decode("v", as: String?.self) == nil)
        #expect(try row.decode("is_null", as: Bool.self))
        let error = #expect(throws: StoreError.self) { try row.decode("v", as: String.self) }
        #expect(error?.code == .decodingFailed)
        #expect(error?.description.contains("column v") == true)
    }

    /// Text with a NUL character is refused before anything is sent (libpq would truncate it).
    @Test func nulCharacterIsRefused() throws {
        let test = try TestDatabase(migrated: false)
        let db = try test.connect()
        let bad = "before\u{0}after"
        let error = #expect(throws: StoreError.self) { try db.query("SELECT \(bad)::text AS v") }
        #expect(error?.code == .invalidParameter)
    }

    /// Arrays of text with quotes, commas, braces and backslashes round-trip element by element.
    @Test func textArraysRoundTrip() throws {
        let test = try TestDatabase(migrated: false)
        let db = try test.connect()
        let values = ["plain", "with,comma", "with \"quote\"", "{brace}", "back\\slash", "NULL", ""]
        let back: [String] = try db.query("SELECT \(values)::text[] AS v").rows[0].decode("v")
        #expect(back == values)
        let empty: [String] = try db.query("SELECT '{}'::text[] AS v").rows[0].decode("v")
        #expect(empty.isEmpty)
    }
}
