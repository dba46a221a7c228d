import CareModel
import CareRostering
import CareSample
import CareStore
import CareTestSupport
import Foundation
import Testing

/// A migrated database holding a small sample county (two hubs) for one week.
struct SeededCounty {
    let test: TestDatabase
    let db: Connection
    let week: ISOWeek

    init(week: String = "2026-W48", clientsPerHub: Int = 12) throws {
        test = try TestDatabase()
        db = try test.connect()
        self.week = ISOWeek(iso: week)!
        let county = SampleCountyGenerator.generate(SampleCountySpec(hubs: 2, clientsPerHub: clientsPerHub, seed: 2, firstWeek: self.week, weeks: 1))
        _ = try CountyWriter(db).write(
            hubs: county.hubs, carers: county.carers, clients: county.clients, packages: county.packages,
            shifts: county.shifts, absences: county.absences)
    }

    func count(_ query: SQLQuery) throws -> Int { try db.query(query).rows[0].decode("n") }
}

@Suite("Weekly loop on the database")
struct WeeklyLoopTests {
    /// Planning twice is idempotent, and a client in hospital gets no visits on those days.
    @Test func planIsIdempotentAndSkipsAbsentClients() throws {
        let c = try SeededCounty()
        let first = try VisitPlanner(c.db).plan(week: c.week)
        #expect(first.added > 0 && first.added == first.planned)
        let second = try VisitPlanner(c.db).plan(week: c.week)
        #expect(second.added == 0 && second.updated == 0 && second.cancelled == 0 && second.planned == first.planned)
        // Put one client in hospital Wednesday–Thursday: their visits those days are cancelled.
        let client: String = try c.db.query("SELECT external_id FROM clients ORDER BY external_id LIMIT 1").rows[0].decode("external_id")
        let before = try c.count(
            """
            SELECT count(*) AS n FROM visits v JOIN clients cl ON cl.id = v.client_id
            WHERE cl.external_id = \(client) AND v.local_date IN ('2026-11-25', '2026-11-26') AND v.status = 'planned'
            """)
        #expect(before > 0)
        try VisitPlanner(c.db).recordAway(
            clientID: client, first: LocalDate(iso: "2026-11-25")!, last: LocalDate(iso: "2026-11-26")!, reason: "hospital")
        let third = try VisitPlanner(c.db).plan(week: c.week)
        #expect(third.cancelled == before)
        #expect(third.planned == first.planned - before)
    }

    /// In the week the clocks go back, windows are read in local time: 07:30 is 06:30Z before
    /// Sunday 25 October 2026 and 07:30Z on it.
    @Test func dstWeekPlansLocalInstants() throws {
        let c = try SeededCounty(week: "2026-W43")
        _ = try VisitPlanner(c.db).plan(week: c.week)
        let rows = try c.db.query(
            """
            SELECT v.local_date, v.window_start, pv.window_start AS local_start FROM visits v JOIN package_visits pv ON pv.id = v.package_visit_id
            WHERE v.local_date IN ('2026-10-24', '2026-10-25') ORDER BY v.id
            """
        ).rows
        #expect(!rows.isEmpty)
        for row in rows {
            let day: LocalDate = try row.decode("local_date")
            let local: LocalTime = try row.decode("local_start")
            let instant: Instant = try row.decode("window_start")
            let offset = day.description == "2026-10-24" ? 60 : 0
            #expect(instant == Instant(utcDate: day, minutes: local.minutesSinceMidnight - offset))
        }
    }

    /// generate → publish → generate makes draft v2 without touching v1; publishing v2
    /// supersedes v1 atomically; the stored problem replays to the same roster.
    @Test func generatePublishRegenerate() throws {
        let c = try SeededCounty()
        _ = try VisitPlanner(c.db).plan(week: c.week)
        let search = RosterWorkflow.SearchSettings(seed: 3, iterations: 100)
        let first = try #require(try RosterWorkflow.generate(c.db, hubs: ["STAF"], week: c.week, search: search, actor: "test").groups.first)
        #expect(first.versions.map(\.version) == [1])
        #expect(RosterChecker.check(first.roster, against: first.problem).isValid)
        try RosterWorkflow.publish(c.db, hub: "STAF", week: c.week, version: 1, force: false, actor: "test")
        let v1Rows = try c.count("SELECT count(*) AS n FROM roster_assignments ra JOIN rosters r ON r.id = ra.roster_id WHERE r.version = 1")
        let second = try #require(try RosterWorkflow.generate(c.db, hubs: ["STAF"], week: c.week, search: search, actor: "test").groups.first)
        #expect(second.versions.map(\.version) == [2])
        #expect(try RosterRepository(c.db).published(hub: "STAF", week: c.week) == 1)
        #expect(try c.count("SELECT count(*) AS n FROM roster_assignments ra JOIN rosters r ON r.id = ra.roster_id WHERE r.version = 1") == v1Rows)
        let superseded = try RosterWorkflow.publish(c.db, hub: "STAF", week: c.week, version: 2, force: false, actor: "test")
        #expect(superseded == 1)
        let statuses: [String] = try c.db.query("SELECT status FROM rosters ORDER BY version").rows.map { try $0.decode("status") }
        #expect(statuses == ["superseded", "published"])
        // Replaying the stored problem with the stored seed gives the same roster.
        let stored = try #require(try RosterRepository(c.db).find(hub: "STAF", week: c.week, version: 2))
        #expect(stored.problemText == (try RosterWorkflow.currentProblem(c.db, hubs: ["STAF"], week: c.week).1))
        #expect(stored.seed == 3)
    }

