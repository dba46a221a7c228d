import CareModel

/// Materialises a week's visits from care packages, in each hub's time zone.
///
/// Idempotent: a visit is keyed by (package call, local date), so planning twice adds nothing.
/// Planned visits whose call changed are updated, and ones no longer wanted (package ended,
/// client in hospital) are cancelled, but only while no roster assigns them: an assigned
/// visit is never changed or dropped silently; it is counted in `kept` for the manager.
///
/// Each visit carries its call's `late_allowed_minutes` and `time_critical`, and each pair of a
/// package's linked calls (`package_links`) planned on the same day gets a `visit_links` row. The
/// same day is the same `local_date`: the calendar date in the hub's time zone on which both calls'
/// windows lie (a call's window never crosses local midnight), so a link joins, say, Tuesday's
/// morning dose to Tuesday's lunchtime one and never spans two dates.
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
        /// Links between planned visits of the week afterwards (pairs of linked calls on one day).
        public var links = 0
    }

    /// Plans `week` for one hub or all, in one transaction. `package` narrows it to one package's
    /// calls, and `after` to visits whose window ends after that instant (Home First: a package
    /// started today has no visits in windows already gone).
    public func plan(week: ISOWeek, hubCode: String? = nil, package: String? = nil, after: Instant? = nil) throws -> Outcome {
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
                       pv.duration_minutes, pv.skills, pv.carers_needed, pv.priority, pv.late_allowed_minutes, pv.time_critical,
                       pv.package_id, pv.call_label
                FROM (SELECT g::date AS day FROM generate_series(\(monday)::date, \(sunday)::date, interval '1 day') g) d
                JOIN package_visits pv ON pv.weekday = extract(isodow FROM d.day)
                JOIN care_packages p ON p.id = pv.package_id AND p.valid_from <= d.day AND (p.valid_to IS NULL OR p.valid_to >= d.day)
                JOIN clients cl ON cl.id = p.client_id
                JOIN hubs h ON h.id = cl.hub_id
                WHERE (\(hubCode)::text IS NULL OR h.code = \(hubCode)) AND (\(package)::text IS NULL OR p.external_id = \(package))
                  AND NOT EXISTS (SELECT 1 FROM client_absences a WHERE a.client_id = cl.id AND d.day BETWEEN a.starts_on AND a.ends_on)
                """)
            if let after { try db.execute("DELETE FROM wanted WHERE window_end <= \(after)::timestamptz") }
            let scope: SQLQuery = """
                SELECT v.id FROM visits v JOIN clients cl ON cl.id = v.client_id JOIN hubs h ON h.id = cl.hub_id
                WHERE v.local_date BETWEEN \(monday)::date AND \(sunday)::date AND v.package_visit_id IS NOT NULL
                  AND v.status = 'planned' AND (\(hubCode)::text IS NULL OR h.code = \(hubCode))
                  AND (\(package)::text IS NULL
                       OR v.package_visit_id IN (SELECT pv.id FROM package_visits pv JOIN care_packages p ON p.id = pv.package_id
                                                 WHERE p.external_id = \(package)))
                  AND (\(after)::timestamptz IS NULL OR v.window_end > \(after)::timestamptz)
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
                                  AND w.carers_needed = v.carers_needed AND w.priority = v.priority
                                  AND w.late_allowed_minutes = v.late_allowed_minutes AND w.time_critical = v.time_critical)
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
                       skills = w.skills, carers_needed = w.carers_needed, priority = w.priority,
                       late_allowed_minutes = w.late_allowed_minutes, time_critical = w.time_critical, updated_at = now()
                FROM wanted w
                WHERE v.id IN (SELECT id FROM in_scope) AND w.package_visit_id = v.package_visit_id AND w.local_date = v.local_date
                  AND NOT EXISTS (SELECT 1 FROM roster_assignments ra WHERE ra.visit_id = v.id)
                  AND (v.window_start, v.window_end, v.duration_minutes, v.skills, v.carers_needed, v.priority, v.late_allowed_minutes,
                       v.time_critical)
                      IS DISTINCT FROM (w.window_start, w.window_end, w.duration_minutes, w.skills, w.carers_needed, w.priority,
                       w.late_allowed_minutes, w.time_critical)
                """)
            // A visit cancelled by hand stays cancelled: ON CONFLICT keeps the existing row.
            outcome.added = try db.execute(
                """
                INSERT INTO visits (client_id, package_visit_id, local_date, window_start, window_end, duration_minutes, skills,
                                    carers_needed, priority, late_allowed_minutes, time_critical)
                SELECT client_id, package_visit_id, local_date, window_start, window_end, duration_minutes, skills, carers_needed, priority,
                       late_allowed_minutes, time_critical
                FROM wanted
                ON CONFLICT (package_visit_id, local_date) DO NOTHING
                """)
            try planLinks(db)
            FaultPoint.reach("plan")
            outcome.planned = try db.query(
                """
                SELECT count(*) AS n FROM visits v JOIN clients cl ON cl.id = v.client_id JOIN hubs h ON h.id = cl.hub_id
                WHERE v.local_date BETWEEN \(monday)::date AND \(sunday)::date AND v.status = 'planned'
                  AND (\(hubCode)::text IS NULL OR h.code = \(hubCode))
                """
            ).rows[0].decode("n")
            outcome.links = try db.query(
                """
                SELECT count(*) AS n FROM visit_links l JOIN visits v ON v.id = l.first_visit_id JOIN visits w ON w.id = l.second_visit_id
                JOIN clients cl ON cl.id = v.client_id JOIN hubs h ON h.id = cl.hub_id
                WHERE v.local_date BETWEEN \(monday)::date AND \(sunday)::date AND v.status = 'planned' AND w.status = 'planned'
                  AND (\(hubCode)::text IS NULL OR h.code = \(hubCode))
                """
            ).rows[0].decode("n")
            // Dropped now, not only at commit: a caller may plan several weeks in one transaction.
            try db.execute("DROP TABLE wanted, in_scope")
            return outcome
        }
    }

    /// Makes the links of the week's package visits (`wanted`'s days and calls) what the packages
    /// say: a row per pair of linked calls both planned on one local date, gaps as the link has
    /// them; links of those visits that no package says any more are removed.
    private func planLinks(_ db: Connection) throws {
        try db.execute(
            """
            CREATE TEMP TABLE wanted_links ON COMMIT DROP AS
            SELECT v1.id AS first_visit_id, v2.id AS second_visit_id, l.min_gap_minutes, l.max_gap_minutes, l.different_carers
            FROM package_links l
            JOIN wanted w1 ON w1.package_id = l.package_id AND w1.call_label = l.first_call
            JOIN wanted w2 ON w2.package_id = l.package_id AND w2.call_label = l.second_call AND w2.local_date = w1.local_date
            JOIN visits v1 ON v1.package_visit_id = w1.package_visit_id AND v1.local_date = w1.local_date AND v1.status = 'planned'
            JOIN visits v2 ON v2.package_visit_id = w2.package_visit_id AND v2.local_date = w2.local_date AND v2.status = 'planned'
            """)
        try db.execute(
            """
            DELETE FROM visit_links l
            WHERE (l.first_visit_id IN (SELECT id FROM in_scope) OR l.second_visit_id IN (SELECT id FROM in_scope)
                   OR l.first_visit_id IN (SELECT first_visit_id FROM wanted_links)
                   OR l.second_visit_id IN (SELECT second_visit_id FROM wanted_links))
              AND NOT EXISTS (SELECT 1 FROM wanted_links w WHERE w.first_visit_id = l.first_visit_id AND w.second_visit_id = l.second_visit_id)
            """)
        try db.execute(
            """
            INSERT INTO visit_links (first_visit_id, second_visit_id, min_gap_minutes, max_gap_minutes, different_carers)
            SELECT first_visit_id, second_visit_id, min_gap_minutes, max_gap_minutes, different_carers FROM wanted_links
            ON CONFLICT (first_visit_id, second_visit_id) DO UPDATE SET min_gap_minutes = EXCLUDED.min_gap_minutes,
                max_gap_minutes = EXCLUDED.max_gap_minutes, different_carers = EXCLUDED.different_carers
            WHERE (visit_links.min_gap_minutes, visit_links.max_gap_minutes, visit_links.different_carers)
                  IS DISTINCT FROM (EXCLUDED.min_gap_minutes, EXCLUDED.max_gap_minutes, EXCLUDED.different_carers)
            """)
        try db.execute("DROP TABLE wanted_links")
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
