import ArgumentParser
import CareStore

/// `carehub db …`: schema migrations.
struct DB: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage the database schema.",
        subcommands: [Migrate.self, Status.self]
    )

    /// `carehub db migrate`.
    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Apply pending migrations in order, each in its own transaction.",
            discussion: "Safe to run twice or from two places at once: an advisory lock serialises runs. Refuses if an applied file has changed.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var migrations: MigrationOptions

        func run() throws {
            try reportingFailures {
                let migrator = Migrator(migrations: try migrations.load())
                let db = try database.connect(checkingSchema: false)
                let applied = try migrator.migrate(db)
                if applied.isEmpty {
                    print("schema is up to date (\(migrator.migrations.count) migrations applied)")
                } else {
                    for migration in applied { print("applied \(migration.fileName)") }
                }
            }
        }
    }

    /// `carehub db status`.
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List applied and pending migrations.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var migrations: MigrationOptions

        func run() throws {
            try reportingFailures {
                let migrator = Migrator(migrations: try migrations.load())
                let db = try database.connect(checkingSchema: false)
                var pending = 0
                var changed = 0
                for line in try migrator.status(db) {
                    switch line.state {
                    case .applied(let at): print("applied  \(line.fileName)  \(at)")
                    case .pending:
                        print("pending  \(line.fileName)")
                        pending += 1
                    case .changed:
                        print("CHANGED  \(line.fileName)  (differs from what was applied)")
                        changed += 1
                    }
                }
                if changed > 0 { throw CommandFailure("\(changed) applied migration(s) differ from the files; restore them") }
                if pending > 0 { print("\(pending) pending: run `carehub db migrate`") }
            }
        }
    }
}