    /// A draft whose data changed is refused as stale (unless forced); a published roster's rows
    /// cannot be changed at all.
    @Test func staleAndImmutable() throws {
        let c = try SeededCounty()
        _ = try VisitPlanner(c.db).plan(week: c.week)
        _ = try RosterWorkflow.generate(c.db, hubs: ["STAF"], week: c.week, search: .init(seed: 1, iterations: 50), actor: "test")
        try c.db.execute(
            "UPDATE visits SET status = 'cancelled' WHERE id = (SELECT min(v.id) FROM visits v JOIN clients cl ON cl.id = v.client_id JOIN "
                + "hubs h ON h.id = cl.hub_id WHERE h.code = 'STAF')"
        )
        let refusal = #expect(throws: RosterRefusal.self) {
            try RosterWorkflow.publish(c.db, hub: "STAF", week: c.week, version: 1, force: false, actor: "test")
        }
        #expect(refusal?.description.contains("stale") == true)
        #expect(try RosterRepository(c.db).published(hub: "STAF", week: c.week) == nil)
        try RosterWorkflow.publish(c.db, hub: "STAF", week: c.week, version: 1, force: true, actor: "test")
        let error = #expect(throws: StoreError.self) {
            try c.db.execute("DELETE FROM roster_assignments WHERE roster_id = (SELECT id FROM rosters WHERE version = 1)")
        }
        #expect(error?.sqlState == "55000")
        // Adding rows to a published roster is refused too (checked once per statement since 0019).
        let added = #expect(throws: StoreError.self) {
            try c.db.execute(
                """
                INSERT INTO roster_assignments (roster_id, visit_id, carer_id, starts_at)
                SELECT r.id, v.id, c.id, v.window_start FROM rosters r, visits v, carers c
                WHERE r.version = 1 AND NOT EXISTS (
                    SELECT 1 FROM roster_assignments a WHERE a.roster_id = r.id AND a.visit_id = v.id AND a.carer_id = c.id)
                LIMIT 1
                """)
        }
        #expect(added?.sqlState == "55000")
        let unassigned = #expect(throws: StoreError.self) {
            try c.db.execute(
                """
                INSERT INTO roster_unassigned (roster_id, visit_id, reason)
                SELECT (SELECT id FROM rosters WHERE version = 1), min(v.id), 'test' FROM visits v
                """)
        }
        #expect(unassigned?.sqlState == "55000")
        #expect(throws: RosterRefusal.self) {
            try RosterWorkflow.publish(c.db, hub: "STAF", week: c.week, version: 1, force: false, actor: "test")
        }
    }

    /// A publish that fails midway leaves the previously published version in place.
    @Test func failedPublishKeepsPrevious() throws {
        let c = try SeededCounty()
        _ = try VisitPlanner(c.db).plan(week: c.week)
        let search = RosterWorkflow.SearchSettings(seed: 1, iterations: 50)
        _ = try RosterWorkflow.generate(c.db, hubs: ["STAF"], week: c.week, search: search, actor: "test")
        _ = try RosterWorkflow.generate(c.db, hubs: ["STAF"], week: c.week, search: search, actor: "test")
        try RosterWorkflow.publish(c.db, hub: "STAF", week: c.week, version: 1, force: false, actor: "test")
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try RosterRepository(c.db).publish(hub: "STAF", week: c.week, version: 2, force: false, actor: "test") { _, _ in throw Boom() }
        }
        #expect(try RosterRepository(c.db).published(hub: "STAF", week: c.week) == 1)
        let statuses: [String] = try c.db.query("SELECT status FROM rosters ORDER BY version").rows.map { try $0.decode("status") }
        #expect(statuses == ["published", "draft"])
    }

    /// A pin is respected by the next generate, and too many pins are refused.
    @Test func pinsAreRespected() throws {
        let c = try SeededCounty()
        _ = try VisitPlanner(c.db).plan(week: c.week)
        let search = RosterWorkflow.SearchSettings(seed: 1, iterations: 50)
        let first = try #require(try RosterWorkflow.generate(c.db, hubs: ["STAF"], week: c.week, search: search, actor: "test").groups.first)
        let single = try #require(first.roster.assignments.first { $0.carers.count == 1 })
        let visit = try #require(Int(single.visit))
        // Pin a different qualified carer: whoever else the problem allows.
        let other = try #require(
            first.problem.carers.first { carer in
                carer.id != single.carers[0] && carer.hub == "STAF"
                    && (first.problem.visits.first { $0.id == single.visit }?.skills ?? []).allSatisfy(carer.skills.contains)
            })
        try RosterRepository(c.db).pin(visit: visit, carer: other.id, actor: "test")
        let second = try #require(try RosterWorkflow.generate(c.db, hubs: ["STAF"], week: c.week, search: search, actor: "test").groups.first)
        let pinned = try #require(second.problem.visits.first { $0.id == single.visit })
        #expect(pinned.pinned == [other.id])
        // The checker refuses any assignment of a pinned visit without its pinned carer.
        #expect(RosterChecker.check(second.roster, against: second.problem).isValid)
        if let placed = second.roster.assignments.first(where: { $0.visit == single.visit }) {
            #expect(placed.carers == [other.id])
        }
        #expect(throws: RosterRefusal.self) { try RosterRepository(c.db).pin(visit: visit, carer: single.carers[0], actor: "test") }
        #expect(try RosterRepository(c.db).unpin(visit: visit, carer: other.id, actor: "test"))
    }

    /// Two hubs generated together may use carers lendable between them; each hub gets its own draft.
    @Test func multiHubGenerate() throws {
        let c = try SeededCounty()
        _ = try VisitPlanner(c.db).plan(week: c.week)
        let generated = try RosterWorkflow.generate(
            c.db, hubs: ["STAF", "CANN"], week: c.week, search: .init(seed: 1, iterations: 50), actor: "test")
        #expect(generated.versions.map(\.hub) == ["CANN", "STAF"])
        // The sample county lends carers between these neighbours, so they stay one problem.
        #expect(generated.groups.count == 1)
        let group = try #require(generated.groups.first)
        #expect(group.problem.hubs.count == 2)
        #expect(group.seed == 1)
        #expect(RosterChecker.check(group.roster, against: group.problem).isValid)
        let perHub = try c.count("SELECT count(DISTINCT hub_id) AS n FROM rosters")
        #expect(perHub == 2)
        // One problem and one roster document for the run, named by both hubs' rows, and each
        // hub's version reads back the exact texts; each hub also has its own slice of both (0019).
        #expect(try c.count("SELECT count(*) AS n FROM roster_documents") == 2 + 2 * 2)
        #expect(try c.count("SELECT count(DISTINCT (hub_problem_digest, hub_roster_digest)) AS n FROM roster_files") == 2)
        #expect(try c.count("SELECT count(DISTINCT (problem_digest, roster_digest)) AS n FROM roster_files") == 1)
        #expect(try c.count("SELECT count(*) AS n FROM roster_files WHERE problem IS NOT NULL OR roster IS NOT NULL") == 0)
        let stored = try ["CANN", "STAF"].map { try #require(try RosterRepository(c.db).find(hub: $0, week: c.week)) }
        #expect(stored[0].problemText == stored[1].problemText && stored[0].rosterText == stored[1].rosterText)
        #expect(try Roster.decode(Data(stored[0].rosterText.utf8)) == group.roster)
        #expect(try ProblemDecoder.decode(Data(stored[0].problemText.utf8), file: "stored") == group.problem)
        // A document is content-addressed and never changes.
        #expect(throws: StoreError.self) { try c.db.execute("UPDATE roster_documents SET body = body || ' '") }
    }

    /// Rows written before migration 0018 hold their documents inline and still read back; a row
    /// must hold each document exactly one way.
    @Test func inlineDocumentsStillRead() throws {
        let c = try SeededCounty()
        func newVersion(_ version: Int) throws -> Int {
            try c.db.query(
                """
                INSERT INTO rosters (hub_id, iso_week, version, seed)
                SELECT id, \(c.week.description), \(version), 0 FROM hubs WHERE code = 'STAF' RETURNING id
                """
            ).rows[0].decode("id")
        }
        try c.db.execute("INSERT INTO roster_files (roster_id, problem, roster) VALUES (\(try newVersion(1)), 'P', 'R')")
        let stored = try #require(try RosterRepository(c.db).find(hub: "STAF", week: c.week))
        #expect(stored.problemText == "P" && stored.rosterText == "R")
        let neither = try newVersion(2)
        #expect(throws: StoreError.self) { try c.db.execute("INSERT INTO roster_files (roster_id, roster) VALUES (\(neither), 'R')") }
    }
}
