import CareModel

/// Writes `clients` with their preferred and excluded carers: the one write path for import and seeding.
public struct ClientRepository {
    let db: Connection

    /// A repository over a connection (and whatever transaction it is in).
    public init(_ db: Connection) { self.db = db }

    /// Inserts or updates a client by external id, and replaces their carer preferences and
    /// exclusions when they differ. The hub and every carer named must exist.
    @discardableResult
    public func upsert(_ c: Client) throws -> UpsertOutcome {
        try upsertClient(c)
    }

    /// Marks an existing client as discharged into Home First on `date`; their hub's code, or nil
    /// when no such client is visible. True in `changed` when anything changed.
    public func markHomeFirst(clientExternalID: String, dischargeDate: LocalDate) throws -> (hubCode: String, changed: Bool)? {
        guard
            let row = try db.query(
                "SELECT h.code FROM clients c JOIN hubs h ON h.id = c.hub_id WHERE c.external_id = \(clientExternalID)"
            ).rows.first
        else { return nil }
        let changed = try db.execute(
            """
            UPDATE clients SET home_first = true, discharge_date = \(dischargeDate)::date, updated_at = now()
            WHERE external_id = \(clientExternalID) AND (NOT home_first OR discharge_date IS DISTINCT FROM \(dischargeDate)::date)
            """)
        return (try row.decode("code"), changed > 0)
    }

    private func upsertClient(_ c: Client) throws -> UpsertOutcome {
        let ids = ExternalIDRepository(db)
        if let missing = try ids.firstMissing([c.hubCode], in: .hubs) {
            throw ReferenceError(writing: "client \(c.externalID)", missingKind: "hub", missingID: missing)
        }
        if let missing = try ids.firstMissing(c.preferredCarers + c.excludedCarers, in: .carers) {
            throw ReferenceError(writing: "client \(c.externalID)", missingKind: "carer", missingID: missing)
        }
        var outcome = try db.query(
            """
            INSERT INTO clients (external_id, hub_id, given_name, family_name, postcode, latitude, longitude, gender_preference,
                                 lead_professional, funding_stream, home_first, discharge_date, date_of_birth)
            SELECT \(c.externalID), h.id, \(c.givenName), \(c.familyName), \(c.postcode), \(c.location.latitude), \(c.location.longitude),
                   \(c.genderPreference), \(c.leadProfessional), \(c.funding), \(c.homeFirst), \(c.dischargeDate)::date, \(c.dateOfBirth)::date
            FROM hubs h WHERE h.code = \(c.hubCode)
            ON CONFLICT (external_id) DO UPDATE SET hub_id = EXCLUDED.hub_id, given_name = EXCLUDED.given_name,
                family_name = EXCLUDED.family_name, postcode = EXCLUDED.postcode, latitude = EXCLUDED.latitude,
                longitude = EXCLUDED.longitude, gender_preference = EXCLUDED.gender_preference,
                lead_professional = EXCLUDED.lead_professional, funding_stream = EXCLUDED.funding_stream,
                home_first = EXCLUDED.home_first, discharge_date = EXCLUDED.discharge_date, date_of_birth = EXCLUDED.date_of_birth,
                updated_at = now()
            WHERE (clients.hub_id, clients.given_name, clients.family_name, clients.postcode, clients.latitude, clients.longitude,
                   clients.gender_preference, clients.lead_professional, clients.funding_stream, clients.home_first,
                   clients.discharge_date, clients.date_of_birth)
                  IS DISTINCT FROM
                  (EXCLUDED.hub_id, EXCLUDED.given_name, EXCLUDED.family_name, EXCLUDED.postcode, EXCLUDED.latitude,
                   EXCLUDED.longitude, EXCLUDED.gender_preference, EXCLUDED.lead_professional, EXCLUDED.funding_stream,
                   EXCLUDED.home_first, EXCLUDED.discharge_date, EXCLUDED.date_of_birth)
            RETURNING (xmax = 0) AS inserted
            """
        ).upsertOutcome()
        let wanted = c.preferredCarers.map { "preferred:" + $0 } + c.excludedCarers.map { "excluded:" + $0 }
        let relationsChanged = try db.execute(
            """
            WITH cl AS (SELECT id FROM clients WHERE external_id = \(c.externalID)),
                 wanted AS (SELECT ca.id AS carer_id, split_part(w, ':', 1) AS relation
                            FROM unnest(\(wanted)::text[]) AS w JOIN carers ca ON ca.external_id = substr(w, strpos(w, ':') + 1)),
                 gone AS (DELETE FROM client_carer_relations r USING cl WHERE r.client_id = cl.id
                          AND (r.carer_id, r.relation) NOT IN (SELECT carer_id, relation FROM wanted) RETURNING 1),
                 added AS (INSERT INTO client_carer_relations (client_id, carer_id, relation) SELECT cl.id, wanted.carer_id, wanted.relation
                           FROM cl, wanted ON CONFLICT (client_id, carer_id) DO UPDATE SET relation = EXCLUDED.relation
                           WHERE client_carer_relations.relation <> EXCLUDED.relation RETURNING 1)
            SELECT 1 FROM gone UNION ALL SELECT 1 FROM added
            """)
        if outcome == .unchanged && relationsChanged > 0 { outcome = .updated }
        return outcome
    }
}
