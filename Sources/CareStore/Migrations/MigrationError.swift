/// Why migrations could not be read or applied. Each message says what to do about it.
public enum MigrationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The directory is missing or unreadable.
    case directoryUnreadable(String)
    /// A `.sql` file not named `NNNN_name.sql`.
    case badFileName(String)
    /// Two files share a number.
    case duplicateVersion(Int)
    /// No migration files at all.
    case noMigrations(String)
    /// A file already applied has been edited since (version, file name).
    case appliedFileChanged(Int, String)
    /// The database has a version this carehub does not know (it is newer than this build).
    case unknownAppliedVersion(Int, String)
    /// No `sql/` directory could be found.
    case directoryNotFound

    public var description: String {
        switch self {
        case .directoryUnreadable(let path):
            return "cannot read migrations at \(path); pass --sql-dir or set CAREHUB_SQL_DIR to the repository's sql/ directory"
        case .badFileName(let name):
            return "migration file \(name) is not named NNNN_description.sql"
        case .duplicateVersion(let version):
            return "two migration files have version \(version); numbers must be unique"
        case .noMigrations(let path):
            return "no NNNN_*.sql migration files in \(path)"
        case .appliedFileChanged(let version, let name):
            return
                "migration \(name) (version \(version)) was changed after it was applied; migrations are forward-only: restore the file "
                + "and add a new numbered one"
        case .unknownAppliedVersion(let version, let name):
            return "the database has migration \(version) (\(name)) that this carehub does not have; upgrade carehub"
        case .directoryNotFound:
            return "cannot find the sql/ migrations directory; pass --sql-dir or set CAREHUB_SQL_DIR"
        }
    }
}
