import CareModel

/// Writes `carers` with their skills and lending hubs: the one write path for import and seeding.
public struct CarerRepository {
    let db: Connection

    /// A repository over a connection (and whatever transaction it is in).
    public init(_ db: Connection) { self.db = db }

    /// Inserts or updates a carer by external id, and replaces the hubs they may be lent to when
    /// that set differs. Skills are left alone: they come from their own file (`upsertSkill`).
    @discardableResult
    public func upsert(_ c: Carer) throws -> UpsertOutcome {
        if let missing = try ExternalIDRepository(db).firstMissing([c.hubCode] + c.lendableTo, in: .hubs) {
            throw ReferenceError(writing: "carer \(c.externalID)", missingKind: "hub", missingID: missing)
        }
        var outcome = try db.query(
            """
            INSERT INTO carers (external_id, hub_id, given_name, family_name, gender, home_latitude, home_longitude, contract_type,
                                zero_hours, contracted_minutes_per_week, max_minutes_per_week, hourly_rate_pence, start_date, end_date,
                                transport)
            SELECT \(c.externalID), h.id, \(c.givenName), \(c.familyName), \(c.gender), \(c.home.latitude), \(c.home.longitude),
                   \(c.contract), \(c.zeroHours), \(c.contractedMinutesPerWeek), \(c.maxMinutesPerWeek), \(c.hourlyRatePence),
                   \(c.startDate)::date, \(c.endDate)::date, \(c.transport)
            FROM hubs h WHERE h.code = \(c.hubCode)
            ON CONFLICT (external_id) DO UPDATE SET hub_id = EXCLUDED.hub_id, given_name = EXCLUDED.given_name,
                family_name = EXCLUDED.family_name, gender = EXCLUDED.gender, home_latitude = EXCLUDED.home_latitude,
                home_longitude = EXCLUDED.home_longitude, contract_type = EXCLUDED.contract_type, zero_hours = EXCLUDED.zero_hours,
                contracted_minutes_per_week = EXCLUDED.contracted_minutes_per_week, max_minutes_per_week = EXCLUDED.max_minutes_per_week,
                hourly_rate_pence = EXCLUDED.hourly_rate_pence, start_date = EXCLUDED.start_date, end_date = EXCLUDED.end_date,
                transport = EXCLUDED.transport, updated_at = now()
            WHERE (carers.hub_id, carers.given_name, carers.family_name, carers.gender, carers.home_latitude, carers.home_longitude,
                   carers.contract_type, carers.zero_hours, carers.contracted_minutes_per_week, carers.max_minutes_per_week,
                   carers.hourly_rate_pence, carers.start_date, carers.end_date, carers.transport)
                  IS DISTINCT FROM
                  (EXCLUDED.hub_id, EXCLUDED.given_name, EXCLUDED.family_name, EXCLUDED.gender, EXCLUDED.home_latitude,
                   EXCLUDED.home_longitude, EXCLUDED.contract_type, EXCLUDED.zero_hours, EXCLUDED.contracted_minutes_per_week,
                   EXCLUDED.max_minutes_per_week, EXCLUDED.hourly_rate_pence, EXCLUDED.start_date, EXCLUDED.end_date, EXCLUDED.transport)
            RETURNING (xmax = 0) AS inserted
            """
        ).upsertOutcome()
        let lendChanged = try db.execute(
            """
            WITH c AS (SELECT id FROM carers WHERE external_id = \(c.externalID)),
                 wanted AS (SELECT h.id FROM hubs h WHERE h.code = ANY(\(c.lendableTo.sorted())::text[])),
                 gone AS (DELETE FROM carer_lendable_hubs l USING c WHERE l.carer_id = c.id AND l.hub_id NOT IN (SELECT id FROM wanted)
                          RETURNING 1),
                 added AS (INSERT INTO carer_lendable_hubs (carer_id, hub_id) SELECT c.id, wanted.id FROM c, wanted
                           ON CONFLICT DO NOTHING RETURNING 1)
            SELECT 1 FROM gone UNION ALL SELECT 1 FROM added
            """)
        if outcome == .unchanged && lendChanged > 0 { outcome = .updated }
        return outcome
    }

    /// Inserts or updates one skill of a carer (keyed by carer and skill).
    @discardableResult
    public func upsertSkill(carer: String, _ s: CarerSkill) throws -> UpsertOutcome {
        let outcome = try db.query(
            """
            INSERT INTO carer_skills (carer_id, skill, qualified_on, expires_on)
            SELECT c.id, \(s.skill), \(s.qualifiedOn)::date, \(s.expiresOn)::date FROM carers c WHERE c.external_id = \(carer)
            ON CONFLICT (carer_id, skill) DO UPDATE SET qualified_on = EXCLUDED.qualified_on, expires_on = EXCLUDED.expires_on
            WHERE (carer_skills.qualified_on, carer_skills.expires_on) IS DISTINCT FROM (EXCLUDED.qualified_on, EXCLUDED.expires_on)
            RETURNING (xmax = 0) AS inserted
            """
        ).upsertOutcome()
        // No row also means no such carer: name it rather than report "unchanged".
        if outcome == .unchanged, try ExternalIDRepository(db).firstMissing([carer], in: .carers) != nil {
            throw ReferenceError(writing: "skill \(s.skill)", missingKind: "carer", missingID: carer)
        }
        return outcome
    }

    /// A carer and every skill they hold, as seeding writes a generated carer.
    public func upsertWithSkills(_ carer: Carer) throws {
        try upsert(carer)
        for skill in carer.skills { try upsertSkill(carer: carer.externalID, skill) }
    }

    /// Number of carers, optionally in one hub.
    public func count(hubCode: String? = nil) throws -> Int {
        try db.query(
            """
            SELECT count(*) AS n FROM carers c JOIN hubs h ON h.id = c.hub_id
            WHERE \(hubCode)::text IS NULL OR h.code = \(hubCode)
            """
        ).rows[0].decode("n")
    }
}
