import CareStore
import CareTestSupport
import Foundation
import Testing

/// `carehub rebalance` as cron runs it: separate processes against one database.
@Suite("carehub rebalance: processes, locks and crashes")
struct RebalanceCLITests {
    /// A seeded, planned, published STAF week, a first rebalance (cursor set), then a carer
    /// signed off sick so the next run has work to do. `carerSuffix` is appended to every
    /// carer's id before the roster is generated.
    static func prepared(carerSuffix: String? = nil) throws -> (TestDatabase, [String]) {
        let test = try TestDatabase()
        let db = ["--database-url", test.conninfo]
        let seeding = [["demo", "seed", "--hubs", "1", "--clients-per-hub", "20", "--week", "2026-W48"], ["visits", "plan", "--week", "2026-W48"]]
        let publishing =
            [
                ["roster", "generate", "--hub", "STAF", "--week", "2026-W48", "--iterations", "200"],
                ["roster", "publish", "--hub", "STAF", "--week", "2026-W48", "--version", "1"],
            ] + [rebalance]
        for args in seeding + publishing {
            if args == publishing[0], let carerSuffix {
                try test.connect().execute("UPDATE carers SET external_id = external_id || \(carerSuffix)")
            }
            let out = try CLIRunner.run(args + db)
            #expect(out.status == 0, "\(args): \(out.stderr)")
        }
        let c = try test.connect()
        try c.execute(
            """
            INSERT INTO absences (carer_id, kind, starts_at, ends_at)
            SELECT ra.carer_id, 'sickness', '2026-11-24T00:00:00Z', '2026-11-30T00:00:00Z' FROM roster_assignments ra
            JOIN rosters r ON r.id = ra.roster_id AND r.status = 'published' GROUP BY ra.carer_id ORDER BY count(*) DESC LIMIT 1
            """)
        return (test, db)
    }

    static let rebalance = ["rebalance", "--hub", "STAF", "--week", "2026-W48", "--now", "2026-11-23T06:00:00Z", "--seconds", "2"]

    /// Starts carehub without waiting for it.
    static func start(_ arguments: [String]) throws -> Process {
        let p = Process()
        p.executableURL = CLIRunner.executable
        p.arguments = arguments
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }

    /// Waits until some session waits on a lock (the blocked rebalance). `c` must not be in a
    /// transaction: pg_stat_activity is read once per transaction.
    static func waitForBlockedSession(_ c: Connection) throws {
        for _ in 0..<600 {
            let n: Int = try c.query(
                """
                SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid() AND datname = current_database()
                """
            ).rows[0].decode("n")
            if n > 0 { return }
            usleep(50_000)
        }
        Issue.record("the rebalance never blocked")
    }

    static func published(_ c: Connection) throws -> Int {
        try c.query("SELECT version FROM rosters WHERE status = 'published'").rows[0].decode("version")
    }

    /// Two runs at once: the second finds the hub busy (exit 0, a "busy" line); the first
    /// finishes; exactly one new version.
    @Test func twoProcessesSerialisePerHub() throws {
        let (test, db) = try Self.prepared()
        defer { withExtendedLifetime(test) {} }
        let blocker = try test.connect()
        let watcher = try test.connect()
        let before = try Self.published(watcher)
        // Hold the outbox so the first run stops inside its transaction, holding the hub.
        try blocker.execute("BEGIN")
        try blocker.execute("LOCK TABLE roster_outbox IN ACCESS EXCLUSIVE MODE")
        let first = try Self.start(Self.rebalance + db)
        try Self.waitForBlockedSession(watcher)
        let second = try CLIRunner.run(Self.rebalance + db)
        #expect(second.status == 0 && second.stdout == "STAF: busy\n")
        try blocker.execute("ROLLBACK")
        first.waitUntilExit()
        #expect(first.terminationStatus == 0)
        #expect(try Self.published(blocker) == before + 1)
        #expect(try blocker.query("SELECT count(*) AS n FROM rosters").rows[0].decode("n", as: Int.self) == before + 1)
    }

