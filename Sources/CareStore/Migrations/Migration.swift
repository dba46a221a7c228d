import Foundation

/// One numbered, forward-only schema change: `sql/0001_schema_v1.sql`.
public struct Migration: Hashable, Sendable {
    /// The number in the file name (`1` for `0001_…`).
    public let version: Int
    /// The file name without directory (`0001_schema_v1.sql`).
    public let fileName: String
    /// The file's SQL text, exactly as read.
    public let sql: String

    /// A migration from its parts.
    public init(version: Int, fileName: String, sql: String) {
        self.version = version
        self.fileName = fileName
        self.sql = sql
    }

    /// Reads every `NNNN_name.sql` file of a directory, in version order.
    ///
    /// Throws `MigrationError` for a missing directory, a badly named `.sql` file or two files
    /// with the same number, so a mistake in `sql/` is found before anything is applied.
    public static func load(directory: String) throws -> [Migration] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw MigrationError.directoryUnreadable(directory)
        }
        var migrations: [Migration] = []
        for name in names.sorted() where name.hasSuffix(".sql") {
            let digits = name.prefix { $0.isNumber }
            guard digits.count == 4, let version = Int(digits), version > 0,
                name.dropFirst(4).first == "_"
            else { throw MigrationError.badFileName(name) }
            if migrations.contains(where: { $0.version == version }) {
                throw MigrationError.duplicateVersion(version)
            }
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path), let sql = String(data: data, encoding: .utf8) else {
                throw MigrationError.directoryUnreadable(path)
            }
            migrations.append(Migration(version: version, fileName: name, sql: sql))
        }
        if migrations.isEmpty { throw MigrationError.noMigrations(directory) }
        return migrations
    }

    /// Finds the `sql/` directory: `$CAREHUB_SQL_DIR`, else the nearest `sql/` holding
    /// `0001_*.sql` above the running executable (a checkout's `.build/…/carehub`), else
    /// above the current directory.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let dir = environment["CAREHUB_SQL_DIR"], !dir.isEmpty { return dir }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        let starts = [
            executable.deletingLastPathComponent(),
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
        ]
        for start in starts {
            var dir = start.standardizedFileURL
            for _ in 0..<8 {
                let candidate = dir.appendingPathComponent("sql")
                if let names = try? FileManager.default.contentsOfDirectory(atPath: candidate.path),
                    names.contains(where: { $0.hasPrefix("0001_") && $0.hasSuffix(".sql") })
                {
                    return candidate.path
                }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        return nil
    }
}
