import CareModel

/// What an import did to one record.
public enum ImportChange: Sendable, Equatable {
    case new, updated, unchanged
}

/// Upserts by external id for the CSV importers. Each call reports whether the record was new,
/// updated or unchanged, so `--dry-run` can say what a file would change. The caller holds the
/// transaction (one per file).
public struct ImportWriter {
    let db: Connection

    public init(_ db: Connection) { self.db = db }

    /// Known ids of a kind, for reference checks with line numbers before writing.
    public func externalIDs(_ table: ImportTable) throws -> Set<String> {
        let rows: [Row]
        switch table {
        case .hubs: rows = try db.query("SELECT code AS id FROM hubs").rows
        case .carers: rows = try db.query("SELECT external_id AS id FROM carers").rows
        case .clients: rows = try db.query("SELECT external_id AS id FROM clients").rows
        case .vacancies: rows = try db.query("SELECT external_id AS id FROM vacancies").rows
        }
        return Set(try rows.map { try $0.decode("id") })
    }

    /// Tables whose ids rows refer to.
    public enum ImportTable: Sendable { case hubs, carers, clients, vacancies }

    /// Reads `inserted` from an upsert's RETURNING: nil row means unchanged.
    private func change(_ result: QueryResult) throws -> ImportChange {
        guard let row = result.rows.first else { return .unchanged }
        return try row.decode("inserted", as: Bool.self) ? .new : .updated
    }

    public func upsert(_ h: Hub) throws -> ImportChange {
        try change(db.query("""
            INSERT INTO hubs (code, name, latitude, longitude, timezone)
            VALUES (\(h.code), \(h.name), \(h.location.latitude), \(h.location.longitude), \(h.timeZone))
            ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude,
                timezone = EXCLUDED.timezone
            WHERE (hubs.name, hubs.latitude, hubs.longitude, hubs.timezone)
                  IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.latitude, EXCLUDED.longitude, EXCLUDED.timezone)
            RETURNING (xmax = 0) AS inserted
            """))
    }

    public func upsert(_ c: Carer) throws -> ImportChange {
        var outcome = try change(db.query("""
            INSERT INTO carers (external_id, hub_id, given_name, family_name, gender, home_latitude, home_longitude, contract_type,
                                zero_hours, contracted_minutes_per_week, max_minutes_per_week, hourly_rate_pence, start_date, end_date)
            SELECT \(c.externalID), h.id, \(c.givenName), \(c.familyName), \(c.gender), \(c.home.latitude), \(c.home.longitude),
                   \(c.contract), \(c.zeroHours), \(c.contractedMinutesPerWeek), \(c.maxMinutesPerWeek), \(c.hourlyRatePence),
                   \(c.startDate)::date, \(c.endDate)::date
            FROM hubs h WHERE h.code = \(c.hubCode)
            ON CONFLICT (external_id) DO UPDATE SET hub_id = EXCLUDED.hub_id, given_name = EXCLUDED.given_name,
                family_name = EXCLUDED.family_name, gender = EXCLUDED.gender, home_latitude = EXCLUDED.home_latitude,
                home_longitude = EXCLUDED.home_longitude, contract_type = EXCLUDED.contract_type, zero_hours = EXCLUDED.zero_hours,
                contracted_minutes_per_week = EXCLUDED.contracted_minutes_per_week, max_minutes_per_week = EXCLUDED.max_minutes_per_week,
                hourly_rate_pence = EXCLUDED.hourly_rate_pence, start_date = EXCLUDED.start_date, end_date = EXCLUDED.end_date,
                updated_at = now()
            WHERE (carers.hub_id, carers.given_name, carers.family_name, carers.gender, carers.home_latitude, carers.home_longitude,
                   carers.contract_type, carers.zero_hours, carers.contracted_minutes_per_week, carers.max_minutes_per_week,
                   carers.hourly_rate_pence, carers.start_date, carers.end_date)
                  IS DISTINCT FROM
                  (EXCLUDED.hub_id, EXCLUDED.given_name, EXCLUDED.family_name, EXCLUDED.gender, EXCLUDED.home_latitude,
                   EXCLUDED.home_longitude, EXCLUDED.contract_type, EXCLUDED.zero_hours, EXCLUDED.contracted_minutes_per_week,
                   EXCLUDED.max_minutes_per_week, EXCLUDED.hourly_rate_pence, EXCLUDED.start_date, EXCLUDED.end_date)
            RETURNING (xmax = 0) AS inserted
            """))
        // Lending hubs: replace the set when it differs.
        let lendChanged = try db.execute("""
            WITH c AS (SELECT id FROM carers WHERE external_id = \(c.externalID)),
                 wanted AS (SELECT h.id FROM hubs h WHERE h.code = ANY(\(c.lendableTo.sorted())::text[])),
                 gone AS (DELETE FROM carer_lendable_hubs l USING c WHERE l.carer_id = c.id AND l.hub_id NOT IN (SELECT id FROM wanted) RETURNING 1),
                 added AS (INSERT INTO carer_lendable_hubs (carer_id, hub_id) SELECT c.id, wanted.id FROM c, wanted ON CONFLICT DO NOTHING RETURNING 1)
            SELECT 1 FROM gone UNION ALL SELECT 1 FROM added
            """)
        if outcome == .unchanged && lendChanged > 0 { outcome = .updated }
        return outcome
    }

