import CareModel
import CareStore
import CareTestSupport
import Foundation
import Testing

/// A subject access export (migration 0032) holds every row about the person, from every table
/// that names a client, and nothing about anyone else cared for; only an administrator may make
/// one, and making one is recorded.
@Suite("Subject access export")
struct SubjectAccessTests {
    /// Each table with a `client_id` column and the export's section that lists its rows.
    static let sections: [String: String] = [
        "care_packages": "care_packages", "client_absences": "absences", "client_carer_relations": "carer_preferences",
        "client_records": "record", "client_notes": "notes", "client_leads": "lead_professionals", "visits": "visits",
        "hospital_discharges": "hospital_discharges", "record_access_grants": "break_glass", "care_plan_items": "care_plan",
        "journey_episodes": "journey", "handovers": "handovers",
    ]

    /// Gives `client` a row in every table about a person, with `marker` in its free text.
    static func fill(_ s: PractitionerAccessTests.Setting, _ client: String, marker: String, nhs: String, discharge: String) throws {
        let owner = s.c.owner
        var record = ClientRecordAccessTests.record(client, nhs: nhs)
        record.whatMatters = "\(marker) matters"
        try ClientRecordRepository(owner).upsert(record)
        _ = try ClientNoteRepository(owner).add(clientExternalID: client, body: "\(marker) note")
        try CarePlanRepository(owner).replace(CarePlan(clientID: client, items: [.init(kind: .meal, description: "\(marker) soup")]))
        try DischargeRepository(owner).upsert(
            HospitalDischarge(
                externalID: discharge, hubCode: "STAF", clientID: client, ageAtDischarge: 80, dischargeReady: nil,
                discharged: LocalDate(iso: "2026-11-20")!, pathway: 1, reablementStart: nil, statusAt91: nil))
        let journeys = JourneyRepository(owner)
        try journeys.add(
            JourneyEpisode(kind: .reablement, startedAt: Instant(rfc3339: "2026-11-20T12:00:00Z")!, dischargeID: discharge, goals: "\(marker) goals"),
            clientExternalID: client)
        let manager = try s.c.connection(.manager)
        try manager.transaction { db in
            try LeadRepository(db).assign(clientExternalID: client, personEmail: "manager@staf.example")
            _ = try JourneyRepository(db).handOver(clientExternalID: client, toEmail: "nia@staf.example", note: "\(marker) handover")
        }
        try VisitPlanner(owner).recordAway(
            clientID: client, first: LocalDate(iso: "2026-12-10")!, last: LocalDate(iso: "2026-12-11")!, reason: "hospital")
        try owner.execute(
            """
            INSERT INTO client_carer_relations (client_id, carer_id, relation)
            SELECT c.id, (SELECT min(k.id) FROM carers k WHERE k.hub_id = c.hub_id), 'preferred' FROM clients c WHERE c.external_id = \(client)
            ON CONFLICT DO NOTHING
            """)
        _ = try s.nurse.transaction { db in
            try RecordAccessRepository(db).breakGlass(clientExternalID: client, reason: "\(marker) emergency at home", minutes: 30)
        }
    }

    @Test func everyRowAboutThePersonAndNothingElse() throws {
        let s = try PractitionerAccessTests.Setting()
        let a = s.noConsent
        let b = s.consented
        try Self.fill(s, a, marker: "ALPHA", nhs: "9434765919", discharge: "D-A")
        try Self.fill(s, b, marker: "BRAVO", nhs: "4010232137", discharge: "D-B")
        let admin = try s.c.connection(.admin)
        let json = try #require(try admin.transaction { db in try SubjectAccessRepository(db).export(clientExternalID: a) })
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(document["format"] as? String == "carehub.subject-access/1")
        // Every table naming a client is exported, with every one of this person's rows.
        let tables: [String] = try s.c.owner.query(
            """
            SELECT c.table_name FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
            WHERE c.table_schema = 'public' AND c.column_name = 'client_id' AND t.table_type = 'BASE TABLE' AND c.table_name <> 'audit_log'
            ORDER BY 1
            """
        ).rows.map { try $0.decode("table_name") }
        #expect(Set(tables) == Set(Self.sections.keys), "a new table names clients: add it to carehub_subject_access")
        for table in tables {
            let name = try #require(SQLIdentifier(table))
            let rows = try AccessCounty.count(s.c.owner, "SELECT 1 FROM \(name) WHERE client_id = (SELECT id FROM clients WHERE external_id = \(a))")
            #expect(rows > 0, "\(table) has a row for the test")
            let section = document[Self.sections[table] ?? ""]
            let exported = (section as? [Any])?.count ?? (section is [String: Any] ? 1 : 0)
            #expect(exported == rows, "\(table)")
        }
        // This person's words are there; nothing of the other person's, nor any other client's id.
        for text in ["ALPHA matters", "ALPHA note", "ALPHA soup", "ALPHA goals", "ALPHA handover", "ALPHA emergency", "9434765919", a] {
            #expect(json.contains(text), "\(text)")
        }
        let others: [String] = try s.c.owner.query("SELECT external_id FROM clients WHERE external_id <> \(a)").rows.map {
            try $0.decode("external_id")
        }
        for text in ["BRAVO", "4010232137", "D-B"] + others.map({ "\"\($0)\"" }) { #expect(!json.contains(text), "\(text)") }
        // The audit trail is in it, and the export is recorded for the next one.
        #expect(((document["audit"] as? [[String: Any]]) ?? []).contains { $0["table"] as? String == "client_notes" })
        #expect(try AuditRepository(s.c.owner).entries(clientExternalID: a).contains { $0.action == "subject-access" })
        // Only an administrator may export: a manager and the practitioner are refused.
        for role in [PersonRole.manager, .practitioner, .hr] {
            let db = try s.c.connection(role)
            #expect(throws: AccessRefused.self, "\(role)") {
                try db.transaction { db in try SubjectAccessRepository(db).export(clientExternalID: a) }
            }
        }
    }
}
