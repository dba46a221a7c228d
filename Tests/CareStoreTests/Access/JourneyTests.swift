import CareModel
import CareStore
import CareTestSupport
import Testing

/// `journey_episodes` and `handovers` (migration 0031) through the real policies: the journey is
/// part of the record (consent governs health staff), never deleted, ended once; a handover goes
/// to hub staff and makes the receiver the lead when accepted; one left waiting is overdue after
/// 24 hours.
@Suite("Journeys and handovers")
struct JourneyTests {
    static let start = Instant(rfc3339: "2026-11-20T10:00:00Z")!

    @Test func episodesFollowTheRecordsAccess() throws {
        let s = try PractitionerAccessTests.Setting()
        let manager = try s.c.connection(.manager)
        let journeys = JourneyRepository(manager)
        let admission = try journeys.add(JourneyEpisode(kind: .hospitalAdmission, startedAt: Self.start), clientExternalID: s.noConsent)
        #expect(try journeys.end(episodeID: admission, clientExternalID: s.noConsent, at: Self.start.adding(minutes: 3 * 24 * 60), outcome: nil))
        // Ended once: ending it again changes nothing, and the database refuses a direct rewrite.
        #expect(try !journeys.end(episodeID: admission, clientExternalID: s.noConsent, at: Self.start.adding(minutes: 5 * 24 * 60), outcome: nil))
        #expect(throws: AccessRefused.self) { try manager.execute("UPDATE journey_episodes SET ended_at = now() WHERE id = \(admission)") }
        // Never deleted: no privilege, and the owner is refused by the trigger.
        #expect(throws: AccessRefused.self) { try manager.execute("DELETE FROM journey_episodes") }
        let owner = #expect(throws: StoreError.self) { try s.c.owner.execute("DELETE FROM journey_episodes") }
        #expect(owner?.code == .insufficientPrivilege)
        let episodes = try journeys.episodes(clientExternalID: s.noConsent)
        #expect(episodes.map(\.kind) == [.hospitalAdmission] && episodes[0].recordedBy == "Test manager" && episodes[0].endedAt != nil)
        // The nurse without consent to the record neither reads nor adds; with it, she does both.
        #expect(try JourneyRepository(s.nurse).episodes(clientExternalID: s.noConsent).isEmpty)
        #expect(throws: AccessRefused.self) {
            try s.nurse.transaction { db in
                try JourneyRepository(db).add(JourneyEpisode(kind: .readmission, startedAt: Self.start), clientExternalID: s.noConsent)
            }
        }
        try JourneyRepository(s.nurse).add(JourneyEpisode(kind: .hospitalAdmission, startedAt: Self.start), clientExternalID: s.consented)
        #expect(try JourneyRepository(s.nurse).episodes(clientExternalID: s.consented).first?.recordedBy == "Nia Nurse")
        // Outcomes belong to reablement, and only when it ends: the database says so too.
        let bad = #expect(throws: StoreError.self) {
            try s.c.owner.execute(
                "INSERT INTO journey_episodes (client_id, kind, started_at, outcome) SELECT id, 'no_care', now(), 'died' FROM clients LIMIT 1")
        }
        #expect(bad?.code == .checkViolation)
        // A practitioner may not name a discharge not linked to the person (nor learn whether it exists).
        try DischargeRepository(s.c.owner).upsert(
            HospitalDischarge(
                externalID: "D-9", hubCode: "STAF", ageAtDischarge: 80, dischargeReady: nil, discharged: LocalDate(iso: "2026-11-20")!,
                pathway: 1, reablementStart: nil, statusAt91: nil))
        #expect(throws: JourneyError.unknownDischarge("D-9")) {
            try s.nurse.transaction { db in
                try JourneyRepository(db).add(
                    JourneyEpisode(kind: .hospitalDischarge, startedAt: Self.start, dischargeID: "D-9"), clientExternalID: s.consented)
            }
        }
        // A manager of the hub links it, and the discharge becomes the person's.
        try manager.transaction { db in
            try JourneyRepository(db).add(
                JourneyEpisode(kind: .hospitalDischarge, startedAt: Self.start, dischargeID: "D-9"), clientExternalID: s.consented)
        }
        let linked: String? = try s.c.owner.query(
            "SELECT c.external_id FROM hospital_discharges d JOIN clients c ON c.id = d.client_id WHERE d.external_id = 'D-9'"
        ).rows.first?.decode("external_id")
        #expect(linked == s.consented)
        #expect(try JourneyRepository(s.nurse).episodes(clientExternalID: s.consented).contains { $0.dischargeID == "D-9" })
        // HR has no privilege at all.
        #expect(throws: AccessRefused.self) { try s.c.connection(.hr).query("SELECT 1 FROM journey_episodes LIMIT 0") }
        // The person's trail lists the episode's insert and its end.
        let trail = try AuditRepository(s.c.owner).entries(clientExternalID: s.noConsent).filter { $0.table == "journey_episodes" }
        #expect(trail.filter { $0.action != "read" }.map(\.action) == ["insert", "update"])
        #expect(trail.contains { $0.action == "read" && $0.personEmail == "manager@staf.example" })
    }

    @Test func aHandoverAcceptedAndOneLeftWaiting() throws {
        let s = try PractitionerAccessTests.Setting()
        let manager = try s.c.connection(.manager)
        try manager.transaction { db in try LeadRepository(db).assign(clientExternalID: s.noConsent, personEmail: "manager@staf.example") }
        // The manager (the lead) hands over to the district nurse, who accepts and becomes the lead.
        let first = try manager.transaction { db in
            try JourneyRepository(db).handOver(clientExternalID: s.noConsent, toEmail: "nia@staf.example", note: "wound care daily")
        }
        let mine = try JourneyRepository(s.nurse).handovers(waitingOnly: true)
        #expect(mine.map(\.id) == [first] && mine[0].toName == "Nia Nurse" && mine[0].fromName == "Test manager")
        // Its note is clinical: the receiver reads it; another health practitioner of the hub without the
        // record's reach sees the handover, not the note, and may not read the column at all.
        #expect(try JourneyRepository(s.nurse).handovers(clientExternalID: s.noConsent).first?.note == "wound care daily")
        #expect(
            try AuditRepository(s.c.owner).entries(clientExternalID: s.noConsent).contains {
                $0.table == "journey_episodes" && $0.action == "read" && $0.personEmail == "nia@staf.example"
            })
        let people = PeopleRepository(s.c.owner)
        try people.add(name: "Tom Therapist", email: "tom@staf.example", role: .practitioner, hubCodes: ["STAF"], service: .therapy)
        let therapist = try s.c.test.connect()
        therapist.actingPerson = try people.activePerson(email: "tom@staf.example")
        let seen = try JourneyRepository(therapist).handovers(clientExternalID: s.noConsent)
        #expect(seen.map(\.id) == [first] && seen[0].note == nil)
        #expect(throws: AccessRefused.self) { try therapist.query("SELECT note FROM handovers") }
        // Someone else cannot accept it.
        #expect(throws: JourneyError.notWaiting(first)) {
            try manager.transaction { db in try JourneyRepository(db).accept(handoverID: first) }
        }
        try s.nurse.transaction { db in try JourneyRepository(db).accept(handoverID: first) }
        let history = try LeadRepository(manager).history(clientExternalID: s.noConsent)
        #expect(history.map(\.name) == ["Test manager", "Nia Nurse"] && history[1].until == nil)
        // As the lead she now reaches the record, though its consent is not recorded.
        #expect(try RecordAccessRepository(s.nurse).reach(clientExternalID: s.noConsent) == .everything)
        // She hands over to the hub's social worker; it is left waiting.
        let second = try s.nurse.transaction { db in
            try JourneyRepository(db).handOver(clientExternalID: s.noConsent, toEmail: "practitioner@staf.example", note: nil)
        }
        // Not to someone outside the hub, nor to herself; and a practitioner who is not the lead cannot hand over.
        for email in ["admin@staf.example", "nia@staf.example", "nobody@staf.example"] {
            #expect(throws: JourneyError.notReceiver(email)) {
                try s.nurse.transaction { db in try JourneyRepository(db).handOver(clientExternalID: s.noConsent, toEmail: email, note: nil) }
            }
        }
        let socialWorker = try s.c.connection(.practitioner)
        #expect(throws: JourneyError.notLeadOrManager(s.consented)) {
            try socialWorker.transaction { db in
                try JourneyRepository(db).handOver(clientExternalID: s.consented, toEmail: "nia@staf.example", note: nil)
            }
        }
        // A lead assigned directly withdraws a handover still waiting (its receiver cannot unseat them).
        try manager.transaction { db in try LeadRepository(db).assign(clientExternalID: s.consented, personEmail: "manager@staf.example") }
        let stale = try manager.transaction { db in
            try JourneyRepository(db).handOver(clientExternalID: s.consented, toEmail: "nia@staf.example", note: nil)
        }
        try manager.transaction { db in try LeadRepository(db).assign(clientExternalID: s.consented, personEmail: "practitioner@staf.example") }
        #expect(throws: JourneyError.notWaiting(stale)) { try s.nurse.transaction { db in try JourneyRepository(db).accept(handoverID: stale) } }
        // After 25 hours unaccepted, it is overdue on the hub's list.
        try s.c.owner.execute("UPDATE handovers SET handed_at = handed_at - interval '25 hours' WHERE id = \(second)")
        let waiting = try JourneyRepository(manager).handovers(waitingOnly: true, hubCode: "STAF")
        #expect(waiting.map(\.id) == [second])
        #expect(waiting[0].isOverdue(at: Instant(secondsSinceEpoch: waiting[0].handedAt.secondsSinceEpoch + 25 * 3600)))
        // The person's trail has both handovers and the acceptance.
        let trail = try AuditRepository(s.c.owner).entries(clientExternalID: s.noConsent).filter { $0.table == "handovers" }
        #expect(trail.filter { $0.action == "insert" }.count == 2 && trail.contains { $0.action == "update" })
        // Nobody writes handovers directly.
        #expect(throws: AccessRefused.self) { try manager.execute("UPDATE handovers SET accepted_at = now()") }
    }
}
