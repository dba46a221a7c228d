import CareModel

/// Writes hospital discharges: the one write path for import and seeding.
public struct DischargeRepository {
    let db: Connection

    /// A repository over a connection (and whatever transaction it is in).
    public init(_ db: Connection) { self.db = db }

    /// A discharge as Home First needs it.
    public struct Found: Sendable, Hashable {
        public let hubCode: String
        public let pathway: Int
        public let discharged: LocalDate
        /// The client it is linked to already.
        public let clientID: String?
    }

    /// The discharge with this external id, if the acting person sees it.
    public func find(externalID: String) throws -> Found? {
        try db.query(
            """
            SELECT h.code, d.pathway, d.discharge_date, c.external_id AS client
            FROM hospital_discharges d JOIN hubs h ON h.id = d.hub_id LEFT JOIN clients c ON c.id = d.client_id
            WHERE d.external_id = \(externalID)
            """
        ).rows.first.map { row in
            Found(
                hubCode: try row.decode("code"), pathway: try row.decode("pathway"), discharged: try row.decode("discharge_date"),
                clientID: try row.decode("client", as: String?.self))
        }
    }

    /// Links a discharge to its client and marks reablement as started on the discharge day
    /// unless a start is known; true when anything changed.
    @discardableResult
    public func linkReablement(externalID: String, clientExternalID: String) throws -> Bool {
        try db.execute(
            """
            UPDATE hospital_discharges d SET client_id = c.id, reablement_start = coalesce(d.reablement_start, d.discharge_date)
            FROM clients c
            WHERE d.external_id = \(externalID) AND c.external_id = \(clientExternalID)
              AND (d.client_id IS DISTINCT FROM c.id OR d.reablement_start IS NULL)
            """) > 0
    }

    /// Inserts or updates a discharge by external id; the hub must exist.
    @discardableResult
    public func upsert(_ d: HospitalDischarge) throws -> UpsertOutcome {
        if let missing = try ExternalIDRepository(db).firstMissing([d.hubCode], in: .hubs) {
            throw ReferenceError(writing: "discharge \(d.externalID)", missingKind: "hub", missingID: missing)
        }
        return try db.query(
            """
            INSERT INTO hospital_discharges (external_id, hub_id, client_id, age_at_discharge, discharge_ready_date, discharge_date, pathway,
                                             reablement_start, council_funded, status_at_91)
            SELECT \(d.externalID), h.id, (SELECT id FROM clients WHERE external_id = \(d.clientID)), \(d.ageAtDischarge),
                   \(d.dischargeReady)::date, \(d.discharged)::date, \(d.pathway), \(d.reablementStart)::date, \(d.councilFunded),
                   \(d.statusAt91?.rawValue)
            FROM hubs h WHERE h.code = \(d.hubCode)
            ON CONFLICT (external_id) DO UPDATE SET hub_id = EXCLUDED.hub_id,
                -- A file without the client or reablement start keeps what Home First or a journey linked.
                client_id = coalesce(EXCLUDED.client_id, hospital_discharges.client_id),
                age_at_discharge = EXCLUDED.age_at_discharge, discharge_ready_date = EXCLUDED.discharge_ready_date,
                discharge_date = EXCLUDED.discharge_date, pathway = EXCLUDED.pathway,
                reablement_start = coalesce(EXCLUDED.reablement_start, hospital_discharges.reablement_start),
                council_funded = EXCLUDED.council_funded, status_at_91 = EXCLUDED.status_at_91
            WHERE (hospital_discharges.hub_id, hospital_discharges.client_id, hospital_discharges.age_at_discharge,
                   hospital_discharges.discharge_ready_date, hospital_discharges.discharge_date, hospital_discharges.pathway,
                   hospital_discharges.reablement_start, hospital_discharges.council_funded, hospital_discharges.status_at_91)
                  IS DISTINCT FROM (EXCLUDED.hub_id, coalesce(EXCLUDED.client_id, hospital_discharges.client_id), EXCLUDED.age_at_discharge,
                   EXCLUDED.discharge_ready_date, EXCLUDED.discharge_date, EXCLUDED.pathway,
                   coalesce(EXCLUDED.reablement_start, hospital_discharges.reablement_start), EXCLUDED.council_funded, EXCLUDED.status_at_91)
            RETURNING (xmax = 0) AS inserted
            """
        ).upsertOutcome()
    }
}
