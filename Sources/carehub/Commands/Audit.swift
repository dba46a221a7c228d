import ArgumentParser
import CareStore

/// `carehub audit`: who looked at a client's record, or what a person did.
struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read the audit trail: who looked at or changed a client's record (--client), or what a person did (--person).",
        discussion: """
            One line per entry: time, who (e-mail, or the database login when no one was acting), action, table, row key \
            and, for updates, the names of the changed columns (never their values). Only an admin may read the trail \
            when acting (--as).
            """)

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Client external id: who read or changed this client's record.") var client: String?
    @Option(help: "A person's e-mail: everything recorded for them.") var person: String?

    func validate() throws {
        if (client == nil) == (person == nil) { throw ValidationError("give --client or --person") }
    }

    func run() throws {
        try reportingFailures {
            let audit = AuditRepository(try database.connect())
            let entries = try client.map { try audit.entries(clientExternalID: $0) } ?? audit.entries(personEmail: person ?? "")
            for e in entries {
                let columns = e.changedColumns.isEmpty ? "" : "\t" + e.changedColumns.joined(separator: ",")
                print([e.at, e.personEmail ?? "(\(e.databaseUser))", e.action, e.table, e.rowKey ?? "-"].joined(separator: "\t") + columns)
            }
            if entries.isEmpty { print("no entries") }
        }
    }
}
