import CareStore
import CareTestSupport
import Foundation
import Testing

@Suite("carehub people, --as and audit on the command line")
struct AccessCLITests {
    /// people add/list/password/disable; `--as` binds every command to the person's role and hubs;
    /// a refusal is one line naming the role and exits 1; `roster show --client` is audited and
    /// only an admin reads the trail.
    @Test func peopleActingAndAudit() throws {
        let test = try TestDatabase()
        defer { withExtendedLifetime(test) {} }
        let db = ["--database-url", test.conninfo]
        func run(_ args: [String], as person: String? = nil, input: String? = nil) throws -> CLIRunner.Output {
            try CLIRunner.run(args + db, environment: ["CAREHUB_AS": person], input: input)
        }
        let seeded = try run(["demo", "seed", "--hubs", "3", "--clients-per-hub", "6", "--week", "2026-W48", "--weeks", "1"])
        #expect(seeded.status == 0, "\(seeded.stderr)")
        #expect(
            try run(["people", "add", "--email", "Mia@Staf.example", "--name", "Mia Stafford", "--role", "manager", "--hub", "STAF"]).status == 0)
        #expect(try run(["people", "add", "--email", "hal@staf.example", "--name", "Hal Hughes", "--role", "hr", "--hub", "STAF"]).status == 0)
        #expect(try run(["people", "add", "--email", "ada@county.example", "--name", "Ada Lane", "--role", "admin"]).status == 0)
        let duplicate = try run(["people", "add", "--email", "mia@staf.example", "--name", "X", "--role", "admin"])
        #expect(duplicate.status == 1 && duplicate.stderr.contains("already a carehub user"))
        let list = try run(["people", "list"])
        #expect(list.stdout.contains("Mia@Staf.example\tmanager\tSTAF\tactive\tMia Stafford"))

        // Passwords: from standard input, checked against the policy, stored as argon2id.
        let short = try run(["people", "password", "--email", "mia@staf.example"], input: "short\n")
        #expect(short.status == 1 && short.stderr.contains("too short"))
        let own = try run(["people", "password", "--email", "mia@staf.example"], input: "stafford-is-home\n")
        #expect(own.status == 1 && own.stderr.contains("your name or e-mail"))
        let set = try run(["people", "password", "--email", "mia@staf.example"], input: "kettle orbit marmalade\n")
        #expect(set.status == 0, "\(set.stderr)")
        let hash: String = try test.connect().query("SELECT password_hash FROM people WHERE email = 'Mia@Staf.example'").rows[0].decode(
            "password_hash")
        #expect(hash.hasPrefix("$argon2id$"))

        // Acting: a manager plans only their own hub's week.
        let plan = try run(["visits", "plan", "--week", "2026-W50"], as: "mia@staf.example")
        #expect(plan.status == 0, "\(plan.stderr)")
        let owner = try test.connect()
        let perHub = try owner.query(
            """
            SELECT h.code, count(v.id) AS n FROM hubs h LEFT JOIN clients c ON c.hub_id = h.id
            LEFT JOIN visits v ON v.client_id = c.id AND v.local_date BETWEEN '2026-12-07' AND '2026-12-13' GROUP BY h.code ORDER BY h.code
            """
        ).rows.map { (try $0.decode("code", as: String.self), try $0.decode("n", as: Int.self)) }
        #expect(perHub.first { $0.0 == "STAF" }.map { $0.1 > 0 } == true)
        #expect(perHub.filter { $0.0 != "STAF" }.allSatisfy { $0.1 == 0 })

