import CareModel
import CareRostering
import CareStore
import CareTestSupport
import Foundation
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

    /// Stores week 1 of STAF as a draft without the engine: its visits shared round-robin among
    /// three carers (C0 takes every third visit and the first client's double share), so the
    /// counts are known whatever the search would do.
    private func storeWeekOne(_ c: SeededCounty) throws {
        let (problem, text) = try RosterWorkflow.currentProblem(c.db, hubs: ["STAF"], week: c.week)
        let carers = problem.carers.filter { $0.hub == "STAF" }.prefix(3).map(\.id)
        #expect(carers.count == 3)
        let assignments = problem.visits.enumerated().map { i, v in
            Roster.Assignment(visit: v.id, carers: [carers[i % 3]], start: v.windowStart.description)
        }
        let roster = Roster(
            assignments: assignments, unassigned: [],
            objective: .init(total: 0, unassigned: 0, travel: 0, continuity: 0, preference: 0, shortfall: 0),
            metrics: .init(
                visits: assignments.count, assigned: assignments.count, unassignedVisits: 0, travelMinutes: 0, paidMinutes: 0,
                distinctCarersPerClient: 0, preferenceMisses: 0, shortfallMinutes: 0, coverageByPriority: [:]),
            solver: .init(seed: 1, seconds: 0, iterations: 0))
        let rosterText = String(decoding: try roster.encoded(), as: UTF8.self)
        _ = try RosterRepository(c.db).saveDrafts(
            week: c.week, problem: problem, problemText: text, roster: roster, rosterText: rosterText, seed: 1, settings: [:],
            actor: "test")
    }

    /// Publish week 1, then the history for week 2 and the problem `roster generate` solves
    /// (`currentProblem`) carry each client's carers with their visit counts; drafts, other hubs
    /// and weeks more than four back do not count.
    @Test func historyFromThePublishedWeekBefore() throws {
        let c = try SeededCounty(clientsPerHub: 8)
        let week2 = c.week.next
        _ = try VisitPlanner(c.db).plan(week: c.week)
        _ = try VisitPlanner(c.db).plan(week: week2)
        try storeWeekOne(c)
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
        // Read as a person: a manager of CANN only sees no STAF history; STAF's manager sees it all.
        let people = PeopleRepository(c.db)
        for (email, hub) in [("cann@example.org", "CANN"), ("staf@example.org", "STAF")] {
            _ = try people.add(name: "Manager \(hub)", email: email, role: .manager, hubCodes: [hub])
        }
        let asCann = try c.test.connect()
        asCann.actingPerson = try people.activePerson(email: "cann@example.org")
        #expect(try WeekProblemLoader(asCann).history(hubCodes: ["STAF"], week: week2).isEmpty)
        let asStaf = try c.test.connect()
        asStaf.actingPerson = try people.activePerson(email: "staf@example.org")
        #expect(try WeekProblemLoader(asStaf).history(hubCodes: ["STAF"], week: week2) == expected)
        // The problem generate builds for week 2: every STAF client has a history, empty when
        // nobody visited them; CANN (no published week) has none.
        let (problem, _) = try RosterWorkflow.currentProblem(c.db, hubs: ["CANN", "STAF"], week: week2)
        #expect(problem.clients.contains { $0.hub == "CANN" } && problem.clients.contains { $0.hub == "STAF" })
        for client in problem.clients {
            guard client.hub == "STAF" else {
                #expect(client.history == nil, "\(client.id)")
                continue
            }
            let history = try #require(client.history, "\(client.id)")
            #expect(history.map(\.carer) == (expected[client.id] ?? []).map(\.carer), "\(client.id)")
            #expect(history.map(\.visits) == (expected[client.id] ?? []).map(\.visits), "\(client.id)")
        }
    }

    /// Generating week 2 after week 1 is published: the problem's clients carry week 1's carers
    /// and counts (an empty history for a client nobody visited), and publishing the draft
    /// finds it current (the same history is read again).
    @Test func generateFillsTheProblemsHistory() throws {
        let c = try SeededCounty(clientsPerHub: 8)
        let week2 = c.week.next
        _ = try VisitPlanner(c.db).plan(week: c.week)
        _ = try VisitPlanner(c.db).plan(week: week2)
        let search = RosterWorkflow.SearchSettings(seed: 5, iterations: 60)
        let first = try #require(try RosterWorkflow.generate(c.db, hubs: ["STAF"], week: c.week, search: search, actor: "test").groups.first)
        // No published week before: history is absent, not empty.
        #expect(first.problem.clients.allSatisfy { $0.history == nil })
        try RosterWorkflow.publish(c.db, hub: "STAF", week: c.week, version: 1, force: false, actor: "test")
        let expected = try published(c, hub: "STAF", week: c.week)
        let second = try #require(try RosterWorkflow.generate(c.db, hubs: ["STAF"], week: week2, search: search, actor: "test").groups.first)
        #expect(!second.problem.clients.isEmpty)
        for client in second.problem.clients {
            let history = try #require(client.history, "\(client.id)")
            #expect(history.map(\.carer) == (expected[client.id] ?? []).map(\.carer), "\(client.id)")
            #expect(history.map(\.visits) == (expected[client.id] ?? []).map(\.visits), "\(client.id)")
        }
        #expect(second.problem.clients.contains { !($0.history ?? []).isEmpty })
        // Each visit carries the carers of the same package call a week before (week 1 had no
        // published week before it, so none).
        #expect(first.problem.visits.allSatisfy { $0.previousCarers.isEmpty })
        let lastWeek = Dictionary(uniqueKeysWithValues: first.roster.assignments.map { ($0.visit, $0.carers.sorted()) })
        let sameCall = try c.db.query(
            """
            SELECT v.id AS visit, p.id AS before FROM visits v
            JOIN visits p ON p.package_visit_id = v.package_visit_id AND p.local_date = v.local_date - 7
            """
        ).rows.reduce(into: [String: String]()) { $0[String(try $1.decode("visit", as: Int.self))] = String(try $1.decode("before", as: Int.self)) }
        for visit in second.problem.visits {
            #expect(visit.previousCarers == sameCall[visit.id].flatMap { lastWeek[$0] } ?? [], "\(visit.id)")
        }
        #expect(second.problem.visits.filter { !$0.previousCarers.isEmpty }.count > second.problem.visits.count / 2)
        #expect(try RosterWorkflow.publish(c.db, hub: "STAF", week: week2, version: 1, force: false, actor: "test") == nil)
    }
}
