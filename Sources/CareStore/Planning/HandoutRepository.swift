import CareModel

/// What the hand-outs need beyond the roster files: carers' names and pay, clients' first
/// names and address areas (only those, as a rota should show), and pay floors.
public struct HandoutRepository {
    let db: Connection

    public init(_ db: Connection) { self.db = db }

    /// A carer as a rota shows them.
    public struct CarerDetails: Sendable {
        public let name: String
        public let hourlyRatePence: Int
    }

    /// A client as a carer's rota shows them: first name and postcode district only.
    public struct ClientDetails: Sendable {
        public let firstName: String
        public let addressArea: String
    }

    public func carers(_ ids: [String]) throws -> [String: CarerDetails] {
        var out: [String: CarerDetails] = [:]
        for row in try db.query(
            """
            SELECT external_id, given_name || ' ' || family_name AS name, hourly_rate_pence FROM carers WHERE external_id = ANY(\(ids)::text[])
            """
        ).rows {
            out[try row.decode("external_id")] = CarerDetails(name: try row.decode("name"), hourlyRatePence: try row.decode("hourly_rate_pence"))
        }
        return out
    }

    /// The care-plan tasks and access notes of these visits (database visit ids, as a generated
    /// roster names them), by visit, in the plan's order with access first; each client whose plan
    /// is read this way has the read recorded in the audit trail.
    public func tasks(visitIDs: [String]) throws -> [String: [CarePlan.Item]] {
        let ids = visitIDs.compactMap(Int.init)
        guard !ids.isEmpty else { return [:] }
        try db.execute(
            """
            SELECT carehub_record_care_plan_read(c.id) FROM clients c
            WHERE c.id IN (SELECT v.client_id FROM visits v WHERE v.id = ANY (\(ids)::bigint[]))
              AND EXISTS (SELECT 1 FROM care_plan_items i WHERE i.client_id = c.id)
            """)
        var tasks: [String: [CarePlan.Item]] = [:]
        for row in try db.query(
            """
            SELECT v.id::text AS visit, i.kind, i.description FROM visits v LEFT JOIN package_visits pv ON pv.id = v.package_visit_id
            JOIN care_plan_items i ON i.client_id = v.client_id AND i.kind <> 'outcome' AND (i.call_label IS NULL OR i.call_label = pv.call_label)
            WHERE v.id = ANY (\(ids)::bigint[])
            ORDER BY v.id, i.kind <> 'access', i.position
            """
        ).rows {
            let item = CarePlan.Item(kind: CarePlan.Kind(rawValue: try row.decode("kind")) ?? .other, description: try row.decode("description"))
            tasks[try row.decode("visit"), default: []].append(item)
        }
        return tasks
    }

    public func clients(_ ids: [String]) throws -> [String: ClientDetails] {
        var out: [String: ClientDetails] = [:]
        for row in try db.query(
            """
            SELECT external_id, given_name, split_part(postcode, ' ', 1) AS area FROM clients WHERE external_id = ANY(\(ids)::text[])
            """
        ).rows {
            out[try row.decode("external_id")] = ClientDetails(firstName: try row.decode("given_name"), addressArea: try row.decode("area"))
        }
        return out
    }

    /// The National Living Wage in pence on a date, or nil before the first recorded rate.
    public func livingWage(on date: LocalDate) throws -> Int? {
        try db.query(
            """
            SELECT hourly_pence FROM pay_floors WHERE name = 'national_living_wage' AND valid_from <= \(date)::date
            ORDER BY valid_from DESC LIMIT 1
            """
        ).rows.first?.decode("hourly_pence")
    }
}
