/// What happened at a visit, as electronic call monitoring records it.
public struct VisitOutcome: Sendable, Hashable {
    /// The outcome of a visit.
    public enum Status: String, Sendable, CaseIterable, Codable {
        case delivered, missed
        /// Cancelled by the provider: counts as undelivered care.
        case cancelledProvider = "cancelled_provider"
        /// Cancelled by the person (out, in hospital, declined): not counted as scheduled.
        case cancelledPerson = "cancelled_person"
    }

    /// The visit's id, as rosters and their CSV export name it.
    public var visitID: Int
    public var status: Status
    /// When the carer arrived (delivered visits).
    public var actualStart: Instant?
    /// Minutes spent with the person (delivered visits); nil = the planned duration.
    public var actualMinutes: Int?

    public init(visitID: Int, status: Status, actualStart: Instant? = nil, actualMinutes: Int? = nil) {
        self.visitID = visitID
        self.status = status
        self.actualStart = actualStart
        self.actualMinutes = actualMinutes
    }
}
