import CareModel

/// Writes `care_packages` and their weekly calls (`package_visits`): the one write path for
/// import and seeding.
///
/// A package row has two sets of columns from two sources, hence two upserts: its validity and
/// calls (the packages file; `upsert(_: CarePackage)`) and what it was commissioned for (the
/// commissions file and market history; `upsert(_: PackageCommission)`). Neither touches the
/// other's columns, so the files can be imported in either order.
public struct PackageRepository {
    let db: Connection

    /// A repository over a connection (and whatever transaction it is in).
    public init(_ db: Connection) { self.db = db }

    /// Inserts or updates a package by external id and replaces its calls (and their links)
    /// when they differ. `terms[i]` is what `p.visits[i]` says beyond its template (lateness, its
    /// label); calls without terms take the defaults.
    @discardableResult
    public func upsert(_ p: CarePackage, terms: [PackageCallTerms] = [], links: [PackageLink] = []) throws -> UpsertOutcome {
        var outcome = try db.query(
            """
            INSERT INTO care_packages (external_id, client_id, valid_from, valid_to)
            SELECT \(p.externalID), c.id, \(p.validFrom)::date, \(p.validTo)::date FROM clients c WHERE c.external_id = \(p.clientID)
            ON CONFLICT (external_id) DO UPDATE SET client_id = EXCLUDED.client_id, valid_from = EXCLUDED.valid_from,
                valid_to = EXCLUDED.valid_to
            WHERE (care_packages.client_id, care_packages.valid_from, care_packages.valid_to)
                  IS DISTINCT FROM (EXCLUDED.client_id, EXCLUDED.valid_from, EXCLUDED.valid_to)
            RETURNING (xmax = 0) AS inserted
            """
        ).upsertOutcome()
        guard let row = try db.query("SELECT id FROM care_packages WHERE external_id = \(p.externalID)").rows.first else {
            throw ReferenceError(writing: "package \(p.externalID)", missingKind: "client", missingID: p.clientID)
        }
        let id: Int = try row.decode("id")
        let calls = p.visits.enumerated().map { ($0.element, $0.offset < terms.count ? terms[$0.offset] : PackageCallTerms()) }
        let changedCalls = try replaceCalls(package: id, with: calls)
        let changedLinks = try replaceLinks(package: id, with: links)
        if (changedCalls || changedLinks) && outcome == .unchanged { outcome = .updated }
        return outcome
    }

    /// Replaces a package's calls unless the same calls are already stored; true when it did.
    private func replaceCalls(package id: Int, with calls: [(VisitTemplate, PackageCallTerms)]) throws -> Bool {
        let key = { (t: VisitTemplate, terms: PackageCallTerms) in
            let skills = t.skills.map(\.code).sorted().joined(separator: ";")
            return "\(t.weekday.rawValue)|\(t.windowStart)|\(t.windowEnd)|\(t.durationMinutes)|\(skills)|\(t.carersNeeded)|\(t.priority.rawValue)"
                + "|\(terms.label ?? "")|\(terms.lateAllowedMinutes)|\(terms.timeCritical)"
        }
        let existing: [String] = try db.query(
            """
            SELECT weekday || '|' || to_char(window_start, 'HH24:MI') || '|' || to_char(window_end, 'HH24:MI') || '|' || duration_minutes
                   || '|' || coalesce((SELECT string_agg(s, ';' ORDER BY s) FROM unnest(skills::text[]) s), '') || '|' || carers_needed
                   || '|' || priority || '|' || coalesce(call_label, '') || '|' || late_allowed_minutes || '|' || time_critical::text AS k
            FROM package_visits WHERE package_id = \(id)
            """
        ).rows.map { try $0.decode("k") }
        if existing.sorted() == calls.map(key).sorted() { return false }
        // Visits already planned keep their rows: the reference to a deleted call becomes NULL.
        try db.execute("DELETE FROM package_visits WHERE package_id = \(id)")
        for (call, terms) in calls {
            try db.execute(
                """
                INSERT INTO package_visits (package_id, weekday, window_start, window_end, duration_minutes, skills, carers_needed, priority,
                                            call_label, late_allowed_minutes, time_critical)
                VALUES (\(id), \(call.weekday), \(call.windowStart)::time, \(call.windowEnd)::time,
                        \(call.durationMinutes), \(call.skills.map(\.code))::skill_code[], \(call.carersNeeded), \(call.priority),
                        \(terms.label), \(terms.lateAllowedMinutes), \(terms.timeCritical))
                """)
        }
        return true
    }

    /// Replaces a package's links between its calls unless the same links are stored; true when it did.
    private func replaceLinks(package id: Int, with links: [PackageLink]) throws -> Bool {
        let key = { (l: PackageLink) in "\(l.firstCall)|\(l.secondCall)|\(l.minGapMinutes)|\(l.maxGapMinutes)|\(l.differentCarers)" }
        let existing: [String] = try db.query(
            """
            SELECT first_call || '|' || second_call || '|' || min_gap_minutes || '|' || max_gap_minutes || '|' || different_carers::text AS k
            FROM package_links WHERE package_id = \(id)
            """
        ).rows.map { try $0.decode("k") }
        if existing.sorted() == links.map(key).sorted() { return false }
        try db.execute("DELETE FROM package_links WHERE package_id = \(id)")
        for link in links {
            try db.execute(
                """
                INSERT INTO package_links (package_id, first_call, second_call, min_gap_minutes, max_gap_minutes, different_carers)
                VALUES (\(id), \(link.firstCall), \(link.secondCall), \(link.minGapMinutes), \(link.maxGapMinutes), \(link.differentCarers))
                """)
        }
        return true
    }