    public func upsertSkill(carer: String, _ s: CarerSkill) throws -> ImportChange {
        try change(db.query("""
            INSERT INTO carer_skills (carer_id, skill, qualified_on, expires_on)
            SELECT c.id, \(s.skill), \(s.qualifiedOn)::date, \(s.expiresOn)::date FROM carers c WHERE c.external_id = \(carer)
            ON CONFLICT (carer_id, skill) DO UPDATE SET qualified_on = EXCLUDED.qualified_on, expires_on = EXCLUDED.expires_on
            WHERE (carer_skills.qualified_on, carer_skills.expires_on) IS DISTINCT FROM (EXCLUDED.qualified_on, EXCLUDED.expires_on)
            RETURNING (xmax = 0) AS inserted
            """))
    }

    /// Replaces a carer's shifts that start on `date` (local) with `shifts`; the change is
    /// unchanged when the same intervals were already there.
    public func replaceShifts(carer: String, date: LocalDate, shifts: [LocalShift]) throws -> ImportChange {
        let starts = shifts.map(\.start.description), minutes = shifts.map(\.minutes)
        let same: Bool = try db.query("""
            WITH c AS (SELECT c.id, h.timezone FROM carers c JOIN hubs h ON h.id = c.hub_id WHERE c.external_id = \(carer)),
                 existing AS (SELECT s.starts_at, s.ends_at FROM carer_shifts s, c
                              WHERE s.carer_id = c.id AND (s.starts_at AT TIME ZONE c.timezone)::date = \(date)::date),
                 wanted AS (SELECT (\(date)::date + x.t::time) AT TIME ZONE c.timezone AS starts_at,
                                   ((\(date)::date + x.t::time) AT TIME ZONE c.timezone) + make_interval(mins => x.m) AS ends_at
                            FROM c, unnest(\(starts)::text[], \(minutes)::int[]) AS x(t, m))
            SELECT NOT EXISTS (SELECT * FROM existing EXCEPT SELECT * FROM wanted)
               AND NOT EXISTS (SELECT * FROM wanted EXCEPT SELECT * FROM existing) AS same,
                   EXISTS (SELECT 1 FROM existing) AS had
            """).rows[0].decode("same")
        if same { return .unchanged }
        let removed = try db.execute("""
            DELETE FROM carer_shifts s USING carers c JOIN hubs h ON h.id = c.hub_id
            WHERE s.carer_id = c.id AND c.external_id = \(carer) AND (s.starts_at AT TIME ZONE h.timezone)::date = \(date)::date
            """)
        for shift in shifts { try ShiftRepository(db).insert(shift) }
        return removed > 0 ? .updated : .new
    }

