import CareModel

extension WeekProblemLoader {
    /// The hubs' carers employed in the week, in external id order, with their lendable hubs
    /// (among `codes`), skills valid in the week and free shift time. Three queries whatever
    /// the number of carers: one round trip per carer made a county's load scale with its staff.
    func loadCarers(_ codes: [String], monday: LocalDate, sunday: LocalDate) throws -> [Problem.Carer] {
        let rows = try db.query(
            """
            SELECT c.id, c.external_id, c.given_name || ' ' || c.family_name AS name, h.code AS hub, c.home_latitude, c.home_longitude,
                   c.gender, c.contracted_minutes_per_week, c.max_minutes_per_week, c.end_date, c.transport,
                   coalesce((SELECT array_agg(lh.code ORDER BY lh.code) FROM carer_lendable_hubs l JOIN hubs lh ON lh.id = l.hub_id
                             WHERE l.carer_id = c.id AND lh.code = ANY(\(codes)::text[])), '{}') AS lendable
            FROM carers c JOIN hubs h ON h.id = c.hub_id
            WHERE h.code = ANY(\(codes)::text[]) AND c.start_date <= \(sunday)::date AND (c.end_date IS NULL OR c.end_date >= \(monday)::date)
            ORDER BY c.external_id
            """
        ).rows
        let ids: [Int] = try rows.map { try $0.decode("id") }
        var skills = try skillsByCarer(ids, monday: monday, sunday: sunday)
        var shifts = try shiftsByCarer(ids, monday: monday)
        return try zip(ids, rows).map { id, row in
            let genderText: String = try row.decode("gender")
            let gender = Gender(rawValue: genderText).flatMap { $0 == .unknown ? nil : $0 }
            var carer = Problem.Carer(
                id: try row.decode("external_id"), name: try row.decode("name"), hub: try row.decode("hub"),
                location: try point(row, "home_latitude", "home_longitude"), skills: [], gender: gender,
                contractedMinutes: try row.decode("contracted_minutes_per_week"), maxMinutes: try row.decode("max_minutes_per_week"),
                lendableTo: try row.decode("lendable"), shifts: shifts.removeValue(forKey: id) ?? [],
                transport: try row.decode("transport"))
            for (name, from, until) in skills.removeValue(forKey: id) ?? [] {
                carer.skills.append(name)
                // Only a skill that starts or lapses inside the week needs dates.
                if from > monday || (until.map { $0 <= sunday } ?? false) {
                    carer.skillDates[name] = Problem.DateRange(from: from > monday ? from : nil, until: until.flatMap { $0 <= sunday ? $0 : nil })
                }
            }
            return carer
        }
    }

    /// Per carer id, the skills held at some point of the week, by name: (name, qualified on, expires on).
    private func skillsByCarer(_ ids: [Int], monday: LocalDate, sunday: LocalDate) throws -> [Int: [(String, LocalDate, LocalDate?)]] {
        var result: [Int: [(String, LocalDate, LocalDate?)]] = [:]
        for row in try db.query(
            """
            SELECT carer_id, skill::text AS skill, qualified_on, expires_on FROM carer_skills
            WHERE carer_id = ANY(\(ids)::bigint[]) AND qualified_on <= \(sunday)::date AND (expires_on IS NULL OR expires_on > \(monday)::date)
            ORDER BY carer_id, skill
            """
        ).rows {
            let id: Int = try row.decode("carer_id")
            let skill: (String, LocalDate, LocalDate?) = (
                try row.decode("skill"), try row.decode("qualified_on"), try row.decode("expires_on", as: LocalDate?.self)
            )
            result[id, default: []].append(skill)
        }
        return result
    }

    /// Per carer id, the shifts that overlap the week, minus absences and days after leaving,
    /// clipped to the week (in the carer's hub's zone), in start order.
    private func shiftsByCarer(_ ids: [Int], monday: LocalDate) throws -> [Int: [Problem.Interval]] {
        var result: [Int: [Problem.Interval]] = [:]
        for row in try db.query(
            """
            WITH span AS (
                SELECT c.id AS carer_id,
                       tstzrange(\(monday)::date::timestamp AT TIME ZONE h.timezone,
                                 (\(monday)::date + 7)::timestamp AT TIME ZONE h.timezone) *
                       tstzrange(NULL, CASE WHEN c.end_date IS NULL THEN NULL
                                            ELSE (c.end_date + 1)::timestamp AT TIME ZONE h.timezone END) AS r
                FROM carers c JOIN hubs h ON h.id = c.hub_id WHERE c.id = ANY(\(ids)::bigint[])
            ), free AS (
                SELECT s.carer_id, unnest(
                    tstzmultirange(tstzrange(s.starts_at, s.ends_at) * span.r)
                    - coalesce((SELECT range_agg(tstzrange(a.starts_at, a.ends_at)) FROM absences a WHERE a.carer_id = s.carer_id),
                               '{}'::tstzmultirange)) AS piece
                FROM carer_shifts s JOIN span ON span.carer_id = s.carer_id
                WHERE tstzrange(s.starts_at, s.ends_at) && span.r
            )
            SELECT carer_id, lower(piece) AS starts_at, upper(piece) AS ends_at FROM free WHERE NOT isempty(piece) ORDER BY carer_id, 2
            """
        ).rows {
            let id: Int = try row.decode("carer_id")
            result[id, default: []].append(Problem.Interval(start: try row.decode("starts_at"), end: try row.decode("ends_at")))
        }
        return result
    }
}