        // HR is refused client data: one line, the role named, exit 1, no row values.
        let refused = try run(["visits", "plan", "--week", "2026-W50"], as: "hal@staf.example")
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("carehub: refused for role hr (HR): permission denied for table "))
        #expect(refused.stderr.split(separator: "\n").count == 1)

        // A client's record read by the manager is audited; the admin answers who looked.
        // --all means all of the manager's hubs.
        let generated = try run(["roster", "generate", "--all", "--week", "2026-W50", "--iterations", "30", "--quiet"], as: "mia@staf.example")
        #expect(generated.status == 0, "\(generated.stderr)")
        #expect(generated.stdout.contains("STAF 2026-W50: draft version 1") && !generated.stdout.contains("LICH 2026-W50"))
        let client: String = try owner.query(
            "SELECT min(c.external_id) AS id FROM clients c JOIN hubs h ON h.id = c.hub_id WHERE h.code = 'STAF'"
        ).rows[0].decode("id")
        let shown = try run(["roster", "show", "--hub", "STAF", "--week", "2026-W50", "--client", client], as: "mia@staf.example")
        #expect(shown.status == 0, "\(shown.stderr)")
        let lich = try run(["roster", "show", "--hub", "LICH", "--week", "2026-W50"], as: "mia@staf.example")
        #expect(lich.status == 1 && lich.stderr.contains("no roster for LICH"))
        let audit = try run(["audit", "--client", client], as: "ada@county.example")
        #expect(audit.status == 0, "\(audit.stderr)")
        #expect(audit.stdout.split(separator: "\n").filter { $0.contains("\tread\t") }.allSatisfy { $0.contains("Mia@Staf.example") })
        #expect(audit.stdout.contains("Mia@Staf.example\tread\tclients"))
        let byPerson = try run(["audit", "--person", "mia@staf.example"])
        #expect(byPerson.stdout.contains("\tinsert\tvisits\t") && byPerson.stdout.contains("\tinsert\trosters\t"))
        let notAdmin = try run(["audit", "--client", client], as: "mia@staf.example")
        #expect(notAdmin.status == 1 && notAdmin.stderr.contains("refused for role manager"))

        // A commissioner: totals with small groups suppressed, and no rows at all.
        #expect(try run(["people", "add", "--email", "cai@icb.example", "--name", "Cai Jones", "--role", "commissioner"]).status == 0)
        let totals = try run(["commissioning", "--from", "2026-09-01", "--to", "2026-11-30"], as: "cai@icb.example")
        #expect(totals.status == 0, "\(totals.stderr)")
        #expect(totals.stdout.split(separator: "\n").count == 4)
        let rows = try run(["roster", "show", "--hub", "STAF", "--week", "2026-W50"], as: "cai@icb.example")
        #expect(rows.status == 1 && rows.stderr.contains("refused for role commissioner"))

        // A lost phone: an admin clears the manager's second factor (audited, attributed to the admin);
        // nobody else may; unknown people are named.
        try owner.execute("UPDATE people SET totp_secret = 'a-secret-of-twenty-or-more' WHERE email = 'Mia@Staf.example'")
        let byManager = try run(["people", "totp-reset", "mia@staf.example"], as: "mia@staf.example")
        #expect(byManager.status == 1 && byManager.stderr.contains("refused for role manager"))
        let reset = try run(["people", "totp-reset", "mia@staf.example"], as: "ada@county.example")
        #expect(reset.status == 0 && reset.stdout.contains("second factor cleared"), "\(reset.stderr)")
        #expect(try run(["people", "totp-reset", "mia@staf.example"]).stdout.contains("had no second factor"))
        #expect(try run(["people", "totp-reset", "nobody@staf.example"]).stderr.contains("no carehub user nobody@staf.example"))
        let secret = try owner.query("SELECT totp_secret FROM people WHERE email = 'Mia@Staf.example'").rows[0].decode(
            "totp_secret", as: String?.self)
        #expect(secret == nil)
        let trail = try owner.query(
            """
            SELECT p.email FROM audit_log a JOIN people p ON p.id = a.person_id
            WHERE a.table_name = 'people' AND a.action = 'update' AND 'totp_secret' = ANY (a.changed_columns)
            """)
        #expect(try trail.rows.map { try $0.decode("email", as: String.self) } == ["ada@county.example"])

        // Disabled: the next command acting for them is refused.
        #expect(try run(["people", "disable", "--email", "mia@staf.example"]).stdout.contains("disabled"))
        let disabled = try run(["visits", "plan", "--week", "2026-W50"], as: "mia@staf.example")
        #expect(disabled.status == 1 && disabled.stderr.contains("not an active carehub user"))
        let migrate = try CLIRunner.run(["db", "migrate", "--as", "ada@county.example"] + db)
        #expect(migrate.status == 1 && migrate.stderr.contains("administration login"))
    }
}
