import CareModel
import CareStore

/// `leads.csv`: each person's lead professional, one row per client (issue 15): `client` and
/// `lead`, the e-mail of an active manager or practitioner of the client's hub. A row whose lead
/// already leads changes nothing; another ends the current lead's spell and starts theirs.
enum LeadsImport: RecordImport {
    static let name = "leads"
    static let unit = "lead professionals"
    static let requiredColumns = ["client", "lead"]

    struct Row: Sendable {
        let client: String
        let email: String
    }

    static func value(_ r: inout RowReader, _ known: References) -> Row? {
        let client = r.id("client")
        if let client, !known.clients.contains(client) { r.fail("client", "unknown client \(client)") }
        let email = r.text("lead")
        if let email, !email.contains("@") { r.fail("lead", "expected the lead's e-mail") }
        guard r.issues.isEmpty, let client, let email else { return nil }
        return Row(client: client, email: email)
    }

    static func identity(of row: Row) -> (key: String, name: String)? { (row.client, "client \(row.client)") }

    static func write(_ row: Row, to db: Connection) throws -> UpsertOutcome {
        do {
            return try LeadRepository(db).assign(clientExternalID: row.client, personEmail: row.email) ? .updated : .unchanged
        } catch let error as LeadError {
            throw RowRefusal(error.description)
        }
    }
}

extension ImportKind {
    /// Lead professionals: who leads each person.
    public static let leads = ImportKind(LeadsImport.self)
}
