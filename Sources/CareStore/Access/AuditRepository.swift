import CareModel

/// The audit trail (`audit_log`): records reads of one client's record and answers "who looked
/// at this record" and "what did this person do". Writes to tables are recorded by the
/// database's triggers, not here.
public struct AuditRepository {
    let db: Connection

    /// A repository over a connection (and whatever transaction it is in).
    public init(_ db: Connection) { self.db = db }

    /// Records that whoever is acting read the record of the client with this external id.
    /// Returns false (and records nothing) when the client is not visible to them.
    @discardableResult
    public func recordClientRead(externalID: String) throws -> Bool {
        try db.query("SELECT carehub_record_client_read(id) FROM clients WHERE external_id = \(externalID)").count > 0
    }

    /// Records that whoever is acting read the shared record (`client_records`) of the client
    /// with this external id; false (nothing recorded) when the client is not visible to them.
    @discardableResult
    public func recordClientRecordRead(externalID: String) throws -> Bool {
        try db.query("SELECT carehub_record_client_record_read(id) FROM clients WHERE external_id = \(externalID)").count > 0
    }

    /// Records that the acting manager read a carer's record (pay, contract, working time);
    /// false when no visible carer has this id.
    @discardableResult
    public func recordCarerRead(externalID: String) throws -> Bool {
        try db.query("SELECT carehub_record_carer_read(id) FROM carers WHERE external_id = \(externalID)").count > 0
    }

    /// Every read of the client with this external id, and every write to their row in
    /// `clients`, their shared record, their notes and their lead professionals, oldest first.
    public func entries(clientExternalID: String) throws -> [AuditEntry] {
        try entries(
            where: """
                a.client_id = carehub_client_id(\(clientExternalID))
                OR (a.table_name IN ('clients', 'client_records') AND a.row_key = carehub_client_id(\(clientExternalID))::text)
                OR (a.table_name = 'client_notes' AND a.action <> 'read'
                    AND a.row_key IN (SELECT carehub_client_note_ids(carehub_client_id(\(clientExternalID)))))
                OR (a.table_name = 'client_leads' AND a.row_key IN (SELECT carehub_client_lead_ids(carehub_client_id(\(clientExternalID)))))
                OR (a.table_name IN ('care_plan_items', 'journey_episodes', 'handovers') AND a.action <> 'carer-link-read'
                    AND split_part(a.row_key, '/', 1) = carehub_client_id(\(clientExternalID))::text)
                OR (a.table_name = 'record_access_grants'
                    AND a.row_key IN (SELECT carehub_client_grant_ids(carehub_client_id(\(clientExternalID)))))
                """)
    }

    /// Everything recorded for the person with this e-mail, oldest first.
    public func entries(personEmail: String) throws -> [AuditEntry] {
        try entries(where: "a.person_id = (SELECT id FROM people WHERE lower(email) = lower(\(personEmail)))")
    }

    /// Rows counted by table and action, for tests and summaries.
    public func counts() throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try db.query("SELECT table_name || ' ' || action AS k, count(*) AS n FROM audit_log GROUP BY 1").rows {
            counts[try row.decode("k")] = try row.decode("n")
        }
        return counts
    }

    private func entries(where condition: SQLQuery) throws -> [AuditEntry] {
        try db.query(
            """
            SELECT a.id, a.at::text AS at, p.email, a.db_user, a.action, a.table_name, a.row_key,
                   coalesce(array_to_string(a.changed_columns, ';'), '') AS columns
            FROM audit_log a LEFT JOIN people p ON p.id = a.person_id
            WHERE \(condition) ORDER BY a.id
            """
        ).rows.map { row in
            AuditEntry(
                at: try row.decode("at"), personEmail: try row.decode("email", as: String?.self), databaseUser: try row.decode("db_user"),
                action: try row.decode("action"), table: try row.decode("table_name"), rowKey: try row.decode("row_key", as: String?.self),
                changedColumns: try row.decode("columns", as: String.self).split(separator: ";").map(String.init))
        }
    }
}

/// One row of the audit trail.
public struct AuditEntry: Sendable, Hashable {
    /// When, as PostgreSQL prints a timestamptz.
    public let at: String
    /// The person acting, or nil for the administration connection.
    public let personEmail: String?
    /// The login that connected.
    public let databaseUser: String
    /// insert, update, delete or read.
    public let action: String
    public let table: String
    /// The row's key columns joined by `/`.
    public let rowKey: String?
    /// For updates, the names of the columns whose values changed.
    public let changedColumns: [String]
}