    /// Upserts an employment spell keyed by carer and start date, with its leaving event.
    public func upsert(_ s: EmploymentSpell) throws -> ImportChange {
        var outcome = try change(db.query("""
            WITH existing AS (
                SELECT e.id FROM employment_spells e JOIN carers c ON c.id = e.carer_id
                WHERE c.external_id = \(s.carerID) AND e.start_date = \(s.start)::date
            ), updated AS (
                UPDATE employment_spells e SET hub_id = h.id, contract_type = \(s.contract), zero_hours = \(s.zeroHours),
                       contracted_minutes = \(s.contractedMinutes), end_date = \(s.end)::date, started_by_internal_move = \(s.startedByInternalMove)
                FROM hubs h WHERE e.id IN (SELECT id FROM existing) AND h.code = \(s.hubCode)
                  AND (e.hub_id, e.contract_type, e.zero_hours, e.contracted_minutes, e.end_date, e.started_by_internal_move)
                      IS DISTINCT FROM (h.id, \(s.contract)::text, \(s.zeroHours)::boolean, \(s.contractedMinutes)::int, \(s.end)::date, \(s.startedByInternalMove)::boolean)
                RETURNING false AS inserted
            ), inserted AS (
                INSERT INTO employment_spells (carer_id, hub_id, contract_type, zero_hours, contracted_minutes, start_date, end_date, started_by_internal_move)
                SELECT c.id, h.id, \(s.contract), \(s.zeroHours), \(s.contractedMinutes), \(s.start)::date, \(s.end)::date, \(s.startedByInternalMove)
                FROM carers c, hubs h WHERE c.external_id = \(s.carerID) AND h.code = \(s.hubCode) AND NOT EXISTS (SELECT 1 FROM existing)
                RETURNING true AS inserted
            )
            SELECT inserted FROM updated UNION ALL SELECT inserted FROM inserted
            """))
        let leavingChanged: Int
        if let e = s.leaving {
            leavingChanged = try db.execute("""
                INSERT INTO leaving_events (spell_id, reason_code, destination_code, voluntary, internal_move)
                SELECT e.id, \(e.reason), \(e.destination), \(e.voluntary), \(e.internalMove)
                FROM employment_spells e JOIN carers c ON c.id = e.carer_id WHERE c.external_id = \(s.carerID) AND e.start_date = \(s.start)::date
                ON CONFLICT (spell_id) DO UPDATE SET reason_code = EXCLUDED.reason_code, destination_code = EXCLUDED.destination_code,
                    voluntary = EXCLUDED.voluntary, internal_move = EXCLUDED.internal_move
                WHERE (leaving_events.reason_code, leaving_events.destination_code, leaving_events.voluntary, leaving_events.internal_move)
                      IS DISTINCT FROM (EXCLUDED.reason_code, EXCLUDED.destination_code, EXCLUDED.voluntary, EXCLUDED.internal_move)
                """)
        } else {
            leavingChanged = try db.execute("""
                DELETE FROM leaving_events le USING employment_spells e, carers c
                WHERE le.spell_id = e.id AND c.id = e.carer_id AND c.external_id = \(s.carerID) AND e.start_date = \(s.start)::date
                """)
        }
        if outcome == .unchanged && leavingChanged > 0 { outcome = .updated }
        return outcome
    }

    public func upsert(_ v: Vacancy) throws -> ImportChange {
        try change(db.query("""
            INSERT INTO vacancies (external_id, hub_id, opened_on, closed_on, close_reason)
            SELECT \(v.externalID), h.id, \(v.opened)::date, \(v.closed)::date, \(v.closeReason) FROM hubs h WHERE h.code = \(v.hubCode)
            ON CONFLICT (external_id) DO UPDATE SET hub_id = EXCLUDED.hub_id, opened_on = EXCLUDED.opened_on, closed_on = EXCLUDED.closed_on,
                close_reason = EXCLUDED.close_reason
            WHERE (vacancies.hub_id, vacancies.opened_on, vacancies.closed_on, vacancies.close_reason)
                  IS DISTINCT FROM (EXCLUDED.hub_id, EXCLUDED.opened_on, EXCLUDED.closed_on, EXCLUDED.close_reason)
            RETURNING (xmax = 0) AS inserted
            """))
    }

    public func upsert(_ c: RecruitmentCost, id: String) throws -> ImportChange {
        try change(db.query("""
            INSERT INTO recruitment_costs (external_id, hub_id, vacancy_id, incurred_on, cost_type, amount_pence)
            SELECT \(id), h.id, (SELECT id FROM vacancies WHERE external_id = \(c.vacancyID)), \(c.incurred)::date,
                   \(c.external ? "external" : "internal"), \(c.pence)
            FROM hubs h WHERE h.code = \(c.hubCode)
            ON CONFLICT (external_id) DO UPDATE SET hub_id = EXCLUDED.hub_id, vacancy_id = EXCLUDED.vacancy_id,
                incurred_on = EXCLUDED.incurred_on, cost_type = EXCLUDED.cost_type, amount_pence = EXCLUDED.amount_pence
            WHERE (recruitment_costs.hub_id, recruitment_costs.vacancy_id, recruitment_costs.incurred_on, recruitment_costs.cost_type,
                   recruitment_costs.amount_pence)
                  IS DISTINCT FROM (EXCLUDED.hub_id, EXCLUDED.vacancy_id, EXCLUDED.incurred_on, EXCLUDED.cost_type, EXCLUDED.amount_pence)
            RETURNING (xmax = 0) AS inserted
            """))
    }

