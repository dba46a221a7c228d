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
