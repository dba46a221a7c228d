import CareModel
import CareStore
import CareTestSupport
import Testing

/// `client_records` (migration 0026) through the real policies: a manager of the client's hub
/// reads and writes, nobody else has any privilege; every write and every record read is audited;
/// the database itself refuses an NHS number whose check digit is wrong, and a number used twice.
@Suite("Shared records: access, audit and the NHS number")
struct ClientRecordAccessTests {
    /// The first client of a hub.
    static func client(_ c: AccessCounty, hub: String) throws -> String {
        try #require(try c.clients(hub: hub).first)
    }

    static func record(_ client: String, nhs: String? = nil) -> ClientRecord {
        ClientRecord(
            clientID: client, nhsNumber: nhs.flatMap(NHSNumber.init), address: "1 Mill Lane", nextOfKin: "Jo (daughter)",
            gpPractice: "Mill Lane", communicationNeeds: "hard of hearing: face her", whatMatters: "her cat, Tibbs",
            risks: .init(falls: true, dnacprLocation: "kitchen drawer"),
            consent: .init(covers: [.record, .notes], recordedBy: "A. Nurse", recordedOn: LocalDate(iso: "2026-11-02")!))
    }

    @Test func managerOfTheHubOnly() throws {
        let c = try AccessCounty()
        let staf = try Self.client(c, hub: "STAF")
        let lich = try Self.client(c, hub: "LICH")
        let manager = try c.connection(.manager)
        // A STAF manager writes their client's record, and reads it back whole.
        #expect(try ClientRecordRepository(manager).upsert(Self.record(staf, nhs: "9434765919")) == .new)
        #expect(try ClientRecordRepository(manager).record(clientExternalID: staf) == Self.record(staf, nhs: "9434765919"))
        #expect(try ClientRecordRepository(manager).upsert(Self.record(staf, nhs: "9434765919")) == .unchanged)
        // LICH's client is not theirs: they can neither write nor read it.
        #expect(throws: (any Error).self) { try ClientRecordRepository(manager).upsert(Self.record(lich)) }
        try ClientRecordRepository(c.owner).upsert(Self.record(lich, nhs: "4010232137"))
        #expect(try ClientRecordRepository(manager).record(clientExternalID: lich) == nil)
        #expect(try ClientRecordRepository(manager).person(clientExternalID: lich) == nil)
        #expect(try AccessCounty.count(manager, "SELECT 1 FROM client_records") == 1)
        // Straight SQL, past the repository's checks: the policies refuse a record for LICH's
        // client and moving STAF's record onto LICH's client.
        let stafID: Int = try c.owner.query("SELECT id FROM clients WHERE external_id = \(staf)").rows[0].decode("id")
        let lichID: Int = try c.owner.query("SELECT id FROM clients WHERE external_id = \(lich)").rows[0].decode("id")
        try c.owner.execute("DELETE FROM client_records WHERE client_id = \(lichID)")
        #expect(throws: AccessRefused.self) { try manager.execute("INSERT INTO client_records (client_id) VALUES (\(lichID))") }
        #expect(throws: AccessRefused.self) {
            try manager.execute("UPDATE client_records SET client_id = \(lichID) WHERE client_id = \(stafID)")
        }
        // Nor can they write read entries against LICH's client by calling the function directly.
        let before = try AccessCounty.count(c.owner, "SELECT 1 FROM audit_log WHERE table_name = 'client_records' AND client_id = \(lichID)")
        try manager.execute("SELECT carehub_record_client_record_read(\(lichID))")
        #expect(try AccessCounty.count(c.owner, "SELECT 1 FROM audit_log WHERE table_name = 'client_records' AND client_id = \(lichID)") == before)
        // HR, the commissioner, the scheduler and the admin have no privilege at all: refused, not empty.
        for role in [PersonRole.hr, .commissioner, .scheduler, .admin] {
            let db = try c.connection(role)
            #expect(throws: AccessRefused.self, "\(role)") { try db.query("SELECT 1 FROM client_records LIMIT 0") }
        }
    }

    /// Writes are audited with the names of the changed columns (never their values); a record
    /// read is recorded against `client_records`; `audit --client` lists both.
    @Test func writesAndReadsAreAudited() throws {
        let c = try AccessCounty()
        let staf = try Self.client(c, hub: "STAF")
        let manager = try c.connection(.manager)
        try ClientRecordRepository(manager).upsert(Self.record(staf))
        var changed = Self.record(staf)
        changed.risks.hoist = true
        changed.whatMatters = "her garden"
        #expect(try ClientRecordRepository(manager).upsert(changed) == .updated)
        #expect(try AuditRepository(manager).recordClientRecordRead(externalID: staf))
        #expect(try !AuditRepository(manager).recordClientRecordRead(externalID: try Self.client(c, hub: "LICH")))
        let entries = try AuditRepository(c.owner).entries(clientExternalID: staf).filter { $0.table == "client_records" }
        #expect(entries.map(\.action) == ["insert", "update", "read"])
        #expect(entries.allSatisfy { $0.personEmail == "manager@staf.example" })
        #expect(entries[1].changedColumns == ["what_matters", "risk_hoist"])
    }

    /// The CHECK and UNIQUE constraints hold for the owner too: a wrong check digit, a number
    /// that can never be valid, a number on two people, a half-recorded consent.
    @Test func databaseRefusesBadNumbersAndHalfConsents() throws {
        let c = try AccessCounty()
        let staf = try Self.client(c, hub: "STAF")
        let other = try c.owner.query("SELECT external_id FROM clients ORDER BY external_id DESC LIMIT 1").rows[0]
            .decode("external_id", as: String.self)
        try ClientRecordRepository(c.owner).upsert(Self.record(staf, nhs: "9434765919"))
        for number in ["9434765918", "3040119800", "943476591", "94347659190"] {
            let error = #expect(throws: StoreError.self, "\(number)") {
                try c.owner.execute("UPDATE client_records SET nhs_number = \(number)")
            }
            #expect(error?.code == .checkViolation, "\(number)")
        }
        let twice = #expect(throws: StoreError.self) { try ClientRecordRepository(c.owner).upsert(Self.record(other, nhs: "9434765919")) }
        #expect(twice?.code == .uniqueViolation)
        let halfConsent = #expect(throws: StoreError.self) {
            try c.owner.execute("UPDATE client_records SET consent_recorded_by = NULL")
        }
        #expect(halfConsent?.code == .checkViolation)
        #expect(try c.owner.query("SELECT carehub_nhs_number_valid('4505577104') AS ok").rows[0].decode("ok", as: Bool.self))
    }

    /// The database's check and CareModel's agree on 3,000 random ten-digit strings (about one
    /// in eleven is a valid NHS number).
    @Test func sqlAndSwiftAgreeOnNHSNumbers() throws {
        let test = try TestDatabase()
        let db = try test.connect()
        var rng = SplitMix64(seed: 15)
        let numbers = (0..<3000).map { _ in String((0..<10).map { _ in Character(String(rng.next() % 10)) }) }
        let rows = try db.query("SELECT n, carehub_nhs_number_valid(n) AS ok FROM unnest(\(numbers)::text[]) AS n").rows
        var valid = 0
        for row in rows {
            let n: String = try row.decode("n")
            let ok: Bool = try row.decode("ok")
            #expect(ok == (NHSNumber.problem(n) == nil), "\(n)")
            if ok { valid += 1 }
        }
        #expect(rows.count == 3000)
        #expect((200...350).contains(valid))
    }
}
