import CareStore
import CareTestSupport
import Foundation
import Testing

@Suite("carehub lead")
struct LeadCLITests {
    /// A manager makes a district nurse of the hub a person's lead, lists the hub with everyone
    /// else flagged, hands the lead on, and reads the history; staff of another hub are refused,
    /// and another hub's manager is told the person is not theirs to see.
    @Test func assignListHistory() throws {
        let test = try TestDatabase()
        defer { withExtendedLifetime(test) {} }
        let db = ["--database-url", test.conninfo]
        func run(_ args: [String], as person: String? = nil) throws -> CLIRunner.Output {
            try CLIRunner.run(args + db, environment: ["CAREHUB_AS": person])
        }
        #expect(try run(["demo", "seed", "--hubs", "2", "--clients-per-hub", "3", "--week", "2026-W48", "--weeks", "1"]).status == 0)
        for (email, name, hub, service) in [
            ("mia@staf.example", "Mia Manager", "STAF", "social_care"), ("nia@staf.example", "Nia Nurse", "STAF", "community_nursing"),
            ("cal@cann.example", "Cal Cannock", "CANN", "social_care"),
        ] {
            let added = try run(["people", "add", "--email", email, "--name", name, "--role", "manager", "--hub", hub, "--service", service])
            #expect(added.status == 0, "\(added.stderr)")
        }
        let client: String = try test.connect().query(
            "SELECT min(c.external_id) AS id FROM clients c JOIN hubs h ON h.id = c.hub_id WHERE h.code = 'STAF'"
        ).rows[0].decode("id")
        let assigned = try run(["lead", "assign", "--client", client, "--person", "nia@staf.example"], as: "mia@staf.example")
        #expect(assigned.status == 0 && assigned.stdout.contains("lead is now nia@staf.example"), "\(assigned.stderr)")
        let list = try run(["lead", "list", "--hub", "STAF"], as: "mia@staf.example")
        #expect(list.stdout.contains("\(client)\tNia Nurse (community nursing), since "))
        #expect(list.stdout.contains("3 people, 2 need a lead"))
        let flagged = try run(["lead", "list", "--hub", "STAF", "--flagged"], as: "mia@staf.example")
        #expect(!flagged.stdout.contains(client) && flagged.stdout.components(separatedBy: "NEEDS A LEAD").count == 3)
        let foreign = try run(["lead", "assign", "--client", client, "--person", "cal@cann.example"], as: "mia@staf.example")
        #expect(foreign.status == 1 && foreign.stderr.contains("cal@cann.example is not active staff of the person's hub"))
        #expect(try run(["lead", "assign", "--client", client, "--person", "mia@staf.example"], as: "mia@staf.example").status == 0)
        let history = try run(["lead", "history", "--client", client], as: "mia@staf.example")
        let lines = history.stdout.split(separator: "\n")
        #expect(lines.count == 2 && lines[0].hasSuffix("\tNia Nurse") && lines[1].contains("– now\tMia Manager"), "\(history.stdout)")
        let hidden = try run(["lead", "history", "--client", client], as: "cal@cann.example")
        #expect(hidden.status == 1 && hidden.stderr.contains("\(client): no such client, or not one you may see"))
        let otherHub = try run(["lead", "list", "--hub", "STAF"], as: "cal@cann.example")
        #expect(otherHub.status == 1 && otherHub.stderr.contains("STAF: no people of this hub that you may see"))
    }
}
