import CareModel

/// Builds the `carehub.problem/1` week the engine sees from the database: the hubs' carers
/// employed that week, their shifts less absences, skills valid on the visit's days, the
/// planned visits of the hubs' clients with their pins. Rows are read in a fixed order, so the
/// same data always gives the same problem (and the same bytes when encoded): that is how a
/// stale draft is recognised.
public struct WeekProblemLoader {
    let db: Connection

    /// A loader over a connection.
    public init(_ db: Connection) { self.db = db }

    /// The problem for `hubCodes` (sorted, at least one) in `week`.
    /// `includeRecorded` adds visits already delivered or missed (rebalance keeps them as they were).
    public func load(hubCodes: [String], week: ISOWeek, includeRecorded: Bool = false) throws -> Problem {
        let codes = hubCodes.sorted()
        let monday = week.monday
        let sunday = monday.adding(days: 6)
        let hubRows = try db.query(
            """
            SELECT code, name, latitude, longitude, timezone FROM hubs WHERE code = ANY(\(codes)::text[]) ORDER BY code
            """
        ).rows
        let hubs = try hubRows.map { row -> Problem.Hub in
            Problem.Hub(id: try row.decode("code"), name: try row.decode("name"), location: try point(row, "latitude", "longitude"))
        }
        for code in codes where !hubs.contains(where: { $0.id == code }) {
            throw ReferenceError(writing: "week problem", missingKind: "hub", missingID: code)
        }
        let zone: String = try hubRows.first?.decode("timezone") ?? "Europe/London"
        let carers = try loadCarers(codes, monday: monday, sunday: sunday)
        let (clients, visits) = try loadClientsAndVisits(
            codes, monday: monday, sunday: sunday, carerIDs: Set(carers.map(\.id)),
            statuses: includeRecorded ? ["planned", "delivered", "missed"] : ["planned"])
        return Problem(weekStart: monday, timeZone: zone, travel: .standard, hubs: hubs, carers: carers, clients: clients, visits: visits)
    }

    private func loadCarers(_ codes: [String], monday: LocalDate, sunday: LocalDate) throws -> [Problem.Carer] {
        let rows = try db.query(
            """
            SELECT c.id, c.external_id, c.given_name || ' ' || c.family_name AS name, h.code AS hub, c.home_latitude, c.home_longitude,
                   c.gender, c.contracted_minutes_per_week, c.max_minutes_per_week, c.end_date,
                   coalesce((SELECT array_agg(lh.code ORDER BY lh.code) FROM carer_lendable_hubs l JOIN hubs lh ON lh.id = l.hub_id
                             WHERE l.carer_id = c.id AND lh.code = ANY(\(codes)::text[])), '{}') AS lendable
            FROM carers c JOIN hubs h ON h.id = c.hub_id
            WHERE h.code = ANY(\(codes)::text[]) AND c.start_date <= \(sunday)::date AND (c.end_date IS NULL OR c.end_date >= \(monday)::date)
            ORDER BY c.external_id
            """
        ).rows
        var carers: [Problem.Carer] = []
        for row in rows {
            let id: Int = try row.decode("id")
            let genderText: String = try row.decode("gender")
            let gender = Gender(rawValue: genderText).flatMap { $0 == .unknown ? nil : $0 }
            var carer = Problem.Carer(
                id: try row.decode("external_id"), name: try row.decode("name"), hub: try row.decode("hub"),
                location: try point(row, "home_latitude", "home_longitude"), skills: [], gender: gender,
                contractedMinutes: try row.decode("contracted_minutes_per_week"), maxMinutes: try row.decode("max_minutes_per_week"),
                lendableTo: try row.decode("lendable"), shifts: try shifts(carer: id, monday: monday))
            for skill in try db.query(
                """
                SELECT skill::text AS skill, qualified_on, expires_on FROM carer_skills
                WHERE carer_id = \(id) AND qualified_on <= \(sunday)::date AND (expires_on IS NULL OR expires_on > \(monday)::date)
                ORDER BY skill
                """
            ).rows {
                let name: String = try skill.decode("skill")
                let from: LocalDate = try skill.decode("qualified_on")
                let until = try skill.decode("expires_on", as: LocalDate?.self)
                carer.skills.append(name)
                // Only a skill that starts or lapses inside the week needs dates.
                if from > monday || (until.map { $0 <= sunday } ?? false) {
                    carer.skillDates[name] = Problem.DateRange(from: from > monday ? from : nil, until: until.flatMap { $0 <= sunday ? $0 : nil })
                }
            }
            carers.append(carer)
        }
        return carers
    }

