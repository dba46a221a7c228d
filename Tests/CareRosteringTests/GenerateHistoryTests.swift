import CareModel
import CareRostering
import CareStore
import Testing

/// `roster generate` fills `clients[].history` from the published rosters of the four weeks before.
@Suite("Generate: client history from published weeks")
struct GenerateHistoryTests {
    /// Counts per (client, carer) in a published roster, read straight from its assignments.
    private func published(_ c: SeededCounty, hub: String, week: ISOWeek) throws -> [String: [WeekProblemLoader.HistoryEntry]] {
        let rows = try c.db.query(
            """
            SELECT cl.external_id AS client, ca.external_id AS carer, count(*) AS n
            FROM roster_assignments ra JOIN rosters r ON r.id = ra.roster_id JOIN hubs h ON h.id = r.hub_id
            JOIN visits v ON v.id = ra.visit_id JOIN clients cl ON cl.id = v.client_id JOIN carers ca ON ca.id = ra.carer_id
            WHERE r.status = 'published' AND h.code = \(hub) AND r.iso_week = \(week.description)
            GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2
            """
        ).rows
        var out: [String: [WeekProblemLoader.HistoryEntry]] = [:]
        for row in rows {
            out[try row.decode("client"), default: []].append(
                WeekProblemLoader.HistoryEntry(carer: try row.decode("carer"), visits: try row.decode("n")))
        }
        return out
    }

    /// Publish week 1, then the history for week 2 (and the problem generate builds) carries
    /// each client's carers with their visit counts; drafts and other hubs do not count.
    @Test func historyFromThePublishedWeekBefore() throws {
        let c = try SeededCounty(clientsPerHub: 8)
        let week2 = c.week.next
        _ = try VisitPlanner(c.db).plan(week: c.week)
        _ = try VisitPlanner(c.db).plan(week: week2)
        let search = RosterWorkflow.SearchSettings(seed: 5, iterations: 60)
        _ = try RosterWorkflow.generate(c.db, hubs: ["STAF"], week: c.week, search: search, actor: "test")
        let loader = WeekProblemLoader(c.db)
        // A draft is not history.
        #expect(try loader.history(hubCodes: ["STAF"], week: week2).isEmpty)
        #expect(try loader.hubsWithHistory(hubCodes: ["CANN", "STAF"], week: week2).isEmpty)
        try RosterWorkflow.publish(c.db, hub: "STAF", week: c.week, version: 1, force: false, actor: "test")
        let expected = try published(c, hub: "STAF", week: c.week)
        #expect(!expected.isEmpty)
        #expect(expected.values.contains { $0.contains { $0.visits > 1 } })
        #expect(try loader.history(hubCodes: ["STAF"], week: week2) == expected)
        #expect(try loader.hubsWithHistory(hubCodes: ["CANN", "STAF"], week: week2) == ["STAF"])
        // Another hub's clients have none; five weeks on, week 1 is out of range.
        #expect(try loader.history(hubCodes: ["CANN"], week: week2).isEmpty)
        let fiveOn = ISOWeek(containing: c.week.monday.adding(days: 35))
        #expect(try loader.history(hubCodes: ["STAF"], week: fiveOn).isEmpty)
        #expect(try loader.history(hubCodes: ["STAF"], week: ISOWeek(containing: c.week.monday.adding(days: 28))) == expected)
    }
}
