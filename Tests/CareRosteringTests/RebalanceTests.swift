import CareModel
import CareRostering
import CareStore
import Foundation
import Testing

/// The rebalance job on a small published week (sample county, 2026-W48, STAF).
@Suite("Rebalance")
struct RebalanceTests {
    static let monday6 = Instant(rfc3339: "2026-11-23T06:00:00Z")!

    /// A published STAF week and a first rebalance run that sets the cursor.
    static func published() throws -> SeededCounty {
        let c = try SeededCounty(clientsPerHub: 20)
        _ = try VisitPlanner(c.db).plan(week: c.week)
        _ = try RosterWorkflow.generate(c.db, hubs: ["STAF"], week: c.week, search: .init(seed: 1, iterations: 300), actor: "test")
        try RosterWorkflow.publish(c.db, hub: "STAF", week: c.week, version: 1, force: false, actor: "test")
        _ = try Rebalance.run(c.db, hub: "STAF", options: options(c.week))
        return c
    }

    static func options(_ week: ISOWeek, now: Instant = monday6, maxMoves: Int = 20) -> Rebalance.Options {
        var o = Rebalance.Options(weeks: [week], now: now, actor: "test")
        o.maxMoves = maxMoves
        o.seconds = 5
        return o
    }

    /// The published assignments: visit → carers.
    static func assignments(_ db: Connection) throws -> [Int: Set<String>] {
        var out: [Int: Set<String>] = [:]
        for row in try db.query(
            """
            SELECT ra.visit_id, c.external_id FROM roster_assignments ra JOIN rosters r ON r.id = ra.roster_id AND r.status = 'published'
            JOIN hubs h ON h.id = r.hub_id AND h.code = 'STAF' JOIN carers c ON c.id = ra.carer_id
            """
        ).rows {
            out[try row.decode("visit_id"), default: []].insert(try row.decode("external_id"))
        }
        return out
    }

    /// The carer with the most visits from Tuesday on, signed off sick Tuesday to Sunday.
    static func makeSick(_ db: Connection) throws -> String {
        let carer: String = try db.query(
            """
            SELECT c.external_id FROM roster_assignments ra JOIN rosters r ON r.id = ra.roster_id AND r.status = 'published'
            JOIN carers c ON c.id = ra.carer_id WHERE ra.starts_at >= '2026-11-24' GROUP BY c.external_id ORDER BY count(*) DESC, 1 LIMIT 1
            """
        ).rows[0].decode("external_id")
        try ShiftRepository(db).insert(
            LocalAbsence(
                carerID: carer, kind: .sickness, firstDay: LocalDate(iso: "2026-11-24")!,
                lastDay: LocalDate(iso: "2026-11-29")!))
        return carer
    }

    /// Sickness: the carer's later visits leave them, re-placed where possible; carers not
    /// involved keep their visits; a second run changes nothing and writes no version.
    @Test func sicknessIsRepairedAndTheRestStays() throws {
        let c = try Self.published()
        let before = try Self.assignments(c.db)
        let sick = try Self.makeSick(c.db)
        let result = try Rebalance.run(c.db, hub: "STAF", options: Self.options(c.week))
        #expect(result.status == .repaired)
        let week = try #require(result.weeks.first)
        #expect(week.version == 3 || week.version == 2)
        #expect(week.repaired >= 1)
        let after = try Self.assignments(c.db)
        let sickLater = try c.db.query(
            """
            SELECT count(*) AS n FROM roster_assignments ra JOIN rosters r ON r.id = ra.roster_id AND r.status = 'published'
            JOIN carers c ON c.id = ra.carer_id WHERE c.external_id = \(sick) AND ra.starts_at >= '2026-11-24'
            """
        ).rows[0].decode("n", as: Int.self)
        #expect(sickLater == 0)
        let changed = Set(week.changes.map(\.visit))
        for (visit, carers) in before where !carers.contains(sick) && !changed.contains(visit) {
            #expect(after[visit] == carers, "visit \(visit) of carers not involved moved")
        }
        #expect(week.changes.contains { $0.reason == "sickness of \(sick)" || $0.reason.hasPrefix("sickness of \(sick);") })
        // One message for the sick carer from this run (the first run, which set the cursor,
        // may have written them one too when it placed visits left unassigned).
        let outbox: Int = try c.db.query(
            """
            SELECT count(*) AS n FROM roster_outbox o JOIN carers c ON c.id = o.carer_id JOIN rosters r ON r.id = o.roster_id
            WHERE c.external_id = \(sick) AND r.version = \(week.version ?? 0)
            """
        ).rows[0].decode("n")
        #expect(outbox == 1)
        // Nothing new: nothing to do, no version.
        let versions: Int = try c.db.query("SELECT count(*) AS n FROM rosters").rows[0].decode("n")
        #expect(try Rebalance.run(c.db, hub: "STAF", options: Self.options(c.week)).status == .nothingToDo)
        #expect(try c.db.query("SELECT count(*) AS n FROM rosters").rows[0].decode("n", as: Int.self) == versions)
        withExtendedLifetime(c) {}
    }

