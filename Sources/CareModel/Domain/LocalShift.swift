/// A carer's availability on one local day: starts at a wall-clock time and lasts some minutes.
///
/// Local, because rotas are written in wall-clock time; the store turns it into instants in
/// the hub's time zone (PostgreSQL does the conversion, so clock changes are handled there).
public struct LocalShift: Hashable, Sendable {
    /// External id of the carer.
    public var carerID: String
    public var date: LocalDate
    public var start: LocalTime
    /// Length in minutes (a late shift may run past midnight).
    public var minutes: Int

    /// A shift.
    public init(carerID: String, date: LocalDate, start: LocalTime, minutes: Int) {
        self.carerID = carerID
        self.date = date
        self.start = start
        self.minutes = minutes
    }
}
