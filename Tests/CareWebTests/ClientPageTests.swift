import CareModel
import CareReports
import CareRostering
import CareStore
import CareTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// The client page `/hubs/{hub}/weeks/{week}/clients/{client}` over `WebCounty`.
@Suite("Client page")
struct ClientPageTests {
    /// A STAF client with visits in 2026-W48.
    static func stafClient(_ county: WebCounty) throws -> String {
        try county.owner.query(
            """
            SELECT c.external_id FROM clients c JOIN hubs h ON h.id = c.hub_id
            WHERE h.code = 'STAF' AND EXISTS (SELECT 1 FROM visits v WHERE v.client_id = c.id) ORDER BY 1 LIMIT 1
            """
        ).rows[0].decode("external_id")
    }

    /// Reads of the client's record in the audit trail.
    static func reads(_ county: WebCounty, _ client: String) throws -> Int {
        try county.owner.query(
            "SELECT count(*) AS n FROM audit_log WHERE action = 'read' AND client_id = (SELECT id FROM clients WHERE external_id = \(client))"
        ).rows[0].decode("n")
    }

    /// The manager sees who comes when from the published roster, with as many different carers
    /// as the roster gives the client, each linking to their carer page, and the shared record
    /// (risks first); the view and the record read are both audited.
    @Test func managerSeesTheClientsWeek() async throws {
        let county = try WebCounty()
        let client = try Self.stafClient(county)
        try ClientRecordRepository(county.owner).upsert(
            ClientRecord(
                clientID: client, nhsNumber: NHSNumber("9434765919"), nextOfKin: "Jo <daughter>", whatMatters: "her cat",
                risks: .init(hoist: true, allergies: "latex", dnacprLocation: "hall table"),
                consent: .init(covers: [.record, .carePlan], recordedBy: "A. Nurse", recordedOn: try #require(LocalDate(iso: "2026-11-02")))))
        let notes = ClientNoteRepository(county.owner)
        let first = try #require(try notes.add(clientExternalID: client, body: "Fell <in> the kitchen"))
        let fix = try #require(try notes.add(clientExternalID: client, body: "In the hall", corrects: first))
        let stored = try #require(try RosterRepository(county.owner).find(hub: "STAF", week: county.week, documents: .hub))
        let (problem, roster) = try RosterWorkflow.documents(stored)
        let lines = try #require(RosterReview(problem: problem, roster: roster).clientVisits(client))
        let carers = Set(lines.flatMap(\.carers))
        try await county.app().test(.router) { http in
            let visitor = try await WebVisitor.signIn(http, WebCounty.email(.manager))
            let page = try await visitor.get("/hubs/STAF/weeks/2026-W48/clients/\(client)")
            #expect(page.status == .ok)
            #expect(page.body.contains("This week: 2026-W48") && page.body.contains("published roster, version 1"))
            #expect(page.body.contains(#"<strong id="distinct-carers">\#(carers.count)</strong>"#))
            for carer in carers { #expect(page.body.contains(#"href="/hubs/STAF/weeks/2026-W48/carers/\#(carer)""#)) }
            #expect(page.body.contains("No roster for last week."))
            #expect(page.body.components(separatedBy: "<tr><td>").count - 1 == lines.count + lines.filter { $0.unassignedReason != nil }.count)
            #expect(page.body.contains("Time windows"))
            #expect(page.body.contains(#"<p id="record-risks"><strong>Risks:</strong> Hoist; Allergies: latex; DNACPR held: hall table</p>"#))
            #expect(page.body.contains(#"<td id="record-nhs">943 476 5919</td>"#))
            #expect(page.body.contains(#"<td id="record-kin">Jo &lt;daughter&gt;</td>"#))
            #expect(page.body.contains(#"<td id="record-gp">not recorded</td>"#))
            #expect(page.body.contains(#"<td id="record-consent">record, care plan; recorded by A. Nurse on 2026-11-02</td>"#))
            #expect(page.body.contains(##"<li id="note-\##(first)"><p class="muted">administration login"##))
            #expect(page.body.contains(##"corrected by <a href="#note-\##(fix)">note \##(fix)</a>"##))
            #expect(page.body.contains("<p>Fell &lt;in&gt; the kitchen</p>"))
        }
        // One read of the client's week, one of their record, one of their notes.
        #expect(try Self.reads(county, client) == 3)
    }

    /// Another hub's manager gets 404, and so does the right manager under another hub's address;
    /// neither is recorded as a read. An unknown week and a week without a roster are 404 too.
    @Test func otherHubsAndUnknownWeeksAreNotFound() async throws {
        let county = try WebCounty()
        let client = try Self.stafClient(county)
        try await county.app().test(.router) { http in
            let cannock = try await WebVisitor.signIn(http, "cann-manager@web.example")
            #expect(try await cannock.get("/hubs/STAF/weeks/2026-W48/clients/\(client)").status == .notFound)
            #expect(try await cannock.get("/hubs/CANN/weeks/2026-W48/clients/\(client)").status == .notFound)
            let manager = try await WebVisitor.signIn(http, WebCounty.email(.manager))
            #expect(try await manager.get("/hubs/CANN/weeks/2026-W48/clients/\(client)").status == .notFound)
            for week in ["2026-W99", "2026-48", "2026-W50"] {
                let page = try await manager.get("/hubs/STAF/weeks/\(week)/clients/\(client)")
                #expect(page.status == .notFound, "\(week)")
                #expect(!page.body.contains(client))
            }
            #expect(try await manager.get("/hubs/STAF/weeks/2026-W48/clients/NO-SUCH").status == .notFound)
        }
        #expect(try Self.reads(county, client) == 0)
    }

    /// HR may not open a client page (403); the scheduler may, and the read is recorded; the
    /// scheduler's page has no record section (only managers may read shared records).
    @Test func hrIsRefusedAndSchedulerMayRead() async throws {
        let county = try WebCounty()
        let client = try Self.stafClient(county)
        try await county.app().test(.router) { http in
            let hr = try await WebVisitor.signIn(http, WebCounty.email(.hr))
            #expect(try await hr.get("/hubs/STAF/weeks/2026-W48/clients/\(client)").status == .forbidden)
            let commissioner = try await WebVisitor.signIn(http, WebCounty.email(.commissioner))
            #expect(try await commissioner.get("/hubs/STAF/weeks/2026-W48/clients/\(client)").status == .forbidden)
            let scheduler = try await WebVisitor.signIn(http, WebCounty.email(.scheduler))
            let page = try await scheduler.get("/hubs/STAF/weeks/2026-W48/clients/\(client)")
            #expect(page.status == .ok && !page.body.contains("client-record"))
        }
        #expect(try Self.reads(county, client) == 1)
    }

    /// Without a published roster the page shows the newest draft, labelled as one.
    @Test func draftIsLabelled() async throws {
        let county = try WebCounty(publish: false)
        let client = try Self.stafClient(county)
        try await county.app().test(.router) { http in
            let manager = try await WebVisitor.signIn(http, WebCounty.email(.manager))
            let page = try await manager.get("/hubs/STAF/weeks/2026-W48/clients/\(client)")
            #expect(page.status == .ok && page.body.contains("draft version 1, not published"))
        }
    }
}