    /// A package's calls' terms and links as stored, calls by weekday and window start
    /// (what an import wrote; for tests and review).
    public func terms(package externalID: String) throws -> (calls: [PackageCallTerms], links: [PackageLink]) {
        let calls = try db.query(
            """
            SELECT pv.call_label, pv.late_allowed_minutes, pv.time_critical
            FROM package_visits pv JOIN care_packages p ON p.id = pv.package_id WHERE p.external_id = \(externalID)
            ORDER BY pv.weekday, pv.window_start, pv.id
            """
        ).rows.map {
            PackageCallTerms(
                label: try $0.decode("call_label", as: String?.self), lateAllowedMinutes: try $0.decode("late_allowed_minutes"),
                timeCritical: try $0.decode("time_critical"))
        }
        let links = try db.query(
            """
            SELECT l.first_call, l.second_call, l.min_gap_minutes, l.max_gap_minutes, l.different_carers
            FROM package_links l JOIN care_packages p ON p.id = l.package_id WHERE p.external_id = \(externalID)
            ORDER BY l.first_call, l.second_call
            """
        ).rows.map {
            PackageLink(
                firstCall: try $0.decode("first_call"), secondCall: try $0.decode("second_call"), minGapMinutes: try $0.decode("min_gap_minutes"),
                maxGapMinutes: try $0.decode("max_gap_minutes"), differentCarers: try $0.decode("different_carers"))
        }
        return (calls, links)
    }

    /// Upserts what a package was commissioned for. A new package id creates a package with no
    /// calls (waiting while it has no start); an existing one must belong to the same client.
    /// Blank start or end dates keep what the packages file gave.
    @discardableResult
    public func upsert(_ c: PackageCommission) throws -> UpsertOutcome {
        let owner = try db.query(
            """
            SELECT cl.external_id AS client FROM care_packages p JOIN clients cl ON cl.id = p.client_id WHERE p.external_id = \(c.packageID)
            """
        ).rows.first
        if let owner, try owner.decode("client", as: String.self) != c.clientID {
            throw RowRefusal("package \(c.packageID) belongs to another client")
        }
        let result = try db.query(
            """
            INSERT INTO care_packages (external_id, client_id, valid_from, valid_to, funder, commissioned_hours, hourly_rate, requested_on,
                                       end_reason)
            SELECT \(c.packageID), cl.id, \(c.startedOn)::date, \(c.endedOn)::date, \(c.funder.rawValue), \(c.commissionedHours)::numeric,
                   \(c.hourlyRate)::numeric, \(c.requestedOn)::date, \(c.endReason?.rawValue)
            FROM clients cl WHERE cl.external_id = \(c.clientID)
            ON CONFLICT (external_id) DO UPDATE SET
                valid_from = coalesce(EXCLUDED.valid_from, care_packages.valid_from),
                valid_to = coalesce(EXCLUDED.valid_to, care_packages.valid_to),
                funder = EXCLUDED.funder, commissioned_hours = EXCLUDED.commissioned_hours, hourly_rate = EXCLUDED.hourly_rate,
                requested_on = EXCLUDED.requested_on, end_reason = EXCLUDED.end_reason
            WHERE (care_packages.valid_from, care_packages.valid_to, care_packages.funder, care_packages.commissioned_hours,
                   care_packages.hourly_rate, care_packages.requested_on, care_packages.end_reason)
                  IS DISTINCT FROM (coalesce(EXCLUDED.valid_from, care_packages.valid_from), coalesce(EXCLUDED.valid_to, care_packages.valid_to),
                   EXCLUDED.funder, EXCLUDED.commissioned_hours, EXCLUDED.hourly_rate, EXCLUDED.requested_on, EXCLUDED.end_reason)
            RETURNING (xmax = 0) AS inserted
            """)
        if result.rows.isEmpty && owner == nil {
            throw ReferenceError(writing: "package \(c.packageID)", missingKind: "client", missingID: c.clientID)
        }
        return try result.upsertOutcome()
    }
}

/// What a package's call says beyond its `VisitTemplate` (migration 0025): a label naming the call
/// on every weekday it recurs (for links), how late its visit may start, and whether it is time-critical.
public struct PackageCallTerms: Hashable, Sendable {
    /// Minutes a visit may start after its window ends.
    public static let lateAllowance = 0...720

    public var label: String?
    public var lateAllowedMinutes: Int
    public var timeCritical: Bool

    public init(label: String? = nil, lateAllowedMinutes: Int = 0, timeCritical: Bool = false) {
        self.label = label
        self.lateAllowedMinutes = lateAllowedMinutes
        self.timeCritical = timeCritical
    }
}

/// A link between two of a package's calls, by label: on each day both are planned, the second
/// starts `minGapMinutes…maxGapMinutes` after the first, by different carers when `differentCarers`.
public struct PackageLink: Hashable, Sendable {
    /// The gap's bounds, in minutes (as `links[]` in carehub.problem/1).
    public static let gapRange = -10080...10080

    public var firstCall: String
    public var secondCall: String
    public var minGapMinutes: Int
    public var maxGapMinutes: Int
    public var differentCarers: Bool

    public init(firstCall: String, secondCall: String, minGapMinutes: Int, maxGapMinutes: Int, differentCarers: Bool = false) {
        self.firstCall = firstCall
        self.secondCall = secondCall
        self.minGapMinutes = minGapMinutes
        self.maxGapMinutes = maxGapMinutes
        self.differentCarers = differentCarers
    }
}
