import CareModel

/// Reads and writes `client_records`: the shared part of a person's record (migration 0026).
/// Row-level security decides whose records the acting person reaches; `record` writes its read
/// to the audit trail itself, so no caller can read a record unrecorded through carehub.
public struct ClientRecordRepository {
    let db: Connection

    /// A repository over a connection (and whatever transaction it is in).
    public init(_ db: Connection) { self.db = db }

    /// Inserts or updates the record of an existing client (by external id); unchanged fields
    /// write nothing and leave no audit entry.
    @discardableResult
    public func upsert(_ r: ClientRecord) throws -> UpsertOutcome {
        if let missing = try ExternalIDRepository(db).firstMissing([r.clientID], in: .clients) {
            throw ReferenceError(writing: "record", missingKind: "client", missingID: missing)
        }
        let covers = r.consent.map { $0.covers.sorted().map(\.rawValue) }
        return try db.query(
            """
            INSERT INTO client_records (client_id, nhs_number, address, next_of_kin, gp_practice, communication_needs, what_matters,
                                        risk_falls, risk_hoist, allergies, dnacpr_location, consent_covers, consent_recorded_by,
                                        consent_recorded_on)
            SELECT c.id, \(r.nhsNumber?.digits), \(r.address), \(r.nextOfKin), \(r.gpPractice), \(r.communicationNeeds), \(r.whatMatters),
                   \(r.risks.falls), \(r.risks.hoist), \(r.risks.allergies), \(r.risks.dnacprLocation), \(covers)::text[],
                   \(r.consent?.recordedBy), \(r.consent?.recordedOn)::date
            FROM clients c WHERE c.external_id = \(r.clientID)
            ON CONFLICT (client_id) DO UPDATE SET nhs_number = EXCLUDED.nhs_number, address = EXCLUDED.address,
                next_of_kin = EXCLUDED.next_of_kin, gp_practice = EXCLUDED.gp_practice, communication_needs = EXCLUDED.communication_needs,
                what_matters = EXCLUDED.what_matters, risk_falls = EXCLUDED.risk_falls, risk_hoist = EXCLUDED.risk_hoist,
                allergies = EXCLUDED.allergies, dnacpr_location = EXCLUDED.dnacpr_location, consent_covers = EXCLUDED.consent_covers,
                consent_recorded_by = EXCLUDED.consent_recorded_by, consent_recorded_on = EXCLUDED.consent_recorded_on, updated_at = now()
            WHERE (client_records.nhs_number, client_records.address, client_records.next_of_kin, client_records.gp_practice,
                   client_records.communication_needs, client_records.what_matters, client_records.risk_falls, client_records.risk_hoist,
                   client_records.allergies, client_records.dnacpr_location, client_records.consent_covers,
                   client_records.consent_recorded_by, client_records.consent_recorded_on)
                  IS DISTINCT FROM
                  (EXCLUDED.nhs_number, EXCLUDED.address, EXCLUDED.next_of_kin, EXCLUDED.gp_practice, EXCLUDED.communication_needs,
                   EXCLUDED.what_matters, EXCLUDED.risk_falls, EXCLUDED.risk_hoist, EXCLUDED.allergies, EXCLUDED.dnacpr_location,
                   EXCLUDED.consent_covers, EXCLUDED.consent_recorded_by, EXCLUDED.consent_recorded_on)
            RETURNING (xmax = 0) AS inserted
            """
        ).upsertOutcome()
    }

    /// What a record page shows of the client besides the record: from `clients`.
    public struct Person: Sendable, Hashable {
        public let name: String
        public let hubCode: String
        public let postcode: String
        public let dateOfBirth: LocalDate?
        /// Today in the hub's time zone, for what falls due (a care plan's reviews).
        public let today: LocalDate
    }

    /// The client with this external id as the acting person sees them, or nil when they may not.
    public func person(clientExternalID: String) throws -> Person? {
        guard
            let row = try db.query(
                """
                SELECT c.given_name || ' ' || c.family_name AS name, h.code AS hub, c.postcode, c.date_of_birth,
                       (now() AT TIME ZONE h.timezone)::date AS today
                FROM clients c JOIN hubs h ON h.id = c.hub_id WHERE c.external_id = \(clientExternalID)
                """
            ).rows.first
        else { return nil }
        return Person(
            name: try row.decode("name"), hubCode: try row.decode("hub"), postcode: try row.decode("postcode"),
            dateOfBirth: try row.decode("date_of_birth", as: LocalDate?.self), today: try row.decode("today"))
    }

    /// The record of the client with this external id, when the acting person may read it and
    /// one has been written. The read is recorded in the audit trail in the same transaction
    /// (call it inside one: a read whose transaction fails leaves no entry, and shows nothing).
    public func record(clientExternalID: String) throws -> ClientRecord? {
        guard try AuditRepository(db).recordClientRecordRead(externalID: clientExternalID) else { return nil }
        let rows = try db.query(
            """
            SELECT r.nhs_number, r.address, r.next_of_kin, r.gp_practice, r.communication_needs, r.what_matters, r.risk_falls,
                   r.risk_hoist, r.allergies, r.dnacpr_location, r.consent_covers, r.consent_recorded_by, r.consent_recorded_on
            FROM client_records r JOIN clients c ON c.id = r.client_id
            WHERE c.external_id = \(clientExternalID)
            """
        ).rows
        guard let row = rows.first else { return nil }
        var consent: ClientRecord.Consent?
        if let covers = try row.decode("consent_covers", as: [String]?.self), let by = try row.decode("consent_recorded_by", as: String?.self),
            let on = try row.decode("consent_recorded_on", as: LocalDate?.self)
        {
            consent = ClientRecord.Consent(covers: Set(covers.compactMap(ClientRecord.ConsentScope.init(rawValue:))), recordedBy: by, recordedOn: on)
        }
        return ClientRecord(
            clientID: clientExternalID, nhsNumber: try row.decode("nhs_number", as: String?.self).flatMap(NHSNumber.init),
            address: try row.decode("address"), nextOfKin: try row.decode("next_of_kin"), gpPractice: try row.decode("gp_practice"),
            communicationNeeds: try row.decode("communication_needs"), whatMatters: try row.decode("what_matters"),
            risks: ClientRecord.Risks(
                falls: try row.decode("risk_falls"), hoist: try row.decode("risk_hoist"), allergies: try row.decode("allergies"),
                dnacprLocation: try row.decode("dnacpr_location", as: String?.self)),
            consent: consent)
    }
}
