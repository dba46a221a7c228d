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

    @Option(
        name: .customLong("as"),
        help: ArgumentHelp(
            "Act as this person (default: CAREHUB_AS): every transaction runs with their role, hubs and the database's policies.",
            valueName: "email"))
    var asEmail: String?

    /// The person to act as: `--as`, else CAREHUB_AS (empty means no one).
    var actingEmail: String? {
        let email = asEmail ?? ProcessInfo.processInfo.environment["CAREHUB_AS"]
        return email?.isEmpty == false ? email : nil
    }

    /// Opens a connection to a database at the schema version this carehub needs, or throws an
    /// error whose description says what to do. `db` commands pass `checkingSchema: false`:
    /// they run as the administration login only. With `--as`, the connection acts for that
    /// person from its first transaction on.
    func connect(checkingSchema: Bool = true) throws -> Connection {
        let db = try Connection(configuration())
        if checkingSchema { try db.requireSchema() }
        if let email = actingEmail {
            guard checkingSchema else {
                throw CommandFailure("db commands run as the administration login: leave out --as and CAREHUB_AS")
            }
            // Looked up by the administration login, which is trusted to say who acts (see README, "Who may see what").
            guard let person = try PeopleRepository(db).activePerson(email: email) else {
                throw CommandFailure("\(email) is not an active carehub user (see `carehub people list`)")
            }
            db.actingPerson = person
        }
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
