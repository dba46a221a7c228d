import CareModel

/// Writes hospital discharges.
public struct DischargeRepository {
    let db: Connection

    public init(_ db: Connection) { self.db = db }

    public func insert(_ d: HospitalDischarge) throws {
        let added = try db.execute("""
            INSERT INTO hospital_discharges (external_id, hub_id, client_id, age_at_discharge, discharge_ready_date, discharge_date, pathway,
                                             reablement_start, council_funded, status_at_91)
            SELECT \(d.externalID), h.id, (SELECT id FROM clients WHERE external_id = \(d.clientID)), \(d.ageAtDischarge),
                   \(d.dischargeReady)::date, \(d.discharged)::date, \(d.pathway), \(d.reablementStart)::date, \(d.councilFunded),
                   \(d.statusAt91?.rawValue)
            FROM hubs h WHERE h.code = \(d.hubCode)
            """)
        if added == 0 { throw ReferenceError(writing: "discharge \(d.externalID)", missingKind: "hub", missingID: d.hubCode) }
    }
}
