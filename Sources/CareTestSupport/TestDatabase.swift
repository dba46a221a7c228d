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

    /// Creates an empty database, and applies `sql/` when `migrated`.
    public init(migrated: Bool = true) throws {
        admin = ConnectionConfiguration.fromEnvironment(ProcessInfo.processInfo.environment)
        name = "carehub_t_\(UInt64.random(in: 0..<UInt64.max))"
        let adminConnection: Connection
        do {
            adminConnection = try Connection(admin)
        } catch {
            throw TestDatabaseUnavailable(underlying: "\(error)")
        }
        try adminConnection.execute("CREATE DATABASE \(SQLIdentifier(name)!)")
        configuration = admin.database(name)
        if migrated {
            try Migrator(migrations: TestDatabase.migrations()).migrate(try connect())
        }
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
