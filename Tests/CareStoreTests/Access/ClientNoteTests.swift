import CareModel
import CareStore
import CareTestSupport
import Testing

/// `client_notes` (migration 0027) through the real policies and triggers: the database writes
/// who, in which role and service, and when; nobody edits or deletes a note, the owner included;
/// a correction points at an earlier note about the same person; only the client's hub's managers
/// read and write.
@Suite("Notes in a person's record")
struct ClientNoteTests {
    /// The first (or last) client of a hub by external id.
    static func client(_ c: AccessCounty, hub: String, last: Bool = false) throws -> String {
        let ids = try c.clients(hub: hub)
        return try #require(last ? ids.last : ids.first)
    }

    @Test func authorshipComesFromTheDatabase() throws {
        let c = try AccessCounty()
        let staf = try Self.client(c, hub: "STAF")
        // A district nurse who manages in STAF, so the service shows on her notes.
        try PeopleRepository(c.owner).add(
            name: "Nia Nurse", email: "nia@staf.example", role: .manager, hubCodes: ["STAF"], service: .communityNursing)
        let nurse = try c.test.connect()
        nurse.actingPerson = try PeopleRepository(c.owner).activePerson(email: "nia@staf.example")
        let first = try #require(try ClientNoteRepository(nurse).add(clientExternalID: staf, body: "Pressure area on left heel: dressing"))
        // Naming someone else as author, or another time, changes nothing: the trigger sets them.
        try nurse.execute(
            """
            INSERT INTO client_notes (client_id, author_name, author_role, author_service, written_at, body)
            SELECT id, 'The Chief Nurse', 'admin', 'gp_practice', '2020-01-01', 'second' FROM clients WHERE external_id = \(staf)
            """)
        let notes = try ClientNoteRepository(nurse).notes(clientExternalID: staf)
        #expect(notes.map(\.id).first == first)
        #expect(notes.allSatisfy { $0.authorName == "Nia Nurse" && $0.authorRole == "manager" && $0.authorService == .communityNursing })
        // Written now, to the minute in the hub's zone ("2026-12-02 08:41"), whatever the statement said.
        #expect(notes.allSatisfy { !$0.writtenAt.hasPrefix("2020") && $0.writtenAt.count == 16 && $0.writtenAt.dropFirst(10).first == " " })
        let audit = try AuditRepository(c.owner).entries(personEmail: "nia@staf.example").filter { $0.table == "client_notes" }
        #expect(audit.map(\.action) == ["insert", "insert", "read"])  // the two notes, then reading them
        // The administration login writes as itself.
        _ = try #require(try ClientNoteRepository(c.owner).add(clientExternalID: staf, body: "imported"))
        let last = try #require(try ClientNoteRepository(c.owner).notes(clientExternalID: staf).last)
        #expect(last.authorRole == "administration" && last.authorService == nil)
    }

    @Test func notesAreNeverEditedOrDeleted() throws {
        let c = try AccessCounty()
        let staf = try Self.client(c, hub: "STAF")
        let manager = try c.connection(.manager)
        let id = try #require(try ClientNoteRepository(manager).add(clientExternalID: staf, body: "Fell in the kitchen, no injury"))
        for statement: SQLQuery in [
            "UPDATE client_notes SET body = 'nothing happened'", "DELETE FROM client_notes", "TRUNCATE client_notes",
        ] {
            #expect(throws: AccessRefused.self, "\(statement)") { try manager.execute(statement) }
            let owner = #expect(throws: StoreError.self, "\(statement)") { try c.owner.execute(statement) }
            #expect(owner?.code == .insufficientPrivilege, "\(statement)")
        }
        #expect(try ClientNoteRepository(manager).notes(clientExternalID: staf).map(\.body) == ["Fell in the kitchen, no injury"])
        // A correction is a new note pointing at the old one, about the same person only.
        let fix = try #require(try ClientNoteRepository(manager).add(clientExternalID: staf, body: "It was the hall", corrects: id))
        #expect(try ClientNoteRepository(manager).notes(clientExternalID: staf).map(\.corrects) == [nil, id])
        let other = try Self.client(c, hub: "STAF", last: true)
        let wrongPerson = #expect(throws: StoreError.self) {
            try ClientNoteRepository(c.owner).add(clientExternalID: other, body: "misfiled", corrects: fix)
        }
        #expect(wrongPerson?.code == .checkViolation)
        // Nor may anyone choose a note's id (notes are listed in id order).
        let chosen = #expect(throws: StoreError.self) {
            try c.owner.execute(
                """
                INSERT INTO client_notes (id, client_id, author_name, author_role, body) OVERRIDING SYSTEM VALUE
                SELECT 1000000, id, '', '', 'backdated' FROM clients WHERE external_id = \(staf)
                """)
        }
        #expect(chosen?.code == .insufficientPrivilege)
    }

    @Test func onlyTheHubsManagers() throws {
        let c = try AccessCounty()
        let staf = try Self.client(c, hub: "STAF")
        let lich = try Self.client(c, hub: "LICH")
        _ = try #require(try ClientNoteRepository(c.owner).add(clientExternalID: lich, body: "LICH note"))
        let manager = try c.connection(.manager)
        #expect(try ClientNoteRepository(manager).add(clientExternalID: lich, body: "not mine") == nil)
        #expect(try ClientNoteRepository(manager).notes(clientExternalID: lich).isEmpty)
        let lichID: Int = try c.owner.query("SELECT id FROM clients WHERE external_id = \(lich)").rows[0].decode("id")
        #expect(throws: AccessRefused.self) {
            try manager.execute("INSERT INTO client_notes (client_id, author_name, author_role, body) VALUES (\(lichID), '', '', 'x')")
        }
        for role in [PersonRole.hr, .commissioner, .scheduler, .admin] {
            let db = try c.connection(role)
            #expect(throws: AccessRefused.self, "\(role)") { try db.query("SELECT 1 FROM client_notes LIMIT 0") }
            #expect(throws: AccessRefused.self, "\(role)") { try ClientNoteRepository(db).add(clientExternalID: staf, body: "x") }
        }
    }
}
