import CareStore
import CareTestSupport
import Foundation
import Testing

@Suite("carehub command line")
struct CLITests {
    /// An unreachable database gives one line on stderr saying what to do, exit 1, no trace.
    @Test func unreachableDatabaseIsOneLine() throws {
        let out = try CLIRunner.run(
            ["db", "status"],
            environment: [
                "DATABASE_URL": "postgresql://nurse:topsecretpw@/carehub?host=/nonexistent/socket-dir"
            ])
        #expect(out.status == 1)
        let lines = out.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(out.stderr.hasPrefix("carehub: connecting to PostgreSQL: connection failed"))
        #expect(out.stderr.contains("scripts/pg start"))
        #expect(!out.stderr.contains("topsecretpw"))
        #expect(out.stdout.isEmpty)
    }

    /// A missing migrations directory is named, with what to do.
    @Test func missingMigrationsDirectoryIsExplained() throws {
        let out = try CLIRunner.run(["db", "migrate", "--sql-dir", "/nonexistent/sql"])
        #expect(out.status == 1)
        #expect(out.stderr.contains("cannot read migrations at /nonexistent/sql"))
    }

    /// migrate, migrate again, status, seed and the reports work end to end on a fresh database.
    @Test func migrateSeedAndReport() throws {
        let test = try TestDatabase(migrated: false)
        let url = ["--database-url", test.conninfo]
        let sql = ["--sql-dir", TestDatabase.sqlDirectory]
        let first = try CLIRunner.run(["db", "migrate"] + url + sql)
        #expect(first.status == 0)
        #expect(first.stdout.contains("applied 0001_schema_v1.sql"))
        let second = try CLIRunner.run(["db", "migrate"] + url + sql)
        #expect(second.stdout.hasPrefix("schema is up to date"))
        let status = try CLIRunner.run(["db", "status"] + url + sql)
        #expect(status.stdout.hasPrefix("applied  0001_schema_v1.sql"))

        let seed = try CLIRunner.run(["demo", "seed", "--hubs", "2", "--clients-per-hub", "20", "--week", "2026-W48"] + url)
        #expect(seed.status == 0)
        #expect(seed.stdout.hasPrefix("seeded 2 hubs"))
        let again = try CLIRunner.run(["demo", "seed", "--week", "2026-W48"] + url)
        #expect(again.status == 1)
        #expect(again.stderr.contains("already has hubs"))

        let capacity = try CLIRunner.run(["report", "capacity", "--week", "2026-W48"] + url)
        #expect(capacity.status == 0)
        #expect(capacity.stdout.contains("STAF"))
        #expect(capacity.stdout.contains("CANN"))
        #expect(capacity.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 })
        let skills = try CLIRunner.run(["report", "skills", "--week", "2026-W48", "--hub", "STAF"] + url)
        #expect(skills.stdout.contains("medication"))
        #expect(!skills.stdout.contains("CANN"))
        let unknown = try CLIRunner.run(["report", "capacity", "--hub", "NOPE", "--week", "2026-W48"] + url)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no hub with code NOPE"))
    }

    /// Usage mistakes exit 64 with the parser's message.
    @Test func usageErrors() throws {
        let badWeek = try CLIRunner.run(["report", "capacity", "--week", "2026-48"])
        #expect(badWeek.status == 64)
        #expect(badWeek.stderr.contains("--week"))
        let badHubs = try CLIRunner.run(["demo", "seed", "--hubs", "0"])
        #expect(badHubs.status == 64)
        #expect(badHubs.stderr.contains("--hubs: must be 1…15"))
    }

    /// `report list` names every report.
    @Test func reportList() throws {
        let out = try CLIRunner.run(["report", "list"])
        #expect(out.status == 0)
        #expect(out.stdout.contains("capacity"))
        #expect(out.stdout.contains("skills"))
    }
}

@Suite("carehub command line: bad connections and schemas")
struct CLIBadInputTests {
    /// An unknown database user is an authentication failure: one line, exit 1.
    @Test func unknownUserIsOneLine() throws {
        let test = try TestDatabase(migrated: false)
        let out = try CLIRunner.run(
            ["db", "status", "--database-url", test.conninfo, "--sql-dir", TestDatabase.sqlDirectory],
            environment: ["PGUSER": "no_such_carehub_user"])
        #expect(out.status == 1)
        #expect(out.stderr.split(separator: "\n").count == 1)
        #expect(out.stderr.contains("authentication failed"))
    }

    /// A report on an unmigrated database says to migrate, in one line.
    @Test func unmigratedDatabaseSaysMigrate() throws {
        let test = try TestDatabase(migrated: false)
        let out = try CLIRunner.run(["report", "capacity", "--database-url", test.conninfo, "--week", "2026-W48"])
        #expect(out.status == 1)
        #expect(
            out.stderr == "carehub: the database schema is at version 0 but this carehub needs \(SchemaVersion.required): run `carehub db migrate`\n")
    }
}

@Suite("carehub report: bad input")
struct ReportCLITests {
    /// A --from after --to, an unknown hub, an unknown report: a clear message, exit non-zero.
    @Test func badReportInput() throws {
        let test = try TestDatabase()
        defer { withExtendedLifetime(test) {} }
        let db = ["--database-url", test.conninfo]
        let order = try CLIRunner.run(["report", "turnover", "--from", "2026-04-01", "--to", "2026-03-01"] + db)
        #expect(order.status == 64 && order.stderr.contains("--from 2026-04-01 is after --to 2026-03-01"))
        let hub = try CLIRunner.run(["report", "turnover", "--from", "2026-01-01", "--to", "2026-03-01", "--hub", "NOPE"] + db)
        #expect(hub.status == 1 && hub.stderr.contains("no hub with code NOPE"))
        let name = try CLIRunner.run(["report", "happiness", "--from", "2026-01-01", "--to", "2026-03-01"] + db)
        #expect(name.status == 64 && name.stderr.contains("unknown report 'happiness'; reports: list, capacity, skills, turnover"))
        let list = try CLIRunner.run(["report", "list"])
        #expect(list.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 })
        #expect(
            [
                "turnover", "turnover-cipd", "stability", "starters", "vacancies", "zero-hours", "delivered-hours", "undelivered-hours",
                "waiting", "handbacks", "rate-vs-min-price", "capacity-vs-demand", "package-size", "spend-by-funder", "pathway-mix",
                "sickness-spread", "roster-retention",
            ].allSatisfy { list.stdout.contains($0) })
        // Roster-linked retention needs published rosters, and says so.
        let none = try CLIRunner.run(["report", "roster-retention", "--from", "2026-01-01", "--to", "2026-03-01"] + db)
        #expect(none.status == 1 && none.stderr.contains("no published roster"))
        let week = try CLIRunner.run(["report", "waiting", "--from", "2026-01-01", "--to", "2026-01-31", "--by", "week", "--format", "json"] + db)
        let document = try JSONSerialization.jsonObject(with: Data(week.stdout.utf8)) as? [String: Any]
        #expect(week.status == 0 && document?["rows"] is [Any])
    }
}
