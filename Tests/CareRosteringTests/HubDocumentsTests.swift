import CareModel
import CareReports
import CareRostering
import CareStore
import CareTestSupport
import Foundation
import Testing

/// Each hub of a run over several hubs keeps its own slice of the run's documents, and every
/// view of the hub reads the same from the slice as from the whole: the slice is a speed-up,
/// never a different answer.
@Suite("Hub documents of a multi-hub run")
struct HubDocumentsTests {
    @Test func everyViewOfAHubReadsTheSameFromItsSlice() throws {
        let c = try SeededCounty()
        _ = try VisitPlanner(c.db).plan(week: c.week)
        let lent = try c.count("SELECT count(*) AS n FROM carer_lendable_hubs")
        #expect(lent > 0, "the sample county lends carers between its two hubs, so both are solved as one problem")
        let run = try RosterWorkflow.generate(c.db, hubs: ["STAF", "CANN"], week: c.week, search: .init(seed: 3, iterations: 80), actor: "test")
        #expect(run.groups.count == 1)
        let repo = RosterRepository(c.db)
        for hub in ["STAF", "CANN"] {
            try RosterWorkflow.publish(c.db, hub: hub, week: c.week, version: 1, force: false, actor: "test")
            let whole = try #require(try repo.find(hub: hub, week: c.week, documents: .whole))
            let slice = try #require(try repo.find(hub: hub, week: c.week, documents: .hub))
            #expect(whole.hubs == ["CANN", "STAF"] && slice.hubs == whole.hubs)
            #expect(slice.problemText.utf8.count < whole.problemText.utf8.count)

            let (wholeProblem, wholeRoster) = try RosterWorkflow.documents(whole)
            let (sliceProblem, sliceRoster) = try RosterWorkflow.documents(slice)
            #expect(sliceRoster == wholeRoster)
            #expect(sliceProblem.clients.allSatisfy { $0.hub == hub })
            #expect(
                Set(sliceProblem.visits.map(\.id))
                    == Set(wholeProblem.visits.filter { v in sliceProblem.clients.contains { $0.id == v.client } }.map(\.id)))
            #expect(!sliceProblem.visits.isEmpty && sliceProblem.visits.count < wholeProblem.visits.count)

            // The hub's review, its client and carer weeks, and its hand-out: the same text.
            let wholeReview = RosterReview(problem: wholeProblem, roster: wholeRoster, hub: hub)
            let sliceReview = RosterReview(problem: sliceProblem, roster: sliceRoster, hub: hub)
            #expect(sliceReview.summary() == wholeReview.summary())
            #expect(sliceReview.contractTable() == wholeReview.contractTable())
            #expect(
                WorkingTimeWarnings.text(problem: sliceProblem, roster: sliceRoster)
                    == WorkingTimeWarnings.text(problem: wholeProblem, roster: wholeRoster))
            let client = try #require(sliceProblem.clients.first?.id)
            #expect(sliceReview.clientWeek(client) == wholeReview.clientWeek(client))
            let wholeHandout = try RosterWorkflow.handout(c.db, whole)
            let sliceHandout = try RosterWorkflow.handout(c.db, slice)
            #expect(sliceHandout.carers == wholeHandout.carers && !sliceHandout.carers.isEmpty)
            for carer in sliceHandout.carers {
                #expect(sliceReview.carerWeek(carer) == wholeReview.carerWeek(carer))
                #expect(
                    ICalendar.calendar(sliceHandout, carer: carer, stamp: slice.createdAt)
                        == ICalendar.calendar(wholeHandout, carer: carer, stamp: whole.createdAt))
                #expect(PrintableSheets.carerSheet(sliceHandout, carer: carer) == PrintableSheets.carerSheet(wholeHandout, carer: carer))
            }
            #expect(PrintableSheets.hubOverview(sliceHandout) == PrintableSheets.hubOverview(wholeHandout))
            #expect(
                try RosterCSV.assignments(problem: sliceProblem, roster: sliceRoster)
                    == RosterCSV.assignments(problem: wholeProblem, roster: wholeRoster))
        }
    }

    /// A manager acting for STAF reads STAF's slice of a two-hub run, never the whole run's
    /// documents (which hold CANN's clients); and a change in CANN leaves STAF's draft fresh
    /// while CANN's goes stale.
    @Test func aManagerReadsOnlyTheirHubsSliceAndStalenessIsPerHub() throws {
        let c = try SeededCounty()
        _ = try VisitPlanner(c.db).plan(week: c.week)
        let run = try RosterWorkflow.generate(c.db, hubs: ["STAF", "CANN"], week: c.week, search: .init(seed: 2, iterations: 40), actor: "test")
        #expect(run.groups.count == 1)
        let people = PeopleRepository(c.db)
        _ = try people.add(name: "Mia Stafford", email: "mia@staf.example", role: .manager, hubCodes: ["STAF"])
        let manager = try c.test.connect()
        manager.actingPerson = try people.activePerson(email: "mia@staf.example")

        let whole = try #require(try RosterRepository(c.db).find(hub: "STAF", week: c.week, documents: .whole))
        #expect(!whole.isHubSlice && whole.problemText.contains("\"CANN\""))
        let seen = try #require(try RosterRepository(manager).find(hub: "STAF", week: c.week, documents: .whole))
        #expect(seen.isHubSlice)
        let (problem, _) = try RosterWorkflow.documents(seen)
        #expect(problem.clients.allSatisfy { $0.hub == "STAF" } && !problem.clients.isEmpty)
        let wholeDigest: String = try c.db.query(
            "SELECT problem_digest FROM roster_files f JOIN rosters r ON r.id = f.roster_id JOIN hubs h ON h.id = r.hub_id WHERE h.code = 'STAF'"
        ).rows[0].decode("problem_digest")
        #expect(try manager.query("SELECT count(*) AS n FROM roster_documents WHERE digest = \(wholeDigest)").rows[0].decode("n") == 0)

        // Cancel one of CANN's visits: CANN's draft is stale, STAF's is not.
        try c.db.execute(
            """
            UPDATE visits SET status = 'cancelled' WHERE id = (SELECT min(v.id) FROM visits v JOIN clients cl ON cl.id = v.client_id
                                                                JOIN hubs h ON h.id = cl.hub_id WHERE h.code = 'CANN')
            """)
        try RosterWorkflow.publish(manager, hub: "STAF", week: c.week, version: 1, force: false, actor: "mia@staf.example")
        #expect(try RosterRepository(c.db).published(hub: "STAF", week: c.week) == 1)
        let refusal = #expect(throws: RosterRefusal.self) {
            try RosterWorkflow.publish(c.db, hub: "CANN", week: c.week, version: 1, force: false, actor: "test")
        }
        #expect(refusal?.description.contains("stale") == true)
    }

    /// A run of one hub stores no slice: its documents are already its own.
    @Test func aSingleHubRunHasNoSlice() throws {
        let c = try SeededCounty()
        _ = try VisitPlanner(c.db).plan(week: c.week)
        _ = try RosterWorkflow.generate(c.db, hubs: ["STAF"], week: c.week, search: .init(seed: 1, iterations: 20), actor: "test")
        #expect(try c.count("SELECT count(*) AS n FROM roster_files WHERE hub_problem_digest IS NOT NULL") == 0)
        let repo = RosterRepository(c.db)
        let whole = try #require(try repo.find(hub: "STAF", week: c.week, documents: .whole))
        let slice = try #require(try repo.find(hub: "STAF", week: c.week, documents: .hub))
        #expect(slice.problemText == whole.problemText && slice.rosterText == whole.rosterText)
    }
}
