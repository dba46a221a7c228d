import CareModel
import CareStore
import CareTestSupport
import Testing

/// `care_plan_items` (migration 0030) through the real policies: written whole by a manager of
/// the hub, read by a practitioner only when consent covers the plan, never by HR; and a carer's
/// own link shows the tasks of their visits in the next 24 hours and nothing more.
@Suite("Care plans")
struct CarePlanTests {
    static let plan: [CarePlan.Item] = [
        .init(kind: .access, description: "key safe 1234 by the back door"),
        .init(kind: .medicationPrompt, call: "am", description: "prompt the blister pack, 8am slot"),
        .init(kind: .personalCare, description: "strip wash; check heels"),
        .init(kind: .outcome, description: "makes her own breakfast again", reviewOn: LocalDate(iso: "2026-11-30")),
    ]

    @Test func writtenWholeReadWithConsentAudited() throws {
        let s = try PractitionerAccessTests.Setting()
        let manager = try s.c.connection(.manager)
        let plans = CarePlanRepository(manager)
        #expect(try plans.replace(CarePlan(clientID: s.consented, items: Self.plan)) == .new)
        #expect(try plans.replace(CarePlan(clientID: s.consented, items: Self.plan)) == .unchanged)
        var shorter = Array(Self.plan.prefix(3))
        shorter[2].description = "strip wash; check heels and sacrum"
        #expect(try plans.replace(CarePlan(clientID: s.consented, items: shorter)) == .updated)
        #expect(try manager.transaction { db in try CarePlanRepository(db).plan(clientExternalID: s.consented) }?.items == shorter)
        // Another hub's person: refused by the policy.
        let lich = try s.c.clients(hub: "LICH")[0]
        #expect(throws: (any Error).self) { try plans.replace(CarePlan(clientID: lich, items: Self.plan)) }
        let lichID: Int = try s.c.owner.query("SELECT id FROM clients WHERE external_id = \(lich)").rows[0].decode("id")
        #expect(throws: AccessRefused.self) {
            try manager.execute("INSERT INTO care_plan_items (client_id, position, kind, description) VALUES (\(lichID), 1, 'meal', 'x')")
        }
        // An item stays with its person: the client is not a column anyone may update.
        #expect(throws: AccessRefused.self) { try manager.execute("UPDATE care_plan_items SET client_id = client_id") }
        // The nurse: the consent covers the record only, so not the plan; with care_plan, she reads it.
        #expect(try s.nurse.transaction { db in try CarePlanRepository(db).plan(clientExternalID: s.consented) } == nil)
        #expect(try AccessCounty.count(s.nurse, "SELECT 1 FROM care_plan_items") == 0)
        try s.c.owner.execute("UPDATE client_records SET consent_covers = '{record,care_plan}' WHERE consent_covers IS NOT NULL")
        #expect(try s.nurse.transaction { db in try CarePlanRepository(db).plan(clientExternalID: s.consented) }?.items.count == 3)
        // HR and the commissioner: no privilege at all.
        for role in [PersonRole.hr, .commissioner] {
            #expect(throws: AccessRefused.self, "\(role)") { try s.c.connection(role).query("SELECT 1 FROM care_plan_items LIMIT 0") }
        }
        // The trail: the insert of four items, the update of one and the delete of one, and the reads.
        let trail = try AuditRepository(s.c.owner).entries(clientExternalID: s.consented).filter { $0.table == "care_plan_items" }
        #expect(trail.filter { $0.action == "insert" }.count == 4)
        #expect(trail.filter { $0.action == "update" }.map(\.changedColumns) == [["description"]])
        #expect(trail.filter { $0.action == "read" }.map(\.personEmail) == ["manager@staf.example", "nia@staf.example"])
    }

    /// A carer sees, through their link, the access notes and the tasks of the call they do in
    /// the next 24 hours; not the outcome, not the other call's task, not visits further ahead.
    @Test func aCarerSeesTheNext24HoursTasksOnly() throws {
        let c = try AccessCounty()
        let client = try c.clients(hub: "STAF")[0]
        let clientID: Int = try c.owner.query("SELECT id FROM clients WHERE external_id = \(client)").rows[0].decode("id")
        try CarePlanRepository(c.owner).replace(CarePlan(clientID: client, items: Self.plan + [.init(kind: .meal, call: "tea", description: "soup")]))
        // The client's first two visits become the "am" call, one starting in an hour, the other in two days.
        let visits: [Int] = try c.owner.query(
            "SELECT DISTINCT ON (local_date) id FROM visits WHERE client_id = \(clientID) ORDER BY local_date, window_start LIMIT 2"
        ).rows.map {
            try $0.decode("id")
        }
        try c.owner.execute(
            """
            UPDATE package_visits SET call_label = 'am' WHERE id IN (SELECT package_visit_id FROM visits WHERE id = ANY (\(visits)::bigint[]))
            """)
        let carer: Int = try c.owner.query(
            "SELECT min(k.id) AS id FROM carers k JOIN clients c ON c.hub_id = k.hub_id WHERE c.id = \(clientID)"
        ).rows[0].decode("id")
        let rosterID: Int = try c.owner.query(
            """
            INSERT INTO rosters (hub_id, iso_week, version, seed) SELECT hub_id, '2026-W48', 1, 1 FROM clients WHERE id = \(clientID)
            RETURNING id
            """
        ).rows[0].decode("id")
        try c.owner.execute(
            """
            INSERT INTO roster_assignments (roster_id, visit_id, carer_id, starts_at)
            VALUES (\(rosterID), \(visits[0]), \(carer), now() + interval '1 hour'), (\(rosterID), \(visits[1]), \(carer), now() + interval '2 days')
            """)
        try c.owner.execute("UPDATE rosters SET status = 'published', published_at = now() WHERE id = \(rosterID)")
        let external: String = try c.owner.query("SELECT external_id FROM carers WHERE id = \(carer)").rows[0].decode("external_id")
        let token = try #require(try CarerLinkRepository(try c.connection(.manager)).issue(carer: external))
        // Consent to share between health and social care does not govern the carer (social care,
        // giving the care): with it off and on, the same tasks and nothing of the record.
        var record = ClientRecordAccessTests.record(client, nhs: "9434765919")
        record.consent = nil
        try ClientRecordRepository(c.owner).upsert(record)
        let withoutConsent = try #require(try CarerLinkReader(c.owner).read(token: token, changes: 0, tasks: true))
        try ClientRecordRepository(c.owner).upsert(ClientRecordAccessTests.record(client, nhs: "9434765919"))
        let week = try #require(try CarerLinkReader(c.owner).read(token: token, changes: 0, tasks: true))
        #expect(week.visitTasks == withoutConsent.visitTasks)
        for text in week.rosters.map(\.problemText) + week.visitTasks.flatMap({ $0.items.map(\.description) }) {
            #expect(!text.contains("9434765919") && !text.contains("Tibbs") && !text.contains("kitchen drawer"))
        }
        #expect(week.visitTasks.map(\.visit) == [String(visits[0])])
        #expect(week.visitTasks.first?.items.map(\.kind) == [.access, .medicationPrompt, .personalCare])
        // The read is in the person's own trail.
        #expect(try AuditRepository(c.owner).entries(clientExternalID: client).contains { $0.action == "carer-link-read" })
        // Without asking (the calendar), none; through a revoked link, nothing at all.
        #expect(try CarerLinkReader(c.owner).read(token: token, changes: 0)?.visitTasks.isEmpty == true)
        #expect(try CarerLinkRepository(try c.connection(.manager)).revoke(carer: external))
        #expect(try CarerLinkReader(c.owner).read(token: token, changes: 0, tasks: true) == nil)
    }
}
