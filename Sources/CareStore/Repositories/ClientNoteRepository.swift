import CareModel

/// One note in a person's record (migration 0027): who wrote it, in which role and service, and
/// when, all set by the database; never edited, a correction points at the note it corrects.
public struct ClientNote: Sendable, Hashable {
    public let id: Int
    /// When, to the minute in the client's hub's time zone ("2026-12-02 08:41").
    public let writtenAt: String
    public let authorName: String
    /// `manager`…, or `administration` for the administration login.
    public let authorRole: String
    /// Nil for the administration login.
    public let authorService: StaffService?
    public let body: String
    /// The note this one corrects.
    public let corrects: Int?

    /// For each corrected note's id, the ids of the notes that correct it, oldest first.
    public static func corrections(in notes: [ClientNote]) -> [Int: [Int]] {
        Dictionary(grouping: notes.filter { $0.corrects != nil }, by: { $0.corrects ?? 0 }).mapValues { $0.map(\.id) }
    }
}

/// Adds and lists `client_notes`. Row-level security decides whose notes the acting person
/// reaches; the database sets authorship and refuses every edit and deletion.
public struct ClientNoteRepository {
    let db: Connection

    /// A repository over a connection (and whatever transaction it is in).
    public init(_ db: Connection) { self.db = db }

    /// Adds a note about the client with this external id; its id, or nil when the acting person
    /// may not see the client. `corrects` must be an earlier note about the same client.
    public func add(clientExternalID: String, body: String, corrects: Int? = nil) throws -> Int? {
        try db.query(
            """
            INSERT INTO client_notes (client_id, author_name, author_role, body, corrects)
            SELECT c.id, '', '', \(body), \(corrects) FROM clients c WHERE c.external_id = \(clientExternalID)
            RETURNING id
            """
        ).rows.first.map { try $0.decode("id") }
    }

    /// The client's notes, oldest first, with the read recorded in the audit trail in the same
    /// transaction (call it inside one).
    public func notes(clientExternalID: String) throws -> [ClientNote] {
        try db.execute("SELECT carehub_record_notes_read(id) FROM clients WHERE external_id = \(clientExternalID)")
        return try db.query(
            """
            SELECT n.id, to_char(n.written_at AT TIME ZONE h.timezone, 'YYYY-MM-DD HH24:MI') AS written_at, n.author_name,
                   n.author_role, n.author_service, n.body, n.corrects
            FROM client_notes n JOIN clients c ON c.id = n.client_id JOIN hubs h ON h.id = c.hub_id
            WHERE c.external_id = \(clientExternalID) ORDER BY n.id
            """
        ).rows.map { row in
            ClientNote(
                id: try row.decode("id"), writtenAt: try row.decode("written_at"), authorName: try row.decode("author_name"),
                authorRole: try row.decode("author_role"), authorService: try row.decode("author_service", as: StaffService?.self),
                body: try row.decode("body"), corrects: try row.decode("corrects", as: Int?.self))
        }
    }
}