    /// A dry run reports the repair and writes nothing: no version, the cursor where it was.
    @Test func dryRunWritesNothing() throws {
        let c = try Self.published()
        _ = try Self.makeSick(c.db)
        let rosters: Int = try c.db.query("SELECT count(*) AS n FROM rosters").rows[0].decode("n")
        var options = Self.options(c.week)
        options.dryRun = true
        let result = try Rebalance.run(c.db, hub: "STAF", options: options)
        #expect(result.status == .repaired && result.weeks.first?.version == nil && result.weeks.first?.changes.isEmpty == false)
        #expect(try c.db.query("SELECT count(*) AS n FROM rosters").rows[0].decode("n", as: Int.self) == rosters)
        #expect(try Rebalance.run(c.db, hub: "STAF", options: Self.options(c.week)).status == .repaired)
        withExtendedLifetime(c) {}
    }

    /// Frozen visits (here: starting before Tuesday noon) are not moved to make room, and
    /// `--max-moves` caps the moves of visits that were not broken.
    @Test func frozenAndMaxMoves() throws {
        for cap in [0, 1] {
            let c = try Self.published()
            _ = try Self.makeSick(c.db)
            // Frozen: everything before Tuesday noon (30 hours after Monday 06:00).
            var options = Self.options(c.week, maxMoves: cap)
            options.freezeMinutes = 30 * 60
            let result = try Rebalance.run(c.db, hub: "STAF", options: options)
            let changes = result.weeks.first?.changes ?? []
            let made = changes.filter { $0.reason == "moved to make room" }
            #expect(made.count <= cap)
            #expect(made.allSatisfy { Self.monday6.minutes(to: $0.start) >= 30 * 60 })
            withExtendedLifetime(c) {}
        }
    }

    /// A new Home First visit (a discharge today) is placed by the next run.
    @Test func newDischargeIsPlaced() throws {
        let c = try Self.published()
        let client: String = try c.db.query(
            """
            SELECT cl.external_id FROM clients cl JOIN hubs h ON h.id = cl.hub_id WHERE h.code = 'STAF' ORDER BY 1 LIMIT 1
            """
        ).rows[0].decode("external_id")
        let visit = try VisitPlanner(c.db).addVisit(
            clientID: client, date: LocalDate(iso: "2026-11-24")!, windowStart: LocalTime(iso: "09:00")!, windowEnd: LocalTime(iso: "17:00")!,
            minutes: 30, priority: .homeFirst)
        let result = try Rebalance.run(c.db, hub: "STAF", options: Self.options(c.week))
        #expect(result.weeks.first?.changes.contains { $0.visit == visit && $0.action == .added && $0.reason == "new Home First visit" } == true)
        #expect(try Self.assignments(c.db)[visit]?.count == 1)
        withExtendedLifetime(c) {}
    }
}
