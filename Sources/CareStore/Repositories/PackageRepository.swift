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

    /// Inserts or updates a package by external id and replaces its calls when they differ.
    @discardableResult
    public func upsert(_ p: CarePackage) throws -> UpsertOutcome {
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
        if try replaceCalls(package: try row.decode("id"), with: p.visits) && outcome == .unchanged { outcome = .updated }
        return outcome
    }

    /// Replaces a package's calls unless the same calls are already stored; true when it did.
    private func replaceCalls(package id: Int, with calls: [VisitTemplate]) throws -> Bool {
        let key = { (t: VisitTemplate) in
            let skills = t.skills.map(\.code).sorted().joined(separator: ";")
            return "\(t.weekday.rawValue)|\(t.windowStart)|\(t.windowEnd)|\(t.durationMinutes)|\(skills)|\(t.carersNeeded)|\(t.priority.rawValue)"
        }
        let existing: [String] = try db.query(
            """
            SELECT weekday || '|' || to_char(window_start, 'HH24:MI') || '|' || to_char(window_end, 'HH24:MI') || '|' || duration_minutes
                   || '|' || coalesce((SELECT string_agg(s, ';' ORDER BY s) FROM unnest(skills::text[]) s), '') || '|' || carers_needed
                   || '|' || priority AS k
            FROM package_visits WHERE package_id = \(id)
            """
        ).rows.map { try $0.decode("k") }
        if existing.sorted() == calls.map(key).sorted() { return false }
        // Visits already planned keep their rows: the reference to a deleted call becomes NULL.
        try db.execute("DELETE FROM package_visits WHERE package_id = \(id)")
        for call in calls {
            try db.execute(
                """
                INSERT INTO package_visits (package_id, weekday, window_start, window_end, duration_minutes, skills, carers_needed, priority)
                VALUES (\(id), \(call.weekday), \(call.windowStart)::time, \(call.windowEnd)::time,
                        \(call.durationMinutes), \(call.skills.map(\.code))::skill_code[], \(call.carersNeeded), \(call.priority))
                """)
        }
        return true
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
