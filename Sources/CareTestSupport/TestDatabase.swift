import CareStore
import Foundation

/// A throwaway, migrated database on the server the environment names (the one `scripts/test`
/// starts), dropped when the value goes away. Tests that need PostgreSQL create one each, so
/// they can run in parallel without seeing each other's rows.
///
/// There is no skip: without a server this throws, and the test fails, saying how to start one.
/// Keep the value alive while its connections are in use (bind it to a name, not `_`): its
/// `deinit` drops the database, forcing connections closed.
public final class TestDatabase: @unchecked Sendable {
    /// The database's name (`carehub_t_…`).
    public let name: String
    /// How to connect to it.
    public let configuration: ConnectionConfiguration
    private let admin: ConnectionConfiguration

    /// Creates an empty database, or, when `migrated`, a copy of a database with `sql/` applied.
    public init(migrated: Bool = true) throws {
        admin = ConnectionConfiguration.fromEnvironment(ProcessInfo.processInfo.environment)
        name = "carehub_t_\(UInt64.random(in: 0..<UInt64.max))"
        let adminConnection: Connection
        do {
            adminConnection = try Connection(admin)
        } catch {
            throw TestDatabaseUnavailable(underlying: "\(error)")
        }
        configuration = admin.database(name)
        if migrated {
            let template = try TestDatabase.template.get()
            try adminConnection.execute("CREATE DATABASE \(SQLIdentifier(name)!) TEMPLATE \(SQLIdentifier(template)!)")
        } else {
            try adminConnection.execute("CREATE DATABASE \(SQLIdentifier(name)!)")
        }
    }

    /// The migrated database every migrated test database is copied from, made once per content
    /// of `sql/` (its name carries a hash of the files) and kept on the server for later runs.
    /// Copying takes a twentieth of a second; migrating took half a second or more, most of it
    /// creating PostGIS (migration 0033), for each of several hundred test databases.
    static let template: Result<String, any Error> = Result {
        let migrations = try TestDatabase.migrations()
        // FNV-1a over every file's name and text: stable across processes, unlike `Hasher`.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for m in migrations { for byte in (m.fileName + "\u{0}" + m.sql + "\u{0}").utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 } }
        let name = "carehub_tpl_\(String(hash, radix: 16))"
        let admin = ConnectionConfiguration.fromEnvironment(ProcessInfo.processInfo.environment)
        let db: Connection
        do {
            db = try Connection(admin)
        } catch {
            throw TestDatabaseUnavailable(underlying: "\(error)")
        }
        // One process builds it; others (a second `swift test`) wait, then find it.
        try db.execute("SELECT pg_advisory_lock(hashtext(\(name)))")
        defer { _ = try? db.execute("SELECT pg_advisory_unlock(hashtext(\(name)))") }
        let exists = try db.query("SELECT 1 FROM pg_database WHERE datname = \(name)").rows.count == 1
        if !exists {
            // Built under another name and renamed when complete, so no half-migrated template is ever copied.
            let building = name + "_building"
            try db.execute("DROP DATABASE IF EXISTS \(SQLIdentifier(building)!) WITH (FORCE)")
            try db.execute("CREATE DATABASE \(SQLIdentifier(building)!)")
            do {
                let migrating = try Connection(admin.database(building))
                try Migrator(migrations: migrations).migrate(migrating)
            }
            try db.execute("ALTER DATABASE \(SQLIdentifier(building)!) RENAME TO \(SQLIdentifier(name)!)")
            // Templates of earlier sql/ contents are of no more use (best effort: one may be in use elsewhere).
            for row in try db.query("SELECT datname FROM pg_database WHERE datname LIKE 'carehub\\_tpl\\_%' AND datname <> \(name)").rows {
                let old: String = try row.decode("datname")
                _ = try? db.execute("DROP DATABASE IF EXISTS \(SQLIdentifier(old)!)")
            }
        }
        return name
    }

    deinit {
        if let db = try? Connection(admin) {
            _ = try? db.execute("DROP DATABASE IF EXISTS \(SQLIdentifier(name)!) WITH (FORCE)")
        }
    }

    /// A new connection to this database.
    public func connect() throws -> Connection {
        try Connection(configuration)
    }

    /// A libpq conninfo string for this database, for running the `carehub` binary against it.
    public var conninfo: String { "dbname=\(name)" }

    /// The repository's `sql/` directory.
    public static var sqlDirectory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("sql").path
    }

    /// The repository's migrations.
    public static func migrations() throws -> [Migration] {
        try Migration.load(directory: sqlDirectory)
    }
}

/// The database tests could not reach a server.
public struct TestDatabaseUnavailable: Error, CustomStringConvertible {
    let underlying: String
    public var description: String {
        "database tests need PostgreSQL: run them with scripts/test (it starts a private server), or point PGHOST/DATABASE_URL at one. \(underlying)"
    }
}