    public func upsert(_ d: HospitalDischarge) throws -> ImportChange {
        try change(db.query("""
            INSERT INTO hospital_discharges (external_id, hub_id, client_id, age_at_discharge, discharge_ready_date, discharge_date, pathway,
                                             reablement_start, council_funded, status_at_91)
            SELECT \(d.externalID), h.id, (SELECT id FROM clients WHERE external_id = \(d.clientID)), \(d.ageAtDischarge),
                   \(d.dischargeReady)::date, \(d.discharged)::date, \(d.pathway), \(d.reablementStart)::date, \(d.councilFunded),
                   \(d.statusAt91?.rawValue)
            FROM hubs h WHERE h.code = \(d.hubCode)
            ON CONFLICT (external_id) DO UPDATE SET hub_id = EXCLUDED.hub_id, client_id = EXCLUDED.client_id,
                age_at_discharge = EXCLUDED.age_at_discharge, discharge_ready_date = EXCLUDED.discharge_ready_date,
                discharge_date = EXCLUDED.discharge_date, pathway = EXCLUDED.pathway, reablement_start = EXCLUDED.reablement_start,
                council_funded = EXCLUDED.council_funded, status_at_91 = EXCLUDED.status_at_91
            WHERE (hospital_discharges.hub_id, hospital_discharges.client_id, hospital_discharges.age_at_discharge,
                   hospital_discharges.discharge_ready_date, hospital_discharges.discharge_date, hospital_discharges.pathway,
                   hospital_discharges.reablement_start, hospital_discharges.council_funded, hospital_discharges.status_at_91)
                  IS DISTINCT FROM (EXCLUDED.hub_id, EXCLUDED.client_id, EXCLUDED.age_at_discharge, EXCLUDED.discharge_ready_date,
                   EXCLUDED.discharge_date, EXCLUDED.pathway, EXCLUDED.reablement_start, EXCLUDED.council_funded, EXCLUDED.status_at_91)
            RETURNING (xmax = 0) AS inserted
            """))
    }

    public func upsert(_ a: Application) throws -> ImportChange {
        try change(db.query("""
            INSERT INTO applications (external_id, vacancy_id, source, applied_on, interviewed_on, offered_on, accepted_on, declined_on,
                                      checks_cleared_on, withdrawn_on, started_on)
            SELECT \(a.externalID), v.id, \(a.source), \(a.applied)::date, \(a.interviewed)::date, \(a.offered)::date, \(a.accepted)::date,
                   \(a.declined)::date, \(a.checksCleared)::date, \(a.withdrawn)::date, \(a.started)::date
            FROM vacancies v WHERE v.external_id = \(a.vacancyID)
            ON CONFLICT (external_id) DO UPDATE SET vacancy_id = EXCLUDED.vacancy_id, source = EXCLUDED.source, applied_on = EXCLUDED.applied_on,
                interviewed_on = EXCLUDED.interviewed_on, offered_on = EXCLUDED.offered_on, accepted_on = EXCLUDED.accepted_on,
                declined_on = EXCLUDED.declined_on, checks_cleared_on = EXCLUDED.checks_cleared_on, withdrawn_on = EXCLUDED.withdrawn_on,
                started_on = EXCLUDED.started_on
            WHERE (applications.vacancy_id, applications.source, applications.applied_on, applications.interviewed_on, applications.offered_on,
                   applications.accepted_on, applications.declined_on, applications.checks_cleared_on, applications.withdrawn_on, applications.started_on)
                  IS DISTINCT FROM
                  (EXCLUDED.vacancy_id, EXCLUDED.source, EXCLUDED.applied_on, EXCLUDED.interviewed_on, EXCLUDED.offered_on, EXCLUDED.accepted_on,
                   EXCLUDED.declined_on, EXCLUDED.checks_cleared_on, EXCLUDED.withdrawn_on, EXCLUDED.started_on)
            RETURNING (xmax = 0) AS inserted
            """))
    }

