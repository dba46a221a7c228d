/// A subject access export (migration 0032): everything held about one person as the JSON
/// document `carehub.subject-access/1`, assembled by the database for an administrator, with the
/// export itself recorded in the audit trail.
public struct SubjectAccessRepository {
    let db: Connection

    /// A repository over a connection (and whatever transaction it is in).
    public init(_ db: Connection) { self.db = db }

    /// The document's JSON text, or nil for no such client. Call it inside a transaction: an
    /// export whose transaction fails is not recorded, and nothing is written out.
    public func export(clientExternalID: String) throws -> String? {
        try db.query("SELECT jsonb_pretty(carehub_subject_access(\(clientExternalID))) AS doc").rows[0].decode("doc", as: String?.self)
    }
}
