/// A carer's absence over whole local days, `firstDay` through `lastDay` inclusive.
public struct LocalAbsence: Sendable, Hashable {
    /// External id of the carer.
    public var carerID: String
    public var kind: AbsenceKind
    public var firstDay: LocalDate
    public var lastDay: LocalDate

    /// An absence.
    public init(carerID: String, kind: AbsenceKind, firstDay: LocalDate, lastDay: LocalDate) {
        self.carerID = carerID
        self.kind = kind
        self.firstDay = firstDay
        self.lastDay = lastDay
    }
}
