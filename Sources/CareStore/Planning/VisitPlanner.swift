import CareModel

/// Materialises a week's visits from care packages, in each hub's time zone.
///
/// Idempotent: a visit is keyed by (package call, local date), so planning twice adds nothing.
/// Planned visits whose call changed are updated, and ones no longer wanted (package ended,
/// client in hospital) are cancelled, but only while no roster assigns them: an assigned
/// visit is never changed or dropped silently; it is counted in `kept` for the manager.
public struct VisitPlanner {
    let db: Connection

    /// A planner over a connection.
    public init(_ db: Connection) { self.db = db }

    /// What planning did.
    public struct Outcome: Sendable, Equatable {
        public var added = 0
        public var updated = 0
        public var cancelled = 0
        /// Visits that no longer match their package but are assigned in a roster; left as they are.
        public var kept = 0
        /// Planned visits in the week afterwards.
        public var planned = 0
    }

    /// Plans `week` for one hub or all, in one transaction.
    public func plan(week: ISOWeek, hubCode: String? = nil) throws -> Outcome {
        let monday = week.monday
        let sunday = monday.adding(days: 6)
        return try db.transaction { db in
            // The wanted visits: every call of every package valid on its day, client not away.
            try db.execute(
                """
                CREATE TEMP TABLE wanted ON COMMIT DROP AS
                SELECT cl.id AS client_id, pv.id AS package_visit_id, d.day AS local_date,
                       (d.day + pv.window_start) AT TIME ZONE h.timezone AS window_start,
                       (d.day + pv.window_end) AT TIME ZONE h.timezone AS window_end,
                       pv.duration_minutes, pv.skills, pv.carers_needed, pv.priority
                FROM (SELECT g::date AS day FROM generate_series(\(monday)::date, \(sunday)::date, interval '1 day') g) d
                JOIN package_visits pv ON pv.weekday = extract(isodow FROM d.day)
                JOIN care_packages p ON p.id = pv.package_id AND p.valid_from <= d.day AND (p.valid_to IS NULL OR p.valid_to >= d.day)
                JOIN clients cl ON cl.id = p.client_id
                JOIN hubs h ON h.id = cl.hub_id
                WHERE (\(hubCode)::text IS NULL OR h.code = \(hubCode))
                  AND NOT EXISTS (SELECT 1 FROM client_absences a WHERE a.client_id = cl.id AND d.day BETWEEN a.starts_on AND a.ends_on)
                """)
            let scope: SQLQuery = """
                SELECT v.id FROM visits v JOIN clients cl ON cl.id = v.client_id JOIN hubs h ON h.id = cl.hub_id
                WHERE v.local_date BETWEEN \(monday)::date AND \(sunday)::date AND v.package_visit_id IS NOT NULL
                  AND v.status = 'planned' AND (\(hubCode)::text IS NULL OR h.code = \(hubCode))
                """
            try db.execute("CREATE TEMP TABLE in_scope ON COMMIT DROP AS \(scope)")
            var outcome = Outcome()
            outcome.kept = try db.query(
                """
                SELECT count(*) AS n FROM visits v
                WHERE v.id IN (SELECT id FROM in_scope)
                  AND EXISTS (SELECT 1 FROM roster_assignments ra WHERE ra.visit_id = v.id)
                  AND NOT EXISTS (SELECT 1 FROM wanted w WHERE w.package_visit_id = v.package_visit_id AND w.local_date = v.local_date
                                  AND w.window_start = v.window_start AND w.window_end = v.window_end
                                  AND w.duration_minutes = v.duration_minutes AND w.skills = v.skills
                                  AND w.carers_needed = v.carers_needed AND w.priority = v.priority)
                """
            ).rows[0].decode("n")
            outcome.cancelled = try db.execute(
                """
                UPDATE visits v SET status = 'cancelled', updated_at = now()
                WHERE v.id IN (SELECT id FROM in_scope)
                  AND NOT EXISTS (SELECT 1 FROM roster_assignments ra WHERE ra.visit_id = v.id)
                  AND NOT EXISTS (SELECT 1 FROM wanted w WHERE w.package_visit_id = v.package_visit_id AND w.local_date = v.local_date)
                """)
            outcome.updated = try db.execute(
                """
                UPDATE visits v SET window_start = w.window_start, window_end = w.window_end, duration_minutes = w.duration_minutes,
                       skills = w.skills, carers_needed = w.carers_needed, priority = w.priority, updated_at = now()
                FROM wanted w
                WHERE v.id IN (SELECT id FROM in_scope) AND w.package_visit_id = v.package_visit_id AND w.local_date = v.local_date
                  AND NOT EXISTS (SELECT 1 FROM roster_assignments ra WHERE ra.visit_id = v.id)
                  AND (v.window_start, v.window_end, v.duration_minutes, v.skills, v.carers_needed, v.priority)
                      IS DISTINCT FROM (w.window_start, w.window_end, w.duration_minutes, w.skills, w.carers_needed, w.priority)
                """)
            // A visit cancelled by hand stays cancelled: ON CONFLICT keeps the existing row.
            outcome.added = try db.execute(
                """
                INSERT INTO visits (client_id, package_visit_id, local_date, window_start, window_end, duration_minutes, skills,
                                    carers_needed, priority)
                SELECT client_id, package_visit_id, local_date, window_start, window_end, duration_minutes, skills, carers_needed, priority
                FROM wanted
                ON CONFLICT (package_visit_id, local_date) DO NOTHING
                """)
            FaultPoint.reach("plan")
            outcome.planned = try db.query(
                """
                SELECT count(*) AS n FROM visits v JOIN clients cl ON cl.id = v.client_id JOIN hubs h ON h.id = cl.hub_id
                WHERE v.local_date BETWEEN \(monday)::date AND \(sunday)::date AND v.status = 'planned'
                  AND (\(hubCode)::text IS NULL OR h.code = \(hubCode))
                """
            ).rows[0].decode("n")
            // Dropped now, not only at commit: a caller may plan several weeks in one transaction.
            try db.execute("DROP TABLE wanted, in_scope")
            return outcome
        }
    }