    /// kill -9 inside the transaction: version 1 stays published, no half version, the cursor
    /// has not moved, and the next run does the work.
    @Test func killedRunLeavesThePreviousVersion() throws {
        let (test, db) = try Self.prepared()
        defer { withExtendedLifetime(test) {} }
        let blocker = try test.connect()
        let watcher = try test.connect()
        let before = try Self.published(watcher)
        let cursor = try blocker.query("SELECT last_event_id AS n FROM rebalance_cursors").rows[0].decode("n", as: Int.self)
        try blocker.execute("BEGIN")
        try blocker.execute("LOCK TABLE roster_outbox IN ACCESS EXCLUSIVE MODE")
        let run = try Self.start(Self.rebalance + db)
        try Self.waitForBlockedSession(watcher)
        kill(run.processIdentifier, SIGKILL)
        run.waitUntilExit()
        try blocker.execute("ROLLBACK")
        // The server notices the dead client and rolls its transaction back.
        for _ in 0..<100 where try blocker.query("SELECT count(*) AS n FROM rosters").rows[0].decode("n", as: Int.self) != before { usleep(50_000) }
        #expect(try Self.published(blocker) == before)
        #expect(try blocker.query("SELECT count(*) AS n FROM rosters").rows[0].decode("n", as: Int.self) == before)
        #expect(try blocker.query("SELECT last_event_id AS n FROM rebalance_cursors").rows[0].decode("n", as: Int.self) == cursor)
        let again = try CLIRunner.run(Self.rebalance + db)
        #expect(again.status == 0 && again.stdout.hasPrefix("STAF: 2026-W48 v\(before + 1) published"))
    }

    /// `--json` when carer ids hold `"` and `\`: the output parses, names the carers as stored
    /// and gives the sick carer's id in a reason.
    @Test func jsonSummaryParsesWithAwkwardCarerIDs() throws {
        let suffix = #"-"q\"#
        let (test, db) = try Self.prepared(carerSuffix: suffix)
        defer { withExtendedLifetime(test) {} }
        let out = try CLIRunner.run(Self.rebalance + ["--json"] + db)
        #expect(out.status == 0, "\(out.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        #expect(root["dry_run"] as? Bool == false)
        let hub = try #require((root["hubs"] as? [[String: Any]])?.first)
        #expect(hub["hub"] as? String == "STAF" && hub["status"] as? String == "repaired")
        let week = try #require((hub["weeks"] as? [[String: Any]])?.first)
        #expect(week["week"] as? String == "2026-W48" && week["version"] is Int)
        let changes = try #require(week["changes"] as? [[String: Any]])
        #expect(!changes.isEmpty)
        let carers = changes.flatMap { ($0["before"] as? [String] ?? []) + ($0["after"] as? [String] ?? []) }
        #expect(!carers.isEmpty && carers.allSatisfy { $0.hasSuffix(suffix) })
        let reasons = changes.compactMap { $0["reason"] as? String }
        #expect(reasons.contains { $0.hasPrefix("sickness of ") && $0.contains(suffix) })
    }

    /// With `--iterations` (and the default seed) two dry runs on the same data propose the same
    /// changes, whatever the machine's speed.
    @Test func iterationLimitMakesDryRunsRepeat() throws {
        let (test, db) = try Self.prepared()
        defer { withExtendedLifetime(test) {} }
        let dry = Self.rebalance + ["--dry-run", "--json", "--iterations", "300", "--seconds", "600"] + db
        let first = try CLIRunner.run(dry)
        let second = try CLIRunner.run(dry)
        #expect(first.status == 0 && second.status == 0, "\(first.stderr)\(second.stderr)")
        #expect(first.stdout.contains("\"changes\"") && first.stdout == second.stdout)
    }
}
