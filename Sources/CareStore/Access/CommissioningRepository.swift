import CareModel

/// The commissioner's only view of the data: `carehub_commissioning_summary`, a SECURITY
/// DEFINER function that returns totals per hub with counts of people under five suppressed.
public struct CommissioningRepository {
    let db: Connection

    /// A repository over a connection (and whatever transaction it is in).
    public init(_ db: Connection) { self.db = db }

    /// One row per hub for visits and discharges dated `from` to `to`.
    public func summary(from: LocalDate, to: LocalDate) throws -> [CommissioningRow] {
        try db.query("SELECT * FROM carehub_commissioning_summary(\(from)::date, \(to)::date)").rows.map { row in
            CommissioningRow(
                hub: try row.decode("hub"), peopleSupported: try row.decode("people_supported", as: Int?.self),
                visitsDelivered: try row.decode("visits_delivered", as: Int?.self),
                hoursDelivered: try row.decode("hours_delivered", as: Double?.self),
                hoursCommissionedWeekly: try row.decode("hours_commissioned_weekly", as: Double?.self),
                peopleWaiting: try row.decode("people_waiting", as: Int?.self),
                homeFirstDischarges: try row.decode("home_first_discharges", as: Int?.self))
        }
    }
}

/// One hub's commissioning totals; nil is suppressed (fewer than five people) or none.
public struct CommissioningRow: Sendable, Hashable {
    public let hub: String
    public let peopleSupported: Int?
    public let visitsDelivered: Int?
    public let hoursDelivered: Double?
    public let hoursCommissionedWeekly: Double?
    public let peopleWaiting: Int?
    public let homeFirstDischarges: Int?
}
