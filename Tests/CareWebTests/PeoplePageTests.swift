import CareModel
import CareStore
import CareTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The people pages (`/people`, `/people/{client}`) over `WebCounty`: a district nurse of STAF sees
/// who the hub's people are, a record only where consent covers it, adds notes where it covers
/// notes (errors beside the field), and accepts a handover to become a person's lead.
@Suite("People pages")
struct PeoplePageTests {
    /// STAF's first two clients: the first without consent, the second consenting to everything.
    static func setUp(_ county: WebCounty) throws -> (noConsent: String, consented: String) {
        let clients: [String] = try county.owner.query(
            "SELECT c.external_id FROM clients c JOIN hubs h ON h.id = c.hub_id WHERE h.code = 'STAF' ORDER BY 1 LIMIT 2"
        ).rows.map { try $0.decode("external_id") }
        for (client, consent) in [(clients[0], false), (clients[1], true)] {
            try ClientRecordRepository(county.owner).upsert(
                ClientRecord(
                    clientID: client, nhsNumber: NHSNumber(consent ? "4010232137" : "9434765919"), whatMatters: "\(client) matters",
                    consent: consent
                        ? .init(covers: [.record, .carePlan, .notes], recordedBy: "A. Nurse", recordedOn: try #require(LocalDate(iso: "2026-11-02")))
                        : nil))
            try CarePlanRepository(county.owner).replace(CarePlan(clientID: client, items: [.init(kind: .meal, description: "\(client) soup")]))
        }
        return (clients[0], clients[1])
    }

    @Test func consentDecidesWhatTheNurseSees() async throws {
        let county = try WebCounty()
        let (noConsent, consented) = try Self.setUp(county)
        let lich: String = try county.owner.query(
            "SELECT c.external_id FROM clients c JOIN hubs h ON h.id = c.hub_id WHERE h.code = 'LICH' ORDER BY 1 LIMIT 1"
        ).rows[0].decode("external_id")
        try await county.app().test(.router) { http in
            let nurse = try await WebVisitor.signIn(http, WebCounty.email(.practitioner))
            let list = try await nurse.get("/people")
            #expect(list.status == .ok && list.body.contains("STAF&#39;s people") || list.body.contains("STAF's people"))
            #expect(list.body.contains(#"href="/people/\#(noConsent)""#) && list.body.contains("needs a lead"))
            // Without consent: who they are, and nothing of the record, plan or notes.
            let closed = try await nurse.get("/people/\(noConsent)")
            #expect(closed.status == .ok && closed.body.contains("Not shared with you"))
            #expect(!closed.body.contains("943 476 5919") && !closed.body.contains("\(noConsent) matters") && !closed.body.contains("soup"))
            #expect(!closed.body.contains("note-form"))
            // With consent: the record, the plan, and the note form.
            let open = try await nurse.get("/people/\(consented)")
            #expect(open.body.contains("401 023 2137") && open.body.contains("\(consented) soup") && open.body.contains("note-form"))
            // An empty note is answered beside the field; a good one is added as hers.
            let empty = try await nurse.post("/people/\(consented)/notes", ["body": "  "], tokenFrom: "/people/\(consented)")
            #expect(empty.status == .unprocessableContent && empty.body.contains(#"id="note-error""#))
            let bad = try await nurse.post("/people/\(consented)/notes", ["body": "dressing", "corrects": "999"], tokenFrom: "/people/\(consented)")
            #expect(bad.status == .unprocessableContent && bad.body.contains("not an earlier note") && bad.body.contains(">dressing</textarea>"))
            let added = try await nurse.post("/people/\(consented)/notes", ["body": "Dressing changed"], tokenFrom: "/people/\(consented)")
            #expect(added.status == .seeOther)
            let after = try await nurse.get("/people/\(consented)")
            #expect(after.body.contains("Dressing changed") && after.body.contains("Test practitioner (practitioner, community nursing)"))
            // Posting to the person without consent is refused by the database.
            let refused = try await nurse.post("/people/\(noConsent)/notes", ["body": "visited"], tokenFrom: "/people/\(consented)")
            #expect(refused.status == .forbidden)
            // Another hub's person is not there for her.
            #expect(try await nurse.get("/people/\(lich)").status == .notFound)
        }
        // Each page read the record through the audited path.
        let reads: Int = try county.owner.query(
            """
            SELECT count(*) AS n FROM audit_log a JOIN people p ON p.id = a.person_id
            WHERE p.email = \(WebCounty.email(.practitioner)) AND a.action = 'read'
            """
        ).rows[0].decode("n")
        #expect(reads > 0)
    }

    @Test func theReceiverAcceptsAHandoverAndLeads() async throws {
        let county = try WebCounty()
        let (noConsent, _) = try Self.setUp(county)
        let manager = try county.test.connect()
        manager.actingPerson = try PeopleRepository(county.owner).activePerson(email: WebCounty.email(.manager))
        let id = try manager.transaction { db in
            try JourneyRepository(db).handOver(clientExternalID: noConsent, toEmail: WebCounty.email(.practitioner), note: "home from hospital")
        }
        try await county.app().test(.router) { http in
            let managerVisitor = try await WebVisitor.signIn(http, WebCounty.email(.manager))
            let week = try await managerVisitor.get("/hubs/STAF/weeks/2026-W48")
            #expect(week.body.contains(#"id="handovers-waiting""#))
            // The manager may not accept a handover made to the nurse.
            #expect(try await managerVisitor.post("/handovers/\(id)/accept", [:]).status == .notFound)
            let nurse = try await WebVisitor.signIn(http, WebCounty.email(.practitioner))
            let list = try await nurse.get("/people")
            #expect(list.body.contains(#"id="accept-\#(id)""#))
            let accepted = try await nurse.post("/handovers/\(id)/accept", [:], tokenFrom: "/people")
            #expect(accepted.status == .seeOther)
            let caseload = try await nurse.get("/people")
            #expect(caseload.body.contains(#"<ul id="caseload-list">"#) && caseload.body.contains(#"href="/people/\#(noConsent)""#))
            // As the lead she reaches the whole record, consent or not.
            let record = try await nurse.get("/people/\(noConsent)")
            #expect(record.body.contains("943 476 5919") && record.body.contains("Test practitioner, since"))
        }
    }

    /// The forms to hand over and to record an episode, answered beside their fields.
    @Test func handOverAndRecordAnEpisodeFromThePage() async throws {
        let county = try WebCounty()
        let (noConsent, consented) = try Self.setUp(county)
        try await county.app().test(.router) { http in
            let manager = try await WebVisitor.signIn(http, WebCounty.email(.manager))
            let page = try await manager.get("/people/\(noConsent)")
            #expect(page.body.contains("handover-form") && page.body.contains(#"<option value="\#(WebCounty.email(.practitioner))">"#))
            let wrong = try await manager.post("/people/\(noConsent)/handover", ["to": "nobody@web.example"], tokenFrom: "/people/\(noConsent)")
            #expect(wrong.status == .unprocessableContent && wrong.body.contains(#"id="handover-error""#))
            #expect(wrong.body.contains(#"value="nobody@web.example""#))
            let done = try await manager.post(
                "/people/\(noConsent)/handover", ["to": WebCounty.email(.practitioner), "note": "home from hospital"],
                tokenFrom: "/people/\(noConsent)")
            #expect(done.status == .seeOther)
            // The nurse, not the lead, is offered no handover form; she accepts from the page.
            let nurse = try await WebVisitor.signIn(http, WebCounty.email(.practitioner))
            let hers = try await nurse.get("/people/\(noConsent)")
            #expect(!hers.body.contains("handover-form") && hers.body.contains("Accept and become the lead"))
            // Episodes: refused beside the field without a time, or with goals on an admission; recorded otherwise.
            let path = "/people/\(consented)/episodes"
            let noTime = try await nurse.post(path, ["kind": "hospital_admission", "at": ""], tokenFrom: "/people/\(consented)")
            #expect(noTime.status == .unprocessableContent && noTime.body.contains(#"id="episode-error""#))
            let goals = try await nurse.post(
                path, ["kind": "hospital_admission", "at": "2026-11-20T10:30", "goals": "walk again"], tokenFrom: "/people/\(consented)")
            #expect(goals.status == .unprocessableContent && goals.body.contains("Goals belong to reablement only."))
            let recorded = try await nurse.post(path, ["kind": "hospital_admission", "at": "2026-11-20T10:30"], tokenFrom: "/people/\(consented)")
            #expect(recorded.status == .seeOther)
            let journey = try await nurse.get("/people/\(consented)")
            #expect(journey.body.contains("2026-11-20T10:30:00Z</td><td>hospital admission"))
            // Without consent to the record, the journey is not hers to write.
            let refused = try await nurse.post(
                "/people/\(noConsent)/episodes", ["kind": "hospital_admission", "at": "2026-11-20T10:30"], tokenFrom: "/people/\(consented)")
            #expect(refused.status == .forbidden)
        }
    }

    /// In Chromium: the nurse signs in (with her second factor), opens a person from her list,
    /// and adds a note through the form.
    @Test func inTheBrowser() async throws {
        let county = try WebCounty()
        let (_, consented) = try Self.setUp(county)
        try await county.app().test(.live) { client in
            let base = "http://127.0.0.1:\(try #require(client.port))"
            let browser = try await Browser(width: 900, height: 1000)
            do {
                try await BrowserTests.signIn(browser, base, WebCounty.email(.practitioner))
                try await browser.open(base + "/people")
                try await browser.click("a[href='/people/\(consented)']")
                try await browser.wait(for: "#note-body")
                try await browser.click("form.note-form button[type=submit]")
                try await browser.wait(for: "#note-error")
                try await browser.type("#note-body", "Seen at home; eating well")
                try await browser.click("form.note-form button[type=submit]")
                try await browser.wait(for: "p.notice")
                #expect(try await browser.texts("ol.notes li p").contains("Seen at home; eating well"))
                try BrowserTests.save(try await browser.screenshot(), "person.png")
                await browser.close()
            } catch {
                await browser.close()
                throw error
            }
        }
    }
}
