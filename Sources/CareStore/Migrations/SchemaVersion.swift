/// The schema version this build of carehub reads and writes: the highest `sql/NNNN` file.
/// Commands check it on connect so that an unmigrated database gets a clear instruction
/// instead of "relation does not exist". A test keeps it equal to the newest file.
public enum SchemaVersion {
    /// Raise this with every new migration file.
    public static let required = 33
}

/// The database's schema is not the version this carehub needs.
public struct SchemaMismatch: Error, Sendable, Equatable, CustomStringConvertible {
    /// The newest migration applied to the database (0 when none).
    public let found: Int
    /// `SchemaVersion.required`.
    public let required: Int

    public var description: String {
        found < required
            ? "the database schema is at version \(found) but this carehub needs \(required): run `carehub db migrate`"
            : "the database schema is at version \(found), newer than this carehub understands (\(required)): upgrade carehub"
    }
}

extension Connection {
    /// The newest applied migration, or 0 for a database never migrated.
    public func appliedSchemaVersion() throws -> Int {
        // Two statements: the server resolves table names when planning, even in a branch
        // of CASE that would never run.
        let present: Bool = try query("SELECT to_regclass('schema_migrations') IS NOT NULL AS present").rows[0].decode("present")
        guard present else { return 0 }
        return try query("SELECT coalesce(max(version), 0) AS v FROM schema_migrations").rows[0].decode("v")
    }

    /// Throws `SchemaMismatch` unless the database is at exactly `SchemaVersion.required`.
    public func requireSchema() throws {
        let found = try appliedSchemaVersion()
        if found != SchemaVersion.required { throw SchemaMismatch(found: found, required: SchemaVersion.required) }
    }
}
