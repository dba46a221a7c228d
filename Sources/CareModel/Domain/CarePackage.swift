/// A client's commissioned care: recurring weekly calls valid over a span of dates.
public struct CarePackage: Hashable, Sendable {
    /// Stable identifier from the commissioning record.
    public var externalID: String
    /// External id of the client.
    public var clientID: String
    public var validFrom: LocalDate
    /// Last valid day, when the package ends.
    public var validTo: LocalDate?
    public var visits: [VisitTemplate]

    /// A package.
    public init(externalID: String, clientID: String, validFrom: LocalDate, validTo: LocalDate? = nil, visits: [VisitTemplate]) {
        self.externalID = externalID
        self.clientID = clientID
        self.validFrom = validFrom
        self.validTo = validTo
        self.visits = visits
    }

    /// Commissioned minutes of care a week (a double-up counts each carer's time).
    public var weeklyCarerMinutes: Int {
        visits.reduce(0) { $0 + $1.durationMinutes * $1.carersNeeded }
    }

    /// True when the package covers `date`.
    public func isValid(on date: LocalDate) -> Bool {
        validFrom <= date && (validTo.map { date <= $0 } ?? true)
    }
}
