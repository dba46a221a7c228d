/// A candidate's application to a vacancy and the date each stage was reached.
public struct Application: Sendable, Hashable {
    public var externalID: String
    /// External id of the vacancy.
    public var vacancyID: String
    public var source: String
    public var applied: LocalDate
    public var interviewed: LocalDate?
    public var offered: LocalDate?
    public var accepted: LocalDate?
    public var declined: LocalDate?
    public var checksCleared: LocalDate?
    public var withdrawn: LocalDate?
    public var started: LocalDate?

    public init(externalID: String, vacancyID: String, source: String, applied: LocalDate) {
        self.externalID = externalID
        self.vacancyID = vacancyID
        self.source = source
        self.applied = applied
    }
}
