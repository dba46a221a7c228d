import CareModel
import CareRostering
import CareStore
import CareTestSupport
import Foundation
import Testing

/// The audit trail after a scripted day, every step acting for a person through the real
/// policies: a STAF manager plans, generates and publishes the week, imports a sick note; the
/// scheduler rebalances; the manager reads one client's record.
@Suite("Audit trail of a scripted day")
struct AuditTrailTests {
    @Test func scriptedDayHasExactlyTheExpectedRows() throws {
        let c = try SeededCounty(clientsPerHub: 8)
        let people = PeopleRepository(c.db)
        try people.add(name: "Mia Stafford", email: "mia@staf.example", role: .manager, hubCodes: ["STAF"])
        try people.add(name: "Cron Job", email: "cron@staf.example", role: .scheduler, hubCodes: ["STAF"])
        let baseline: Int = try c.db.query("SELECT max(id) AS n FROM audit_log").rows[0].decode("n")
        let manager = try c.test.connect()
        manager.actingPerson = try people.activePerson(email: "mia@staf.example")
        let scheduler = try c.test.connect()
        scheduler.actingPerson = try people.activePerson(email: "cron@staf.example")

        _ = try VisitPlanner(manager).plan(week: c.week)
        _ = try RosterWorkflow.generate(manager, hubs: ["STAF"], week: c.week, search: .init(seed: 1, iterations: 100), actor: "test")
        try RosterWorkflow.publish(manager, hub: "STAF", week: c.week, version: 1, force: false, actor: "test")
        let sick: String = try c.db.query(
            """
            SELECT k.external_id FROM roster_assignments ra JOIN carers k ON k.id = ra.carer_id
            WHERE ra.starts_at >= '2026-11-24' GROUP BY k.external_id ORDER BY count(*) DESC, 1 LIMIT 1
            """
        ).rows[0].decode("external_id")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("absences-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        try "carer,kind,first_day,last_day,reason\n\(sick),sickness,2026-11-24,2026-11-29,\n".write(to: file, atomically: true, encoding: .utf8)
        _ = try Importer.run(manager, kind: try #require(ImportKind(rawValue: "absences")), path: file.path, dryRun: false)
        var options = Rebalance.Options(weeks: [c.week], now: Instant(rfc3339: "2026-11-23T06:00:00Z")!, actor: "cron")
        options.seconds = 2
        #expect(try Rebalance.run(scheduler, hub: "STAF", options: options).status == .repaired)
        let client: String = try manager.query("SELECT min(external_id) AS id FROM clients").rows[0].decode("id")
        #expect(try AuditRepository(manager).recordClientRead(externalID: client))

        // What the day must have left, derived from the rows it wrote.
        func n(_ query: SQLQuery) throws -> Int { try c.db.query("SELECT count(*) AS n FROM (\(query)) q").rows[0].decode("n") }
        let v1: Int = try c.db.query("SELECT id FROM rosters WHERE version = 1").rows[0].decode("id")
        let v2: Int = try c.db.query("SELECT id FROM rosters WHERE version = 2").rows[0].decode("id")
        func documents(_ roster: Int) throws -> Int {
            try n(
                """
                SELECT DISTINCT d FROM (SELECT problem_digest AS d FROM roster_files WHERE roster_id = \(roster)
                UNION SELECT roster_digest FROM roster_files WHERE roster_id = \(roster)) x
                WHERE d NOT IN (SELECT problem_digest FROM roster_files WHERE roster_id < \(roster)
                                UNION SELECT roster_digest FROM roster_files WHERE roster_id < \(roster))
                """)
        }
        var expected: [String: Int] = [
            "mia visits insert": try n("SELECT 1 FROM visits"),
            "mia rosters insert": 1,
            "mia roster_files insert": 1,
            "mia roster_documents insert": try documents(v1),
            "mia roster_assignments insert": try n("SELECT 1 FROM roster_assignments WHERE roster_id = \(v1)"),
            "mia roster_unassigned insert": try n("SELECT 1 FROM roster_unassigned WHERE roster_id = \(v1)"),
            "mia roster_changes insert": try n("SELECT 1 FROM roster_changes WHERE actor = 'test'"),
            "mia rosters update": 1,  // published
            "mia absences insert": 1,
            "mia clients read": 1,
            "cron rosters insert": 1,
            "cron rosters update": 2,  // v1 superseded, v2 published
            "cron roster_files insert": 1,
            "cron roster_documents insert": try documents(v2),
            "cron roster_assignments insert": try n("SELECT 1 FROM roster_assignments WHERE roster_id = \(v2)"),
            "cron roster_unassigned insert": try n("SELECT 1 FROM roster_unassigned WHERE roster_id = \(v2)"),
            "cron roster_changes insert": try n("SELECT 1 FROM roster_changes WHERE actor = 'cron'"),
            "cron roster_outbox insert": try n("SELECT 1 FROM roster_outbox WHERE roster_id = \(v2)"),
            "cron rebalance_cursors insert": 1,
        ]
        expected = expected.filter { $0.value > 0 }
        var actual: [String: Int] = [:]
        for row in try c.db.query(
            """
            SELECT coalesce(split_part(p.email, '@', 1), 'owner') || ' ' || a.table_name || ' ' || a.action AS k, count(*) AS n
            FROM audit_log a LEFT JOIN people p ON p.id = a.person_id WHERE a.id > \(baseline) GROUP BY 1
            """
        ).rows {
            actual[try row.decode("k")] = try row.decode("n")
        }
        #expect(actual == expected)
        // Each read names the client; each update names the columns it changed.
        #expect(try n("SELECT 1 FROM audit_log WHERE id > \(baseline) AND action = 'read' AND client_id IS NOT NULL") == 1)
        #expect(try n("SELECT 1 FROM audit_log WHERE id > \(baseline) AND action = 'update' AND cardinality(changed_columns) > 0") == 3)
    }
}
