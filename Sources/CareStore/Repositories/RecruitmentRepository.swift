import CareModel

/// Writes vacancies, applications and recruitment costs: the one write path for import and seeding.
public struct RecruitmentRepository {
    let db: Connection

    /// A repository over a connection (and whatever transaction it is in).
    public init(_ db: Connection) { self.db = db }

    /// Inserts or updates a vacancy by external id.
    @discardableResult
    public func upsert(_ v: Vacancy) throws -> UpsertOutcome {
        try db.query(
            """
            INSERT INTO vacancies (external_id, hub_id, opened_on, closed_on, close_reason)
            SELECT \(v.externalID), h.id, \(v.opened)::date, \(v.closed)::date, \(v.closeReason) FROM hubs h WHERE h.code = \(v.hubCode)
            ON CONFLICT (external_id) DO UPDATE SET hub_id = EXCLUDED.hub_id, opened_on = EXCLUDED.opened_on, closed_on = EXCLUDED.closed_on,
                close_reason = EXCLUDED.close_reason
            WHERE (vacancies.hub_id, vacancies.opened_on, vacancies.closed_on, vacancies.close_reason)
                  IS DISTINCT FROM (EXCLUDED.hub_id, EXCLUDED.opened_on, EXCLUDED.closed_on, EXCLUDED.close_reason)
            RETURNING (xmax = 0) AS inserted
            """
        ).upsertOutcome()
    }

    /// Inserts or updates a recruitment cost by its external id `id`.
    @discardableResult
    public func upsert(_ c: RecruitmentCost, id: String) throws -> UpsertOutcome {
        try db.query(
            """
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
            """
        ).upsertOutcome()
    }

    /// Inserts or updates an application by external id.
    @discardableResult
    public func upsert(_ a: Application) throws -> UpsertOutcome {
        try db.query(
            """
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
                   applications.accepted_on, applications.declined_on, applications.checks_cleared_on, applications.withdrawn_on,
                       applications.started_on)
                  IS DISTINCT FROM
                  (EXCLUDED.vacancy_id, EXCLUDED.source, EXCLUDED.applied_on, EXCLUDED.interviewed_on, EXCLUDED.offered_on, EXCLUDED.accepted_on,
                   EXCLUDED.declined_on, EXCLUDED.checks_cleared_on, EXCLUDED.withdrawn_on, EXCLUDED.started_on)
            RETURNING (xmax = 0) AS inserted
            """
        ).upsertOutcome()
    }
}
