import CareModel
import CareStore
import CareTestSupport
import Testing

/// Fast fault tests on the shared test server: a session killed from another connection.
/// (PostgreSQL stopped mid-command is in scripts/chaos, on a server of its own.)
@Suite("Dropped connections")
struct ConnectionDropTests {
    private func hub(_ code: String) -> Hub {
        Hub(code: code, name: "Hub \(code)", location: GeoPoint(latitude: 52.8, longitude: -2.1)!)
    }

    /// A connection terminated between two statements of a transaction is not reconnected or
    /// retried: the next statement throws `connectionLost`, the transaction's first write is not
    /// in the database, and the connection stays broken (no silent new session).
    @Test func dropInsideTransactionSurfacesAndLosesTheWrites() throws {
        let test = try TestDatabase()
        defer { withExtendedLifetime(test) {} }
        let db = try test.connect()
        let killer = try test.connect()
        let pid: Int = try db.query("SELECT pg_backend_pid() AS pid").rows[0].decode("pid")
        var secondRan = false
        let error = #expect(throws: StoreError.self) {
            try db.transaction { db in
                try HubRepository(db).insert(hub("A"))
                let killed: Bool = try killer.query("SELECT pg_terminate_backend(\(pid), 5000) AS killed").rows[0].decode("killed")
                #expect(killed)
                try HubRepository(db).insert(hub("B"))
                secondRan = true
            }
        }
        #expect(error?.code == .connectionLost, "\(String(describing: error))")
        #expect(!secondRan)
        #expect(try HubRepository(killer).count() == 0, "the first write of the broken transaction is not there")
        // The broken connection is not silently replaced: every later statement fails too.
        #expect(throws: StoreError.self) { try db.query("SELECT 1") }
        #expect(try HubRepository(try test.connect()).count() == 0)
    }

    /// The error a dropped connection gives is one line and carries no row values.
    @Test func dropErrorIsOneLine() throws {
        let test = try TestDatabase()
        defer { withExtendedLifetime(test) {} }
        let db = try test.connect()
        let killer = try test.connect()
        let pid: Int = try db.query("SELECT pg_backend_pid() AS pid").rows[0].decode("pid")
        _ = try killer.query("SELECT pg_terminate_backend(\(pid), 5000)")
        do {
            _ = try db.query("SELECT 'secret value' AS x")
            Issue.record("a query on a terminated connection succeeded")
        } catch let error as StoreError {
            #expect(error.code == .connectionLost)
            #expect(!error.description.contains("\n") && !error.description.contains("secret value"))
        }
    }
}