    /// The carer's shifts that overlap the week, minus absences and days after leaving, clipped to the week.
    private func shifts(carer: Int, monday: LocalDate) throws -> [Problem.Interval] {
        let rows = try db.query(
            """
            WITH span AS (
                SELECT tstzrange(\(monday)::date::timestamp AT TIME ZONE h.timezone,
                                 (\(monday)::date + 7)::timestamp AT TIME ZONE h.timezone) *
                       tstzrange(NULL, CASE WHEN c.end_date IS NULL THEN NULL
                                            ELSE (c.end_date + 1)::timestamp AT TIME ZONE h.timezone END) AS r
                FROM carers c JOIN hubs h ON h.id = c.hub_id WHERE c.id = \(carer)
            ), free AS (
                SELECT unnest(
                    tstzmultirange(tstzrange(s.starts_at, s.ends_at) * span.r)
                    - coalesce((SELECT range_agg(tstzrange(a.starts_at, a.ends_at)) FROM absences a WHERE a.carer_id = \(carer)),
                               '{}'::tstzmultirange)) AS piece
                FROM carer_shifts s, span
                WHERE s.carer_id = \(carer) AND tstzrange(s.starts_at, s.ends_at) && span.r
            )
            SELECT lower(piece) AS starts_at, upper(piece) AS ends_at FROM free WHERE NOT isempty(piece) ORDER BY 1
            """
        ).rows
        return try rows.map { Problem.Interval(start: try $0.decode("starts_at"), end: try $0.decode("ends_at")) }
    }

    private func loadClientsAndVisits(_ codes: [String], monday: LocalDate, sunday: LocalDate, carerIDs: Set<String>, statuses: [String])
        throws -> ([Problem.Client], [Problem.Visit])
    {
        let visitRows = try db.query(
            """
            SELECT v.id, cl.external_id AS client, v.window_start, v.window_end, v.duration_minutes, v.skills::text[] AS skills,
                   v.carers_needed, v.priority,
                   coalesce((SELECT array_agg(c.external_id ORDER BY c.external_id) FROM visit_pins p JOIN carers c ON c.id = p.carer_id
                             WHERE p.visit_id = v.id), '{}') AS pinned
            FROM visits v JOIN clients cl ON cl.id = v.client_id JOIN hubs h ON h.id = cl.hub_id
            WHERE h.code = ANY(\(codes)::text[]) AND v.status = ANY(\(statuses)::text[])
              AND v.local_date BETWEEN \(monday)::date AND \(sunday)::date
            ORDER BY v.window_start, v.id
            """
        ).rows
        let visits = try visitRows.map { row in
            Problem.Visit(
                id: String(try row.decode("id", as: Int.self)), client: try row.decode("client"), windowStart: try row.decode("window_start"),
                windowEnd: try row.decode("window_end"), durationMinutes: try row.decode("duration_minutes"), skills: try row.decode("skills"),
                carers: try row.decode("carers_needed"), priority: try row.decode("priority"), pinned: try row.decode("pinned"))
        }
        let clientIDs = Set(visits.map(\.client))
        let clientRows = try db.query(
            """
            SELECT cl.external_id, h.code AS hub, cl.latitude, cl.longitude, cl.gender_preference,
                   coalesce((SELECT array_agg(c.external_id ORDER BY c.external_id) FROM client_carer_relations r JOIN carers c ON c.id = r.carer_id
                             WHERE r.client_id = cl.id AND r.relation = 'excluded'), '{}') AS excluded,
                   coalesce((SELECT array_agg(c.external_id ORDER BY c.external_id) FROM client_carer_relations r JOIN carers c ON c.id = r.carer_id
                             WHERE r.client_id = cl.id AND r.relation = 'preferred'), '{}') AS preferred
            FROM clients cl JOIN hubs h ON h.id = cl.hub_id
            WHERE h.code = ANY(\(codes)::text[]) ORDER BY cl.external_id
            """
        ).rows
        var clients: [Problem.Client] = []
        for row in clientRows {
            let id: String = try row.decode("external_id")
            guard clientIDs.contains(id) else { continue }
            let excluded: [String] = try row.decode("excluded")
            let preferred: [String] = try row.decode("preferred")
            clients.append(
                Problem.Client(
                    id: id, hub: try row.decode("hub"), location: try point(row, "latitude", "longitude"),
                    genderPreference: try row.decode("gender_preference", as: Gender?.self),
                    // Carers outside the problem (other hubs, leavers) cannot be on any visit anyway.
                    excludedCarers: excluded.filter(carerIDs.contains), preferredCarers: preferred.filter(carerIDs.contains)))
        }
        return (clients, visits)
    }

    private func point(_ row: Row, _ lat: String, _ lon: String) throws -> GeoPoint {
        guard let p = GeoPoint(latitude: try row.decode(lat), longitude: try row.decode(lon)) else {
            throw StoreError(code: .decodingFailed, context: "reading coordinates", serverMessage: "out of range")
        }
        return p
    }
}