    /// Adds a one-off visit (not from a package) on a local day; returns its id.
    public func addVisit(
        clientID: String, date: LocalDate, windowStart: LocalTime, windowEnd: LocalTime, minutes: Int, skills: [Skill] = [],
        carers: Int = 1, priority: Priority = .normal
    ) throws -> Int {
        guard
            let row = try db.query(
                """
                INSERT INTO visits (client_id, local_date, window_start, window_end, duration_minutes, skills, carers_needed, priority)
                SELECT cl.id, \(date)::date, (\(date)::date + \(windowStart)::time) AT TIME ZONE h.timezone,
                       (\(date)::date + \(windowEnd)::time) AT TIME ZONE h.timezone, \(minutes), \(skills.map(\.code))::skill_code[],
                       \(carers), \(priority)
                FROM clients cl JOIN hubs h ON h.id = cl.hub_id WHERE cl.external_id = \(clientID)
                RETURNING id
                """
            ).rows.first
        else { throw ReferenceError(writing: "visit", missingKind: "client", missingID: clientID) }
        return try row.decode("id")
    }
}

extension VisitPlanner {
    /// Records that a client is away (in hospital, say) from `first` to `last` inclusive; the
    /// next `visits plan` cancels their unassigned visits on those days.
    public func recordAway(clientID: String, first: LocalDate, last: LocalDate, reason: String) throws {
        let added = try db.execute(
            """
            INSERT INTO client_absences (client_id, starts_on, ends_on, reason)
            SELECT id, \(first)::date, \(last)::date, \(reason) FROM clients WHERE external_id = \(clientID)
            """)
        if added == 0 { throw ReferenceError(writing: "client absence", missingKind: "client", missingID: clientID) }
    }
}
