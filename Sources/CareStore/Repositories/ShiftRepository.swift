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
        let added = try db.execute("""
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
    public func insert(_ absence: LocalAbsence, reason: String? = nil) throws {
        let (carerID, kind, firstDay, lastDay) = (absence.carerID, absence.kind, absence.firstDay, absence.lastDay)
        let added = try db.execute("""
            INSERT INTO absences (carer_id, kind, starts_at, ends_at, reason)
            SELECT c.id, \(kind), \(firstDay)::date::timestamp AT TIME ZONE h.timezone,
                   (\(lastDay)::date + 1)::timestamp AT TIME ZONE h.timezone, \(reason)
            FROM carers c JOIN hubs h ON h.id = c.hub_id
            WHERE c.external_id = \(carerID)
            """)
        if added == 0 { throw ReferenceError(writing: "absence", missingKind: "carer", missingID: carerID) }
    }
}
