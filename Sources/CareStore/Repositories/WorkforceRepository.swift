import CareModel

/// Writes employment spells, leaving events and vacancies.
public struct WorkforceRepository {
    let db: Connection

    public init(_ db: Connection) { self.db = db }

    /// Inserts a spell (and its leaving event); the carer and hub must exist.
    public func insert(_ s: EmploymentSpell) throws {
        guard let row = try db.query("""
            INSERT INTO employment_spells (carer_id, hub_id, contract_type, zero_hours, contracted_minutes, start_date, end_date,
                                           started_by_internal_move)
            SELECT c.id, h.id, \(s.contract), \(s.zeroHours), \(s.contractedMinutes), \(s.start)::date, \(s.end)::date, \(s.startedByInternalMove)
            FROM carers c, hubs h WHERE c.external_id = \(s.carerID) AND h.code = \(s.hubCode)
            RETURNING id
            """).rows.first
        else { throw ReferenceError(writing: "employment spell", missingKind: "carer or hub", missingID: "\(s.carerID)/\(s.hubCode)") }
        if let e = s.leaving {
            try db.execute("""
                INSERT INTO leaving_events (spell_id, reason_code, destination_code, voluntary, internal_move)
                VALUES (\(try row.decode("id", as: Int.self)), \(e.reason), \(e.destination), \(e.voluntary), \(e.internalMove))
                """)
        }
    }

    public func insert(_ v: Vacancy) throws {
        let added = try db.execute("""
            INSERT INTO vacancies (external_id, hub_id, opened_on, closed_on, close_reason)
            SELECT \(v.externalID), h.id, \(v.opened)::date, \(v.closed)::date, \(v.closeReason) FROM hubs h WHERE h.code = \(v.hubCode)
            """)
        if added == 0 { throw ReferenceError(writing: "vacancy \(v.externalID)", missingKind: "hub", missingID: v.hubCode) }
    }

    /// Number of spells already stored (history is added once).
    public func spellCount() throws -> Int {
        try db.query("SELECT count(*) AS n FROM employment_spells").rows[0].decode("n")
    }

    /// Writes former carers, spells and vacancies in one transaction.
    public func writeHistory(
        formerCarers: [Carer], spells: [EmploymentSpell], vacancies: [Vacancy], sickness: [LocalAbsence], applications: [Application],
        costs: [RecruitmentCost] = []
    ) throws {
        try db.transaction { db in
            for c in formerCarers { try CarerRepository(db).insert(c) }
            for s in spells { try WorkforceRepository(db).insert(s) }
            for v in vacancies { try WorkforceRepository(db).insert(v) }
            for a in sickness { try ShiftRepository(db).insert(a) }
            for a in applications { try WorkforceRepository(db).insert(a) }
            for c in costs { try WorkforceRepository(db).insert(c) }
        }
    }

    public func insert(_ c: RecruitmentCost) throws {
        let added = try db.execute("""
            INSERT INTO recruitment_costs (hub_id, vacancy_id, incurred_on, cost_type, amount_pence)
            SELECT h.id, (SELECT id FROM vacancies WHERE external_id = \(c.vacancyID)), \(c.incurred)::date,
                   \(c.external ? "external" : "internal"), \(c.pence)
            FROM hubs h WHERE h.code = \(c.hubCode)
            """)
        if added == 0 { throw ReferenceError(writing: "recruitment cost", missingKind: "hub", missingID: c.hubCode) }
    }

    public func insert(_ a: Application) throws {
        let added = try db.execute("""
            INSERT INTO applications (external_id, vacancy_id, source, applied_on, interviewed_on, offered_on, accepted_on, declined_on,
                                      checks_cleared_on, withdrawn_on, started_on)
            SELECT \(a.externalID), v.id, \(a.source), \(a.applied)::date, \(a.interviewed)::date, \(a.offered)::date, \(a.accepted)::date,
                   \(a.declined)::date, \(a.checksCleared)::date, \(a.withdrawn)::date, \(a.started)::date
            FROM vacancies v WHERE v.external_id = \(a.vacancyID)
            """)
        if added == 0 { throw ReferenceError(writing: "application \(a.externalID)", missingKind: "vacancy", missingID: a.vacancyID) }
    }

    /// Current carers as stored, by hub, for generating their history.
    public func carersByHub() throws -> [String: [Carer]] {
        var out: [String: [Carer]] = [:]
        for row in try db.query("""
            SELECT c.external_id, h.code, c.given_name, c.family_name, c.gender, c.home_latitude, c.home_longitude, c.contract_type,
                   c.zero_hours, c.contracted_minutes_per_week, c.max_minutes_per_week, c.hourly_rate_pence, c.start_date, c.end_date
            FROM carers c JOIN hubs h ON h.id = c.hub_id ORDER BY c.external_id
            """).rows {
            let hub: String = try row.decode("code")
            guard let home = GeoPoint(latitude: try row.decode("home_latitude"), longitude: try row.decode("home_longitude")) else { continue }
            out[hub, default: []].append(Carer(
                externalID: try row.decode("external_id"), hubCode: hub, givenName: try row.decode("given_name"),
                familyName: try row.decode("family_name"), gender: try row.decode("gender"), home: home,
                contract: try row.decode("contract_type"), zeroHours: try row.decode("zero_hours"),
                contractedMinutesPerWeek: try row.decode("contracted_minutes_per_week"), maxMinutesPerWeek: try row.decode("max_minutes_per_week"),
                hourlyRatePence: try row.decode("hourly_rate_pence"), startDate: try row.decode("start_date"),
                endDate: try row.decode("end_date", as: LocalDate?.self)))
        }
        return out
    }

    /// Carers who left the organisation between `from` and `to` (inclusive): their carer record
    /// ends then, or their last employment spell does (an internal move is not leaving).
    public func leavers(from: LocalDate, to: LocalDate) throws -> Set<String> {
        Set(try db.query("""
            SELECT c.external_id FROM carers c
            WHERE c.end_date BETWEEN \(from)::date AND \(to)::date
               OR EXISTS (SELECT 1 FROM employment_spells s LEFT JOIN leaving_events le ON le.spell_id = s.id
                          WHERE s.carer_id = c.id AND s.end_date BETWEEN \(from)::date AND \(to)::date
                            AND NOT coalesce(le.internal_move, false)
                            AND NOT EXISTS (SELECT 1 FROM employment_spells later WHERE later.carer_id = c.id AND later.start_date > s.end_date))
            """).rows.map { try $0.decode("external_id", as: String.self) })
    }
}