    /// Upserts an absence keyed by carer, kind and first day.
    public func upsertAbsence(_ a: LocalAbsence, reason: String?, workingDaysLost: Double? = nil) throws -> ImportChange {
        let existing = try db.query("""
            SELECT a.id, a.ends_at = (\(a.lastDay)::date + 1)::timestamp AT TIME ZONE h.timezone AND a.reason IS NOT DISTINCT FROM \(reason)
                   AND a.working_days_lost IS NOT DISTINCT FROM \(workingDaysLost)::numeric AS same
            FROM absences a JOIN carers c ON c.id = a.carer_id JOIN hubs h ON h.id = c.hub_id
            WHERE c.external_id = \(a.carerID) AND a.kind = \(a.kind) AND a.starts_at = \(a.firstDay)::date::timestamp AT TIME ZONE h.timezone
            """).rows.first
        if let existing, try existing.decode("same", as: Bool.self) { return .unchanged }
        if let existing {
            try db.execute("""
                UPDATE absences a SET ends_at = (\(a.lastDay)::date + 1)::timestamp AT TIME ZONE h.timezone, reason = \(reason),
                       working_days_lost = \(workingDaysLost)::numeric
                FROM carers c JOIN hubs h ON h.id = c.hub_id WHERE a.id = \(try existing.decode("id", as: Int.self)) AND c.id = a.carer_id
                """)
            return .updated
        }
        try ShiftRepository(db).insert(a, reason: reason)
        if let workingDaysLost {
            try db.execute("""
                UPDATE absences a SET working_days_lost = \(workingDaysLost)::numeric FROM carers c JOIN hubs h ON h.id = c.hub_id
                WHERE c.id = a.carer_id AND c.external_id = \(a.carerID) AND a.kind = \(a.kind)
                  AND a.starts_at = \(a.firstDay)::date::timestamp AT TIME ZONE h.timezone
                """)
        }
        return .new
    }

    public func upsert(_ c: Client) throws -> ImportChange {
        var outcome = try change(db.query("""
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
            """))
        let wanted = c.preferredCarers.map { "preferred:" + $0 } + c.excludedCarers.map { "excluded:" + $0 }
        let relationsChanged = try db.execute("""
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

    /// Upserts a package and replaces its calls when they differ.
    public func upsert(_ p: CarePackage) throws -> ImportChange {
        var outcome = try change(db.query("""
            INSERT INTO care_packages (external_id, client_id, valid_from, valid_to)
            SELECT \(p.externalID), c.id, \(p.validFrom)::date, \(p.validTo)::date FROM clients c WHERE c.external_id = \(p.clientID)
            ON CONFLICT (external_id) DO UPDATE SET client_id = EXCLUDED.client_id, valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to
            WHERE (care_packages.client_id, care_packages.valid_from, care_packages.valid_to)
                  IS DISTINCT FROM (EXCLUDED.client_id, EXCLUDED.valid_from, EXCLUDED.valid_to)
            RETURNING (xmax = 0) AS inserted
            """))
        let id: Int = try db.query("SELECT id FROM care_packages WHERE external_id = \(p.externalID)").rows[0].decode("id")
        let key = { (t: VisitTemplate) in
            "\(t.weekday.rawValue)|\(t.windowStart)|\(t.windowEnd)|\(t.durationMinutes)|\(t.skills.map(\.code).sorted().joined(separator: ";"))|\(t.carersNeeded)|\(t.priority.rawValue)"
        }
        let existing: [String] = try db.query("""
            SELECT weekday || '|' || to_char(window_start, 'HH24:MI') || '|' || to_char(window_end, 'HH24:MI') || '|' || duration_minutes
                   || '|' || coalesce((SELECT string_agg(s, ';' ORDER BY s) FROM unnest(skills::text[]) s), '') || '|' || carers_needed
                   || '|' || priority AS k
            FROM package_visits WHERE package_id = \(id)
            """).rows.map { try $0.decode("k") }
        if existing.sorted() != p.visits.map(key).sorted() {
            // Visits already planned keep their rows: the reference to a deleted call becomes NULL.
            try db.execute("DELETE FROM package_visits WHERE package_id = \(id)")
            _ = try ClientRepository(db).insertVisits(p.visits, package: id)
            if outcome == .unchanged { outcome = .updated }
        }
        return outcome
    }
}
