/// Applies `sql/` migrations in order and reports their state.
///
/// Each file runs in its own transaction together with its `schema_migrations` row, so a
/// failed file leaves no trace. A session advisory lock serialises concurrent runs: the
/// second waits, then finds nothing pending.
public struct Migrator: Sendable {
    /// The migrations this build knows, in version order.
    public let migrations: [Migration]

    /// A migrator for a list of migrations (normally `Migration.load(directory:)`).
    public init(migrations: [Migration]) {
        self.migrations = migrations.sorted { $0.version < $1.version }
    }

    /// The state of one migration in one database.
    public enum State: Equatable, Sendable {
        case applied(at: String)
        case pending
        case changed
    }

    /// One line of `carehub db status`.
    public struct Status: Equatable, Sendable {
        public let version: Int
        public let fileName: String
        public let state: State
    }

    /// Applies every pending migration; returns the ones applied by this call.
    @discardableResult
    public func migrate(_ connection: Connection) throws -> [Migration] {
        try connection.withAdvisoryLock(.migrations) {
            try ensureTable(connection)
            let applied = try appliedRows(connection)
            try verify(applied, connection)
            var done: [Migration] = []
            for migration in migrations where applied[migration.version] == nil {
                try connection.transaction { db in
                    try db.executeScript(unsafeSQL: migration.sql, context: "applying migration \(migration.fileName)")
                    try db.execute(
                        """
                        INSERT INTO schema_migrations (version, file_name, checksum)
                        VALUES (\(migration.version), \(migration.fileName), encode(sha256(convert_to(\(migration.sql), 'UTF8')), 'hex'))
                        """)
                }
                done.append(migration)
            }
            return done
        }
    }

    /// Every known migration with its state, plus applied versions this build lacks (as `changed`).
    public func status(_ connection: Connection) throws -> [Status] {
        let applied = try tableExists(connection) ? try appliedRows(connection) : [:]
        var lines: [Status] = []
        for migration in migrations {
            guard let row = applied[migration.version] else {
                lines.append(Status(version: migration.version, fileName: migration.fileName, state: .pending))
                continue
            }
            let same = try checksum(of: migration.sql, connection) == row.checksum
            lines.append(Status(version: migration.version, fileName: migration.fileName, state: same ? .applied(at: row.appliedAt) : .changed))
        }
        for (version, row) in applied where !migrations.contains(where: { $0.version == version }) {
            lines.append(Status(version: version, fileName: row.fileName, state: .changed))
        }
        return lines.sorted { $0.version < $1.version }
    }

    /// Refuses to go on when an applied file changed or the database is ahead of this build.
    private func verify(_ applied: [Int: AppliedRow], _ connection: Connection) throws {
        for (version, row) in applied.sorted(by: { $0.key < $1.key }) {
            guard let migration = migrations.first(where: { $0.version == version }) else {
                throw MigrationError.unknownAppliedVersion(version, row.fileName)
            }
            if try checksum(of: migration.sql, connection) != row.checksum {
                throw MigrationError.appliedFileChanged(version, migration.fileName)
            }
        }
    }

    private struct AppliedRow {
        let fileName: String
        let checksum: String
        let appliedAt: String
    }

    private func ensureTable(_ connection: Connection) throws {
        try connection.execute(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version integer PRIMARY KEY CHECK (version > 0),
                file_name text NOT NULL,
                checksum text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """)
    }

    private func tableExists(_ connection: Connection) throws -> Bool {
        try connection.query("SELECT to_regclass('schema_migrations') IS NOT NULL AS present").rows[0].decode("present")
    }

    private func appliedRows(_ connection: Connection) throws -> [Int: AppliedRow] {
        let result = try connection.query(
            """
            SELECT version, file_name, checksum, to_char(applied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS"Z"') AS applied_at
            FROM schema_migrations ORDER BY version
            """)
        var rows: [Int: AppliedRow] = [:]
        for row in result.rows {
            rows[try row.decode("version")] = AppliedRow(
                fileName: try row.decode("file_name"), checksum: try row.decode("checksum"), appliedAt: try row.decode("applied_at"))
        }
        return rows
    }

    /// SHA-256 of the file text, computed by the server so no crypto library is needed here.
    private func checksum(of sql: String, _ connection: Connection) throws -> String {
        try connection.query("SELECT encode(sha256(convert_to(\(sql), 'UTF8')), 'hex') AS sum").rows[0].decode("sum")
    }
}
