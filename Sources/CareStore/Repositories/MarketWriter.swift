import CareModel

extension ImportWriter {
    /// Upserts what a package was commissioned for. A new package id creates a package with no
    /// calls (waiting while it has no start); an existing one must belong to the same client.
    /// Blank start or end dates keep what the packages file gave.
    public func upsert(_ c: PackageCommission) throws -> ImportChange {
        let owner = try db.query("""
            SELECT cl.external_id AS client FROM care_packages p JOIN clients cl ON cl.id = p.client_id WHERE p.external_id = \(c.packageID)
            """).rows.first
        if let owner, try owner.decode("client", as: String.self) != c.clientID {
            throw RowRefusal("package \(c.packageID) belongs to another client")
        }
        let result = try db.query("""
            INSERT INTO care_packages (external_id, client_id, valid_from, valid_to, funder, commissioned_hours, hourly_rate, requested_on, end_reason)
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
        guard let row = result.rows.first else {
            if owner == nil { throw ReferenceError(writing: "package \(c.packageID)", missingKind: "client", missingID: c.clientID) }
            return .unchanged
        }
        return try row.decode("inserted", as: Bool.self) ? .new : .updated
    }

    /// Records what happened at a visit. Never new: the visit must exist.
    public func record(_ o: VisitOutcome) throws -> ImportChange {
        let (status, by) = o.status.columns
        guard try db.query("SELECT 1 FROM visits WHERE id = \(o.visitID)").rows.count == 1 else {
            throw ReferenceError(writing: "outcome", missingKind: "visit", missingID: String(o.visitID))
        }
        let changed = try db.execute("""
            UPDATE visits SET status = \(status), cancelled_by = \(by), actual_start = \(o.actualStart)::timestamptz,
                   actual_minutes = \(o.actualMinutes), outcome_recorded_at = now(), updated_at = now()
            WHERE id = \(o.visitID)
              AND (status, cancelled_by, actual_start, actual_minutes)
                  IS DISTINCT FROM (\(status)::text, \(by)::text, \(o.actualStart)::timestamptz, \(o.actualMinutes)::integer)
            """)
        return changed > 0 ? .updated : .unchanged
    }
}

extension VisitOutcome.Status {
    /// The visit's `status` and `cancelled_by` columns for this outcome.
    var columns: (status: String, cancelledBy: String?) {
        switch self {
        case .delivered: return ("delivered", nil)
        case .missed: return ("missed", nil)
        case .cancelledProvider: return ("cancelled", "provider")
        case .cancelledPerson: return ("cancelled", "person")
        }
    }
}
