import CareModel
import CareStore
import CareTestSupport
import Testing

/// The legitimate relationship (migration 0029) through the real policies: health staff of the
/// hub see who the hub's people are and only what consent covers; social care practitioners of
/// the hub see the record; a lead sees their people wherever they go; break-glass opens one record
/// for a while and waits for review; HR and commissioners reach nothing.
@Suite("Practitioners: consent, leads and break-glass")
struct PractitionerAccessTests {
    /// The county with a district nurse in STAF, a record without consent for STAF's first
    /// client and one whose consent covers the record (not notes) for the second.
    struct Setting {
        let c: AccessCounty
        let noConsent: String
        let consented: String
        let nurse: Connection

        init() throws {
            c = try AccessCounty()
            let staf = try c.clients(hub: "STAF")
            noConsent = staf[0]
            consented = staf[1]
            let people = PeopleRepository(c.owner)
            try people.add(name: "Nia Nurse", email: "nia@staf.example", role: .practitioner, hubCodes: ["STAF"], service: .communityNursing)
            nurse = try c.test.connect()
            nurse.actingPerson = try people.activePerson(email: "nia@staf.example")
            var record = ClientRecordAccessTests.record(noConsent)
            record.consent = nil
            try ClientRecordRepository(c.owner).upsert(record)
            record = ClientRecordAccessTests.record(consented)
            record.consent = .init(covers: [.record], recordedBy: "A. Nurse", recordedOn: LocalDate(iso: "2026-11-02")!)
            try ClientRecordRepository(c.owner).upsert(record)
            for client in [noConsent, consented] { _ = try ClientNoteRepository(c.owner).add(clientExternalID: client, body: "seen today") }
        }

        func connection(email: String) throws -> Connection {
            let db = try c.test.connect()
            db.actingPerson = try PeopleRepository(c.owner).activePerson(email: email)
            return db
        }
    }

