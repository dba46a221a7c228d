import CareStore
import CareTestSupport
import Foundation
import Testing

@Suite("Migrations")
struct MigrationTests {
    /// Migrating twice applies each file once; the second run is a no-op.
    @Test func migrateTwiceIsNoOp() throws {
        let test = try TestDatabase(migrated: false)
        let db = try test.connect()
        let migrator = Migrator(migrations: try TestDatabase.migrations())
        let first = try migrator.migrate(db)
        #expect(first.count == migrator.migrations.count)
        #expect(try migrator.migrate(db).isEmpty)
        let rows: Int = try db.query("SELECT count(*) AS n FROM schema_migrations").rows[0].decode("n")
        #expect(rows == migrator.migrations.count)
    }

    /// Status lists pending files before and applied files after.
    @Test func statusShowsPendingThenApplied() throws {
        let test = try TestDatabase(migrated: false)
        let db = try test.connect()
        let migrator = Migrator(migrations: try TestDatabase.migrations())
        #expect(try migrator.status(db).allSatisfy { $0.state == .pending })
        try migrator.migrate(db)
        #expect(try migrator.status(db).allSatisfy { if case .applied = $0.state { true } else { false } })
    }

    /// An applied file that was edited afterwards is refused with a message naming it.
    @Test func changedAppliedMigrationIsRefused() throws {
        let test = try TestDatabase(migrated: false)
        let db = try test.connect()
        let original = Migration(version: 1, fileName: "0001_t.sql", sql: "CREATE TABLE t (x int);")
        try Migrator(migrations: [original]).migrate(db)
        let edited = Migration(version: 1, fileName: "0001_t.sql", sql: "CREATE TABLE t (x bigint);")
        let error = #expect(throws: MigrationError.self) { try Migrator(migrations: [edited]).migrate(db) }
        #expect(error == .appliedFileChanged(1, "0001_t.sql"))
        #expect(try Migrator(migrations: [edited]).status(db).first?.state == .changed)
    }

    /// A failing file leaves no trace: neither its statements nor a schema_migrations row.
    @Test func failingMigrationLeavesNothing() throws {
        let test = try TestDatabase(migrated: false)
        let db = try test.connect()
        let good = Migration(version: 1, fileName: "0001_a.sql", sql: "CREATE TABLE a (x int);")
        let bad = Migration(version: 2, fileName: "0002_b.sql", sql: "CREATE TABLE b (x int); SELEC broken;")
        #expect(throws: StoreError.self) { try Migrator(migrations: [good, bad]).migrate(db) }
        let tables: [String] = try db.query("SELECT array_agg(tablename::text ORDER BY tablename) AS t FROM pg_tables WHERE schemaname = 'public'")
            .rows[0].decode("t")
        #expect(tables == ["a", "schema_migrations"])
    }

    /// Three migrations started at once end with one schema and one row per file.
    @Test func concurrentMigratesEndWithOneSchema() throws {
        let test = try TestDatabase(migrated: false)
        let migrations = try TestDatabase.migrations()
        let configuration = test.configuration
        let failures = Failures()
        let threads = (0..<3).map { _ in
            Thread {
                do {
                    try Migrator(migrations: migrations).migrate(try Connection(configuration))
                } catch {
                    failures.add("\(error)")
                }
            }
        }
        for thread in threads { thread.start() }
        while threads.contains(where: { !$0.isFinished }) { Thread.sleep(forTimeInterval: 0.01) }
        #expect(failures.all.isEmpty)
        let db = try test.connect()
        let rows: Int = try db.query("SELECT count(*) AS n FROM schema_migrations").rows[0].decode("n")
        #expect(rows == migrations.count)
        #expect(try HubRepository(db).count() == 0)
    }

    /// Files are read in number order; a badly named file is refused before anything runs.
    @Test func loadChecksFileNames() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("carehub-mig-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "SELECT 2;".write(to: dir.appendingPathComponent("0002_b.sql"), atomically: true, encoding: .utf8)
        try "SELECT 1;".write(to: dir.appendingPathComponent("0001_a.sql"), atomically: true, encoding: .utf8)
        #expect(try Migration.load(directory: dir.path).map(\.version) == [1, 2])
        try "SELECT 3;".write(to: dir.appendingPathComponent("3_bad.sql"), atomically: true, encoding: .utf8)
        #expect(throws: MigrationError.badFileName("3_bad.sql")) { try Migration.load(directory: dir.path) }
    }
}

/// Collects error texts from several threads.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ item: String) { lock.withLock { items.append(item) } }
    var all: [String] { lock.withLock { items } }
}

@Suite("Schema version")
struct SchemaVersionTests {
    /// The version the code requires is the newest migration file, so adding a file without
    /// raising it (or the reverse) fails here.
    @Test func requiredVersionIsNewestFile() throws {
        #expect(SchemaVersion.required == (try TestDatabase.migrations().map(\.version).max()))
    }

    /// An unmigrated database is refused with the command to run; a migrated one is accepted.
    @Test func unmigratedDatabaseIsRefused() throws {
        let test = try TestDatabase(migrated: false)
        let db = try test.connect()
        let error = #expect(throws: SchemaMismatch.self) { try db.requireSchema() }
        #expect(error?.description.contains("run `carehub db migrate`") == true)
        try Migrator(migrations: try TestDatabase.migrations()).migrate(db)
        try db.requireSchema()
    }
}
