import CareModel

/// Writes `carers` with their skills and lending hubs.
public struct CarerRepository {
    let db: Connection

    /// A repository over a connection (and whatever transaction it is in).
    public init(_ db: Connection) { self.db = db }

    /// Inserts a carer, their skills and the hubs they may be lent to; returns the carer's id.
    @discardableResult
    public func insert(_ carer: Carer) throws -> Int {
        try db.transaction { db in
            guard let row = try db.query("""
                INSERT INTO carers (external_id, hub_id, given_name, family_name, gender, home_latitude, home_longitude,
                                    contract_type, zero_hours, contracted_minutes_per_week, max_minutes_per_week,
                                    hourly_rate_pence, start_date, end_date)
                SELECT \(carer.externalID), h.id, \(carer.givenName), \(carer.familyName), \(carer.gender),
                       \(carer.home.latitude), \(carer.home.longitude), \(carer.contract), \(carer.zeroHours),
                       \(carer.contractedMinutesPerWeek), \(carer.maxMinutesPerWeek), \(carer.hourlyRatePence),
                       \(carer.startDate)::date, \(carer.endDate)::date
                FROM hubs h WHERE h.code = \(carer.hubCode)
                RETURNING id
                """).rows.first
            else { throw ReferenceError(writing: "carer \(carer.externalID)", missingKind: "hub", missingID: carer.hubCode) }
            let id: Int = try row.decode("id")
            for skill in carer.skills {
                try db.execute("""
                    INSERT INTO carer_skills (carer_id, skill, qualified_on, expires_on)
                    VALUES (\(id), \(skill.skill), \(skill.qualifiedOn)::date, \(skill.expiresOn)::date)
                    """)
            }
            for code in carer.lendableTo {
                let added = try db.execute("""
                    INSERT INTO carer_lendable_hubs (carer_id, hub_id) SELECT \(id), h.id FROM hubs h WHERE h.code = \(code)
                    """)
                if added == 0 { throw ReferenceError(writing: "carer \(carer.externalID)", missingKind: "hub", missingID: code) }
            }
            return id
        }
    }

    /// Number of carers, optionally in one hub.
    public func count(hubCode: String? = nil) throws -> Int {
        try db.query("""
            SELECT count(*) AS n FROM carers c JOIN hubs h ON h.id = c.hub_id
            WHERE \(hubCode)::text IS NULL OR h.code = \(hubCode)
            """).rows[0].decode("n")
    }
}
