import CareModel

/// Writes `clients`, their carer preferences and exclusions, and their care packages.
public struct ClientRepository {
    let db: Connection

    /// A repository over a connection (and whatever transaction it is in).
    public init(_ db: Connection) { self.db = db }

    /// Inserts a client with preferred and excluded carers (who must exist); returns the id.
    @discardableResult
    public func insert(_ client: Client) throws -> Int {
        try db.transaction { db in
            guard let row = try db.query("""
                INSERT INTO clients (external_id, hub_id, given_name, family_name, postcode, latitude, longitude,
                                     gender_preference, lead_professional, funding_stream, home_first,
                                     discharge_date, date_of_birth)
                SELECT \(client.externalID), h.id, \(client.givenName), \(client.familyName), \(client.postcode),
                       \(client.location.latitude), \(client.location.longitude), \(client.genderPreference),
                       \(client.leadProfessional), \(client.funding), \(client.homeFirst),
                       \(client.dischargeDate)::date, \(client.dateOfBirth)::date
                FROM hubs h WHERE h.code = \(client.hubCode)
                RETURNING id
                """).rows.first
            else { throw ReferenceError(writing: "client \(client.externalID)", missingKind: "hub", missingID: client.hubCode) }
            let id: Int = try row.decode("id")
            let relations = client.preferredCarers.map { ($0, "preferred") } + client.excludedCarers.map { ($0, "excluded") }
            for (carer, relation) in relations {
                let added = try db.execute("""
                    INSERT INTO client_carer_relations (client_id, carer_id, relation)
                    SELECT \(id), c.id, \(relation) FROM carers c WHERE c.external_id = \(carer)
                    """)
                if added == 0 { throw ReferenceError(writing: "client \(client.externalID)", missingKind: "carer", missingID: carer) }
            }
            return id
        }
    }

    /// Inserts a care package and its weekly visit templates; returns the package id.
    @discardableResult
    public func insert(_ package: CarePackage) throws -> Int {
        try db.transaction { db in
            guard let row = try db.query("""
                INSERT INTO care_packages (external_id, client_id, valid_from, valid_to)
                SELECT \(package.externalID), c.id, \(package.validFrom)::date, \(package.validTo)::date
                FROM clients c WHERE c.external_id = \(package.clientID)
                RETURNING id
                """).rows.first
            else { throw ReferenceError(writing: "package \(package.externalID)", missingKind: "client", missingID: package.clientID) }
            let id: Int = try row.decode("id")
            try ClientRepository(db).insertVisits(package.visits, package: id)
            return id
        }
    }

    /// Inserts weekly calls of a package.
    @discardableResult
    public func insertVisits(_ visits: [VisitTemplate], package id: Int) throws -> Int {
        for visit in visits {
            try db.execute("""
                INSERT INTO package_visits (package_id, weekday, window_start, window_end, duration_minutes,
                                            skills, carers_needed, priority)
                VALUES (\(id), \(visit.weekday), \(visit.windowStart)::time, \(visit.windowEnd)::time,
                        \(visit.durationMinutes), \(visit.skills.map(\.code))::skill_code[], \(visit.carersNeeded), \(visit.priority))
                """)
        }
        return visits.count
    }
}
