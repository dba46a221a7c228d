import CareModel

/// Writes employment spells with their leaving events, and reads the workforce for sample history.
public struct WorkforceRepository {
    let db: Connection

    public init(_ db: Connection) { self.db = db }

    /// Inserts or updates an employment spell keyed by carer and start date, with its leaving event.
    @discardableResult
    public func upsert(_ s: EmploymentSpell) throws -> UpsertOutcome {
        var outcome = try db.query(
            """
            WITH existing AS (
                SELECT e.id FROM employment_spells e JOIN carers c ON c.id = e.carer_id
                WHERE c.external_id = \(s.carerID) AND e.start_date = \(s.start)::date
            ), updated AS (
                UPDATE employment_spells e SET hub_id = h.id, contract_type = \(s.contract), zero_hours = \(s.zeroHours),
                       contracted_minutes = \(s.contractedMinutes), end_date = \(s.end)::date, started_by_internal_move = \(s.startedByInternalMove)
                FROM hubs h WHERE e.id IN (SELECT id FROM existing) AND h.code = \(s.hubCode)
                  AND (e.hub_id, e.contract_type, e.zero_hours, e.contracted_minutes, e.end_date, e.started_by_internal_move)
                      IS DISTINCT FROM (h.id, \(s.contract)::text, \(s.zeroHours)::boolean, \(s.contractedMinutes)::int, \(s.end)::date,
                          \(s.startedByInternalMove)::boolean)
                RETURNING false AS inserted
            ), inserted AS (
                INSERT INTO employment_spells (carer_id, hub_id, contract_type, zero_hours, contracted_minutes, start_date, end_date,
                    started_by_internal_move)
                SELECT c.id, h.id, \(s.contract), \(s.zeroHours), \(s.contractedMinutes), \(s.start)::date, \(s.end)::date, \(s.startedByInternalMove)
                FROM carers c, hubs h WHERE c.external_id = \(s.carerID) AND h.code = \(s.hubCode) AND NOT EXISTS (SELECT 1 FROM existing)
                RETURNING true AS inserted
            )
            SELECT inserted FROM updated UNION ALL SELECT inserted FROM inserted
            """
        ).upsertOutcome()
        let leavingChanged: Int
        if let e = s.leaving {
            leavingChanged = try db.execute(
                """
                INSERT INTO leaving_events (spell_id, reason_code, destination_code, voluntary, internal_move)
                SELECT e.id, \(e.reason), \(e.destination), \(e.voluntary), \(e.internalMove)
                FROM employment_spells e JOIN carers c ON c.id = e.carer_id WHERE c.external_id = \(s.carerID) AND e.start_date = \(s.start)::date
                ON CONFLICT (spell_id) DO UPDATE SET reason_code = EXCLUDED.reason_code, destination_code = EXCLUDED.destination_code,
                    voluntary = EXCLUDED.voluntary, internal_move = EXCLUDED.internal_move
                WHERE (leaving_events.reason_code, leaving_events.destination_code, leaving_events.voluntary, leaving_events.internal_move)
                      IS DISTINCT FROM (EXCLUDED.reason_code, EXCLUDED.destination_code, EXCLUDED.voluntary, EXCLUDED.internal_move)
                """)
        } else {
            leavingChanged = try db.execute(
                """
                DELETE FROM leaving_events le USING employment_spells e, carers c
                WHERE le.spell_id = e.id AND c.id = e.carer_id AND c.external_id = \(s.carerID) AND e.start_date = \(s.start)::date
                """)
        }
        if outcome == .unchanged && leavingChanged > 0 { outcome = .updated }
        return outcome
    }

    /// Number of spells already stored (history is added once).
    public func spellCount() throws -> Int {
        try db.query("SELECT count(*) AS n FROM employment_spells").rows[0].decode("n")
    }

    /// Writes former carers, spells, vacancies, sickness, applications and costs in one
    /// transaction, through the upserts the importers use. Costs have no identifier of their
    /// own in the sample history, so each is given `COST-<hub>-<n>`.
    public func writeHistory(
        formerCarers: [Carer], spells: [EmploymentSpell], vacancies: [Vacancy], sickness: [LocalAbsence], applications: [Application],
        costs: [RecruitmentCost] = []
    ) throws {
        try db.transaction { db in
            for c in formerCarers { try CarerRepository(db).upsertWithSkills(c) }
            for s in spells { try WorkforceRepository(db).upsert(s) }
            let recruitment = RecruitmentRepository(db)
            for v in vacancies { try recruitment.upsert(v) }
            for a in sickness { try ShiftRepository(db).upsertAbsence(a, reason: nil) }
            for a in applications { try recruitment.upsert(a) }
            for (n, c) in costs.enumerated() { try recruitment.upsert(c, id: "COST-\(c.hubCode)-\(n + 1)") }
        }
    }

    /// Current carers as stored, by hub, for generating their history.
    public func carersByHub() throws -> [String: [Carer]] {
        var out: [String: [Carer]] = [:]
        for row in try db.query(
            """
            SELECT c.external_id, h.code, c.given_name, c.family_name, c.gender, c.home_latitude, c.home_longitude, c.contract_type,
                   c.zero_hours, c.contracted_minutes_per_week, c.max_minutes_per_week, c.hourly_rate_pence, c.start_date, c.end_date
            FROM carers c JOIN hubs h ON h.id = c.hub_id ORDER BY c.external_id
            """
        ).rows {
            let hub: String = try row.decode("code")
            guard let home = GeoPoint(latitude: try row.decode("home_latitude"), longitude: try row.decode("home_longitude")) else { continue }
            out[hub, default: []].append(
                Carer(
                    externalID: try row.decode("external_id"), hubCode: hub, givenName: try row.decode("given_name"),
                    familyName: try row.decode("family_name"), gender: try row.decode("gender"), home: home,
                    contract: try row.decode("contract_type"), zeroHours: try row.decode("zero_hours"),
                    contractedMinutesPerWeek: try row.decode("contracted_minutes_per_week"),
                    maxMinutesPerWeek: try row.decode("max_minutes_per_week"),
                    hourlyRatePence: try row.decode("hourly_rate_pence"), startDate: try row.decode("start_date"),
                    endDate: try row.decode("end_date", as: LocalDate?.self)))
        }
        return out
    }

    /// Carers who left the organisation between `from` and `to` (inclusive): their carer record
    /// ends then, or their last employment spell does (an internal move is not leaving).
    public func leavers(from: LocalDate, to: LocalDate) throws -> Set<String> {
        Set(
            try db.query(
                """
                SELECT c.external_id FROM carers c
                WHERE c.end_date BETWEEN \(from)::date AND \(to)::date
                   OR EXISTS (SELECT 1 FROM employment_spells s LEFT JOIN leaving_events le ON le.spell_id = s.id
                              WHERE s.carer_id = c.id AND s.end_date BETWEEN \(from)::date AND \(to)::date
                                AND NOT coalesce(le.internal_move, false)
                                AND NOT EXISTS (SELECT 1 FROM employment_spells later WHERE later.carer_id = c.id AND later.start_date > s.end_date))
                """
            ).rows.map { try $0.decode("external_id", as: String.self) })
    }
}
