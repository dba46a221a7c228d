import CareModel

/// Writes carers' shifts and absences, turning local wall-clock times into instants.
///
/// PostgreSQL does the conversion with the hub's time zone (`(date + time) AT TIME ZONE tz`),
/// so a shift on a clock-change day gets the right instant without carehub carrying a zone
/// database of its own.
public struct ShiftRepository {
    let db: Connection

    /// A repository over a connection (and whatever transaction it is in).
    public init(_ db: Connection) { self.db = db }

    /// Inserts one shift starting at a local wall-clock time and lasting `minutes` of elapsed
    /// time; an overlap with another of the carer's shifts is an exclusion violation.
    public func insert(_ shift: LocalShift) throws {
        let added = try db.execute(
            """
            INSERT INTO carer_shifts (carer_id, starts_at, ends_at)
            SELECT c.id, (\(shift.date)::date + \(shift.start)::time) AT TIME ZONE h.timezone,
                   -- elapsed minutes: on a clock-change night a 3-hour shift still lasts 3 hours
                   ((\(shift.date)::date + \(shift.start)::time) AT TIME ZONE h.timezone) + make_interval(mins => \(shift.minutes))
            FROM carers c JOIN hubs h ON h.id = c.hub_id
            WHERE c.external_id = \(shift.carerID)
            """)
        if added == 0 { throw ReferenceError(writing: "shift", missingKind: "carer", missingID: shift.carerID) }
    }

    /// Inserts an absence covering whole local days, midnight to midnight in the hub's zone.
    public func insert(_ absence: LocalAbsence, reason: String? = nil, workingDaysLost: Double? = nil) throws {
        let (carerID, kind, firstDay, lastDay) = (absence.carerID, absence.kind, absence.firstDay, absence.lastDay)
        let added = try db.execute(
            """
            INSERT INTO absences (carer_id, kind, starts_at, ends_at, reason, working_days_lost)
            SELECT c.id, \(kind), \(firstDay)::date::timestamp AT TIME ZONE h.timezone,
                   (\(lastDay)::date + 1)::timestamp AT TIME ZONE h.timezone, \(reason), \(workingDaysLost)::numeric
            FROM carers c JOIN hubs h ON h.id = c.hub_id
            WHERE c.external_id = \(carerID)
            """)
        if added == 0 { throw ReferenceError(writing: "absence", missingKind: "carer", missingID: carerID) }
    }

    /// Replaces a carer's shifts that start on `date` (local) with `shifts` (the shifts file);
    /// unchanged when the same intervals were already there.
    @discardableResult
    public func replaceShifts(carer: String, date: LocalDate, shifts: [LocalShift]) throws -> UpsertOutcome {
        let starts = shifts.map(\.start.description)
        let minutes = shifts.map(\.minutes)
        let same: Bool = try db.query(
            """
            WITH c AS (SELECT c.id, h.timezone FROM carers c JOIN hubs h ON h.id = c.hub_id WHERE c.external_id = \(carer)),
                 existing AS (SELECT s.starts_at, s.ends_at FROM carer_shifts s, c
                              WHERE s.carer_id = c.id AND (s.starts_at AT TIME ZONE c.timezone)::date = \(date)::date),
                 wanted AS (SELECT (\(date)::date + x.t::time) AT TIME ZONE c.timezone AS starts_at,
                                   ((\(date)::date + x.t::time) AT TIME ZONE c.timezone) + make_interval(mins => x.m) AS ends_at
                            FROM c, unnest(\(starts)::text[], \(minutes)::int[]) AS x(t, m))
            SELECT NOT EXISTS (SELECT * FROM existing EXCEPT SELECT * FROM wanted)
               AND NOT EXISTS (SELECT * FROM wanted EXCEPT SELECT * FROM existing) AS same,
                   EXISTS (SELECT 1 FROM existing) AS had
            """
        ).rows[0].decode("same")
        if same { return .unchanged }
        let removed = try db.execute(
            """
            DELETE FROM carer_shifts s USING carers c JOIN hubs h ON h.id = c.hub_id
            WHERE s.carer_id = c.id AND c.external_id = \(carer) AND (s.starts_at AT TIME ZONE h.timezone)::date = \(date)::date
            """)
        for shift in shifts { try insert(shift) }
        return removed > 0 ? .updated : .new
    }

    /// Inserts or updates an absence keyed by carer, kind and first day (the absences file and seeding).
    @discardableResult
    public func upsertAbsence(_ a: LocalAbsence, reason: String?, workingDaysLost: Double? = nil) throws -> UpsertOutcome {
        let existing = try db.query(
            """
            SELECT a.id, a.ends_at = (\(a.lastDay)::date + 1)::timestamp AT TIME ZONE h.timezone AND a.reason IS NOT DISTINCT FROM \(reason)
                   AND a.working_days_lost IS NOT DISTINCT FROM \(workingDaysLost)::numeric AS same
            FROM absences a JOIN carers c ON c.id = a.carer_id JOIN hubs h ON h.id = c.hub_id
            WHERE c.external_id = \(a.carerID) AND a.kind = \(a.kind) AND a.starts_at = \(a.firstDay)::date::timestamp AT TIME ZONE h.timezone
            """
        ).rows.first
        if let existing, try existing.decode("same", as: Bool.self) { return .unchanged }
        if let existing {
            try db.execute(
                """
                UPDATE absences a SET ends_at = (\(a.lastDay)::date + 1)::timestamp AT TIME ZONE h.timezone, reason = \(reason),
                       working_days_lost = \(workingDaysLost)::numeric
                FROM carers c JOIN hubs h ON h.id = c.hub_id WHERE a.id = \(try existing.decode("id", as: Int.self)) AND c.id = a.carer_id
                """)
            return .updated
        }
        try insert(a, reason: reason, workingDaysLost: workingDaysLost)
        return .new
    }
}