    @Test func consentGovernsWhatHealthStaffSee() throws {
        let s = try Setting()
        let access = RecordAccessRepository(s.nurse)
        // Who the hub's people are, and nothing of another hub.
        #expect(try AccessCounty.count(s.nurse, "SELECT 1 FROM clients") == 6)
        #expect(try access.reach(clientExternalID: try s.c.clients(hub: "LICH")[0]) == nil)
        #expect(throws: AccessRefused.self) { try s.nurse.query("SELECT latitude FROM clients LIMIT 0") }
        // No consent: the person only; consent to the record: the record, not the notes.
        #expect(try access.reach(clientExternalID: s.noConsent) == RecordReach(person: true, record: false, carePlan: false, notes: false))
        #expect(try access.reach(clientExternalID: s.consented) == RecordReach(person: true, record: true, carePlan: false, notes: false))
        #expect(try s.nurse.transaction { db in try ClientRecordRepository(db).record(clientExternalID: s.noConsent) } == nil)
        let read = try s.nurse.transaction { db in try ClientRecordRepository(db).record(clientExternalID: s.consented) }
        #expect(read?.whatMatters == "her cat, Tibbs")
        #expect(try AccessCounty.count(s.nurse, "SELECT 1 FROM client_records") == 1)
        #expect(try AccessCounty.count(s.nurse, "SELECT 1 FROM client_notes") == 0)
        // Writing a note needs the notes part too: refused by the policy for both.
        for client in [s.noConsent, s.consented] {
            #expect(throws: AccessRefused.self) {
                try s.nurse.transaction { db in try ClientNoteRepository(db).add(clientExternalID: client, body: "visited") }
            }
        }
        // Consent widened to notes: she reads them and writes hers, as herself.
        try s.c.owner.execute(
            """
            UPDATE client_records SET consent_covers = '{record,notes}'
            WHERE client_id = (SELECT id FROM clients WHERE external_id = \(s.consented))
            """)
        #expect(try AccessCounty.count(s.nurse, "SELECT 1 FROM client_notes") == 1)
        let id = try s.nurse.transaction { db in try ClientNoteRepository(db).add(clientExternalID: s.consented, body: "dressing changed") }
        let note = try #require(try ClientNoteRepository(s.nurse).notes(clientExternalID: s.consented).first { $0.id == id })
        #expect(note.authorName == "Nia Nurse" && note.authorRole == "practitioner" && note.authorService == .communityNursing)
        // Consent withdrawn: gone at her next statement.
        try s.c.owner.execute(
            "UPDATE client_records SET consent_covers = NULL, consent_recorded_by = NULL, consent_recorded_on = NULL WHERE consent_covers IS NOT NULL"
        )
        #expect(try AccessCounty.count(s.nurse, "SELECT 1 FROM client_records") == 0)
        // A social care practitioner of the hub (AccessCounty's) reaches both records without consent.
        let socialWorker = try s.c.connection(.practitioner)
        #expect(try AccessCounty.count(socialWorker, "SELECT 1 FROM client_records") == 2)
        // Only reads the database let happen were recorded: the consented record, then its notes.
        let reads = try AuditRepository(s.c.owner).entries(personEmail: "nia@staf.example").filter { $0.action == "read" }
        #expect(reads.map(\.table) == ["client_records", "client_notes"])
        // Nobody writes reads into the trail of a person they do not reach, by calling the recorders directly.
        let lichID: Int = try s.c.owner.query("SELECT min(c.id) AS id FROM clients c JOIN hubs h ON h.id = c.hub_id WHERE h.code = 'LICH'")
            .rows[0].decode("id")
        let before = try AccessCounty.count(s.c.owner, "SELECT 1 FROM audit_log WHERE client_id = \(lichID)")
        for recorder in ["carehub_record_client_read", "carehub_record_notes_read", "carehub_record_care_plan_read"] {
            let name = try #require(SQLIdentifier(recorder))
            try s.c.connection(.manager).execute("SELECT \(name)(\(lichID))")
            try s.nurse.execute("SELECT \(name)(\(lichID))")
        }
        #expect(try AccessCounty.count(s.c.owner, "SELECT 1 FROM audit_log WHERE client_id = \(lichID)") == before)
        // HR, the commissioner and the scheduler reach no record, and cannot even ask.
        for role in [PersonRole.hr, .commissioner, .scheduler] {
            let db = try s.c.connection(role)
            #expect(throws: AccessRefused.self, "\(role)") { try RecordAccessRepository(db).reach(clientExternalID: s.consented) }
            #expect(throws: AccessRefused.self, "\(role)") { try db.query("SELECT 1 FROM client_records LIMIT 0") }
        }
    }

    @Test func aLeadSeesTheirPeopleWhereverTheyAre() throws {
        let s = try Setting()
        let manager = try s.c.connection(.manager)
        try manager.transaction { db in try LeadRepository(db).assign(clientExternalID: s.noConsent, personEmail: "nia@staf.example") }
        #expect(try RecordAccessRepository(s.nurse).reach(clientExternalID: s.noConsent) == .everything)
        #expect(try ClientNoteRepository(s.nurse).notes(clientExternalID: s.noConsent).count == 1)
        // The person moves to LICH: the lead still reaches them; STAF's social worker no longer does.
        try s.c.owner.execute("UPDATE clients SET hub_id = \(try s.c.hubID("LICH")) WHERE external_id = \(s.noConsent)")
        #expect(try RecordAccessRepository(s.nurse).reach(clientExternalID: s.noConsent) == .everything)
        #expect(try s.nurse.transaction { db in try ClientRecordRepository(db).record(clientExternalID: s.noConsent) } != nil)
        #expect(try s.nurse.transaction { db in try ClientNoteRepository(db).add(clientExternalID: s.noConsent, body: "handed over") } != nil)
        #expect(try RecordAccessRepository(try s.c.connection(.practitioner)).reach(clientExternalID: s.noConsent) == nil)
        // Nor does she reach LICH's other people.
        #expect(try AccessCounty.count(s.nurse, "SELECT 1 FROM clients c JOIN hubs h ON h.id = c.hub_id WHERE h.code = 'LICH'") == 1)
        // Once she has left every hub, leading no longer reaches them; disabled, she reaches no one.
        try s.c.owner.execute("DELETE FROM person_hubs WHERE person_id = (SELECT id FROM people WHERE email = 'nia@staf.example')")
        #expect(try RecordAccessRepository(s.nurse).reach(clientExternalID: s.noConsent) == nil)
        _ = try PeopleRepository(s.c.owner).disable(email: "nia@staf.example")
        #expect(throws: (any Error).self) { try RecordAccessRepository(s.nurse).reach(clientExternalID: s.noConsent) }
    }

    @Test func breakGlassOpensOneRecordForAWhileAndWaitsForReview() throws {
        let s = try Setting()
        let lich = try s.c.clients(hub: "LICH")[0]
        try ClientRecordRepository(s.c.owner).upsert(ClientRecordAccessTests.record(lich))
        let access = RecordAccessRepository(s.nurse)
        #expect(try access.reach(clientExternalID: lich) == nil)
        #expect(throws: BreakGlassError.reasonTooShort) { try access.breakGlass(clientExternalID: lich, reason: " help ", minutes: 60) }
        #expect(throws: BreakGlassError.minutesOutOfRange(721)) {
            try access.breakGlass(clientExternalID: lich, reason: "collapsed at the day centre", minutes: 721)
        }
        #expect(
            try s.nurse.transaction { db in
                try RecordAccessRepository(db).breakGlass(clientExternalID: "P-NONE-9999", reason: "collapsed at home", minutes: 60)
            } == nil)
        let until = try s.nurse.transaction { db in
            try RecordAccessRepository(db).breakGlass(clientExternalID: lich, reason: "collapsed at the day centre", minutes: 30)
        }
        #expect(until != nil)
        #expect(try access.reach(clientExternalID: lich) == .everything)
        #expect(
            try s.nurse.transaction { db in try ClientRecordRepository(db).record(clientExternalID: lich) }?.risks.dnacprLocation == "kitchen drawer")
        // Read only: she may not write in it; and one open grant at a time.
        #expect(throws: AccessRefused.self) {
            try s.nurse.transaction { db in try ClientNoteRepository(db).add(clientExternalID: lich, body: "seen in A&E") }
        }
        #expect(throws: BreakGlassError.alreadyOpen) {
            try s.nurse.transaction { db in
                try RecordAccessRepository(db).breakGlass(clientExternalID: lich, reason: "still at the day centre", minutes: 30)
            }
        }
        // Only that person: LICH's others stay closed.
        #expect(try access.reach(clientExternalID: try s.c.clients(hub: "LICH")[1]) == nil)
        // Managers and HR cannot break the glass.
        for role in [PersonRole.manager, .hr] {
            let db = try s.c.connection(role)
            #expect(throws: AccessRefused.self, "\(role)") {
                try db.transaction { db in
                    try RecordAccessRepository(db).breakGlass(clientExternalID: lich, reason: "just looking around", minutes: 5)
                }
            }
        }
        // The administrator's review list shows it waiting, with the reason; one review closes it.
        let admin = try s.c.connection(.admin)
        let waiting = try RecordAccessRepository(admin).grants(waitingOnly: true)
        #expect(waiting.map(\.clientID) == [lich] && waiting[0].personEmail == "nia@staf.example")
        #expect(waiting[0].reason == "collapsed at the day centre" && waiting[0].reviewedAt == nil)
        #expect(try admin.transaction { db in try RecordAccessRepository(db).review(grantID: waiting[0].id, note: "appropriate: 999 call") })
        #expect(try !admin.transaction { db in try RecordAccessRepository(db).review(grantID: waiting[0].id, note: "again") })
        #expect(try RecordAccessRepository(admin).grants(waitingOnly: true).isEmpty)
        #expect(try RecordAccessRepository(admin).grants(waitingOnly: false).first?.reviewedBy == "admin@staf.example")
        // A practitioner cannot read or review grants.
        #expect(throws: AccessRefused.self) { try access.grants(waitingOnly: true) }
        // A practitioner in no hub (one who has left) may not break the glass.
        try s.c.owner.execute("DELETE FROM person_hubs WHERE person_id = (SELECT id FROM people WHERE email = 'practitioner@staf.example')")
        #expect(throws: AccessRefused.self) {
            try s.c.connection(.practitioner).transaction { db in
                try RecordAccessRepository(db).breakGlass(clientExternalID: lich, reason: "former client, just checking", minutes: 5)
            }
        }
        // Expired, it reaches nothing.
        try s.c.owner.execute(
            "UPDATE record_access_grants SET granted_at = now() - interval '2 hours', expires_at = now() - interval '1 hour'")
        #expect(try access.reach(clientExternalID: lich) == nil)
        // The person's audit trail names the grant, its review and the read.
        let trail = try AuditRepository(s.c.owner).entries(clientExternalID: lich)
        #expect(trail.filter { $0.table == "record_access_grants" }.map(\.action).prefix(2) == ["insert", "update"])
        #expect(trail.contains { $0.table == "client_records" && $0.action == "read" && $0.personEmail == "nia@staf.example" })
    }
}
