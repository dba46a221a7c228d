import ArgumentParser
import CareStore
import Foundation

/// Where the database is; shared by every command that needs one.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .customLong("database-url"),
        help: ArgumentHelp(
            "PostgreSQL URL or conninfo (default: DATABASE_URL, else the PG* variables).", valueName: "url"))
    var url: String?

    /// Opens a connection to a database at the schema version this carehub needs, or throws an
    /// error whose description says what to do. `db` commands pass `checkingSchema: false`.
    func connect(checkingSchema: Bool = true) throws -> Connection {
        let db = try Connection(configuration())
        if checkingSchema { try db.requireSchema() }
        return db
    }
}

extension DatabaseOptions {
    /// How to connect: --database-url, else the environment.
    func configuration() -> ConnectionConfiguration {
        var configuration = ConnectionConfiguration.fromEnvironment(ProcessInfo.processInfo.environment)
        if let url { configuration.url = url }
        return configuration
    }
}

/// Where the `sql/` migrations are.
struct MigrationOptions: ParsableArguments {
    @Option(
        name: .customLong("sql-dir"),
        help: ArgumentHelp(
            "Directory of NNNN_*.sql migrations (default: CAREHUB_SQL_DIR, else the checkout's sql/).", valueName: "dir"))
    var directory: String?

    /// The migrations, read and checked.
    func load() throws -> [Migration] {
        guard let dir = directory ?? Migration.defaultDirectory() else { throw MigrationError.directoryNotFound }
        return try Migration.load(directory: dir)
    }
}
