import CareStore
import CareTestSupport
import Foundation
import Testing

@Suite("carehub import records and record show")
struct RecordCLITests {
    /// A manager imports their client's record and reads it; the read is audited; a bad NHS number
    /// is refused by line with nothing stored and without echoing it; a manager of another hub and
    /// HR cannot reach the record.
    @Test func importShowAndAudit() throws {
        let test = try TestDatabase()
        defer { withExtendedLifetime(test) {} }
        let db = ["--database-url", test.conninfo]
        func run(_ args: [String], as person: String? = nil, input: String? = nil) throws -> CLIRunner.Output {
            try CLIRunner.run(args + db, environment: ["CAREHUB_AS": person], input: input)
        }
        #expect(try run(["demo", "seed", "--hubs", "2", "--clients-per-hub", "4", "--week", "2026-W48", "--weeks", "1"]).status == 0)
        for (email, role, hub) in [
            ("mia@staf.example", "manager", "STAF"), ("cal@cann.example", "manager", "CANN"), ("hal@staf.example", "hr", "STAF"),
        ] {
            #expect(try run(["people", "add", "--email", email, "--name", "Test \(role)", "--role", role, "--hub", hub]).status == 0)
        }
        #expect(try run(["people", "add", "--email", "ada@county.example", "--name", "Ada Lane", "--role", "admin"]).status == 0)
        let client: String = try test.connect().query(
            "SELECT min(c.external_id) AS id FROM clients c JOIN hubs h ON h.id = c.hub_id WHERE h.code = 'STAF'"
        ).rows[0].decode("id")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("carehub-records-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let header =
            "client,nhs_number,address,next_of_kin,gp_practice,communication_needs,what_matters,falls_risk,hoist,allergies,dnacpr,"
            + "dnacpr_location,consent,consent_covers,consent_recorded_by,consent_recorded_on\n"
        // A file without every column would blank what it leaves out: refused before any row.
        let partial = dir.appendingPathComponent("partial.csv").path
        try "client,nhs_number\n\(client),9434765919\n".write(toFile: partial, atomically: true, encoding: .utf8)
        let missing = try run(["import", "records", partial], as: "mia@staf.example")
        #expect(missing.status == 1 && missing.stderr.contains("allergies"), "\(missing.stderr)")
        let bad = dir.appendingPathComponent("bad.csv").path
        try (header + "\(client),9434765918,,,,,,,,,,,,,,\n").write(toFile: bad, atomically: true, encoding: .utf8)
        let refused = try run(["import", "records", bad], as: "mia@staf.example")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("bad.csv:2: nhs_number: not an NHS number (the check digit does not match)"))
        #expect(!refused.stderr.contains("9434765918"))
        let good = dir.appendingPathComponent("records.csv").path
        try (header + "\(client),943 476 5919,,Jo (daughter),,,her cat,yes,,,yes,kitchen drawer,yes,record;notes,A. Nurse,2026-11-02\n")
            .write(toFile: good, atomically: true, encoding: .utf8)
        let imported = try run(["import", "records", good], as: "mia@staf.example")
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("imported 1 records: 1 new"))

        let shown = try run(["record", "show", "--client", client], as: "mia@staf.example")
        #expect(shown.status == 0, "\(shown.stderr)")
        for line in [
            "  NHS number: 943 476 5919", "  next of kin: Jo (daughter)", "  what matters to me: her cat",
            "  risks: falls; DNACPR held (kitchen drawer)",
            "  consent to share between health and social care: record, notes; recorded by A. Nurse on 2026-11-02",
        ] {
            #expect(shown.stdout.contains(line), "\(line)")
        }
        for other in ["cal@cann.example", "hal@staf.example"] {
            let denied = try run(["record", "show", "--client", client], as: other)
            #expect(denied.status == 1, "\(other)")
            #expect(denied.stdout.isEmpty && !denied.stderr.contains("Jo (daughter)"), "\(other)")
        }
        let audit = try run(["audit", "--client", client], as: "ada@county.example")
        #expect(audit.stdout.contains("mia@staf.example\tinsert\tclient_records"))
        #expect(audit.stdout.split(separator: "\n").filter { $0.contains("\tread\tclient_records") }.count == 1)

        // Notes: text on standard input, authorship by the database, a correction pointing back.
        #expect(
            try run([
                "people", "add", "--email", "nia@staf.example", "--name", "Nia Nurse", "--role", "manager", "--hub", "STAF",
                "--service", "community_nursing",
            ]).status == 0)
        let note = try run(["record", "note", "--client", client], as: "nia@staf.example", input: "Heel dressing changed.\nSkin intact.\n")
        #expect(note.status == 0, "\(note.stderr)")
        let id = try #require(note.stdout.split(separator: " ").dropFirst(2).first.flatMap { Int($0) }, "\(note.stdout)")
        let fix = try run(["record", "note", "--client", client, "--corrects", String(id)], as: "mia@staf.example", input: "Left heel, not right.\n")
        #expect(fix.status == 0 && fix.stdout.contains("(corrects note \(id))"), "\(fix.stderr)")
        let stray = try run(["record", "note", "--client", client, "--corrects", "999"], as: "mia@staf.example", input: "x\n")
        #expect(stray.status == 1 && stray.stderr.contains("note 999 is not an earlier note about \(client)"), "\(stray.stderr)")
        #expect(try run(["record", "note", "--client", client], as: "mia@staf.example", input: "Cleared\u{1B}[2J the screen\n").status == 0)
        let empty = try run(["record", "note", "--client", client], as: "mia@staf.example", input: "")
        #expect(empty.status != 0 && empty.stderr.contains("standard input"))
        let withNotes = try run(["record", "show", "--client", client], as: "mia@staf.example")
        #expect(withNotes.stdout.contains("Nia Nurse (manager, community nursing), corrected by note \(id + 1)"), "\(withNotes.stdout)")
        #expect(withNotes.stdout.contains("      Heel dressing changed.\n      Skin intact.\n"))
        #expect(withNotes.stdout.contains("Test manager (manager, social care), correcting note \(id)"))
        #expect(withNotes.stdout.contains("Cleared[2J the screen") && !withNotes.stdout.contains("\u{1B}"))
        #expect(try run(["record", "note", "--client", client], as: "cal@cann.example", input: "x\n").status == 1)
        // The admin's "who changed this record" lists the notes' authors (never the text).
        let trail = try run(["audit", "--client", client], as: "ada@county.example")
        #expect(trail.stdout.contains("nia@staf.example\tinsert\tclient_notes\t\(id)"), "\(trail.stdout)")
        #expect(trail.stdout.contains("mia@staf.example\tinsert\tclient_notes\t\(id + 1)"))
        #expect(!trail.stdout.contains("Heel dressing"))
    }
}
