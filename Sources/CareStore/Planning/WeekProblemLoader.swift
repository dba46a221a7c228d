import CareModel

/// Builds the `carehub.problem/1` week the engine sees from the database: the hubs' carers
/// employed that week, their shifts less absences, skills valid on the visit's days, the
/// planned visits of the hubs' clients with their pins, how late each may start, and the links
/// `visits plan` made between them. Rows are read in a fixed order, so the
/// same data always gives the same problem (and the same bytes when encoded): that is how a
/// stale draft is recognised.
public struct WeekProblemLoader {
    let db: Connection

    /// A loader over a connection.
    public init(_ db: Connection) { self.db = db }

    /// The problem for `hubCodes` (sorted, at least one) in `week`.
    /// `includeRecorded` adds visits already delivered or missed (rebalance keeps them as they were).
    public func load(hubCodes: [String], week: ISOWeek, includeRecorded: Bool = false) throws -> Problem {
        var notices: [String] = []
        return try load(hubCodes: hubCodes, week: week, includeRecorded: includeRecorded, notices: &notices)
    }

    /// The problem, and in `notices` what a manager should know about how it was built (road
    /// travel not used, and why).
    public func load(hubCodes: [String], week: ISOWeek, includeRecorded: Bool = false, notices: inout [String]) throws -> Problem {
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
        var problem = Problem(
            weekStart: monday, timeZone: zone, travel: .standard, hubs: hubs, carers: carers, clients: clients, visits: visits)
        problem.links = try links(among: visits.compactMap { Int($0.id) }).map {
            Problem.Link(
                first: $0.first, second: $0.second, minGapMinutes: $0.minGapMinutes, maxGapMinutes: $0.maxGapMinutes,
                differentCarers: $0.differentCarers)
        }
        try applyTravel(&problem, codes: codes, notices: &notices)
        return problem
    }

    private func loadClientsAndVisits(_ codes: [String], monday: LocalDate, sunday: LocalDate, carerIDs: Set<String>, statuses: [String])
        throws -> ([Problem.Client], [Problem.Visit])
    {
        let visitRows = try db.query(
            """
            SELECT v.id, cl.external_id AS client, v.window_start, v.window_end, v.duration_minutes, v.skills::text[] AS skills,
                   v.carers_needed, v.priority, v.late_allowed_minutes, v.time_critical,
                   coalesce((SELECT array_agg(c.external_id ORDER BY c.external_id) FROM visit_pins p JOIN carers c ON c.id = p.carer_id
                             WHERE p.visit_id = v.id), '{}') AS pinned
            FROM visits v JOIN clients cl ON cl.id = v.client_id JOIN hubs h ON h.id = cl.hub_id
            WHERE h.code = ANY(\(codes)::text[]) AND v.status = ANY(\(statuses)::text[])
              AND v.local_date BETWEEN \(monday)::date AND \(sunday)::date
            ORDER BY v.window_start, v.id
            """
        ).rows
        let visits = try visitRows.map { row in
            var visit = Problem.Visit(
                id: String(try row.decode("id", as: Int.self)), client: try row.decode("client"), windowStart: try row.decode("window_start"),
                windowEnd: try row.decode("window_end"), durationMinutes: try row.decode("duration_minutes"), skills: try row.decode("skills"),
                carers: try row.decode("carers_needed"), priority: try row.decode("priority"), pinned: try row.decode("pinned"))
            visit.lateAllowedMinutes = try row.decode("late_allowed_minutes")
            visit.timeCritical = try row.decode("time_critical")
            return visit
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

    func point(_ row: Row, _ lat: String, _ lon: String) throws -> GeoPoint {
        guard let p = GeoPoint(latitude: try row.decode(lat), longitude: try row.decode(lon)) else {
            throw StoreError(code: .decodingFailed, context: "reading coordinates", serverMessage: "out of range")
        }
        return p
    }
}
