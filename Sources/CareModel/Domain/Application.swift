/// Money spent on recruiting: advertising, agency fees and checks (external) or staff time (internal).
public struct RecruitmentCost: Sendable, Hashable {
    public var hubCode: String
    /// External id of the vacancy, when the cost belongs to one.
    public var vacancyID: String?
    public var incurred: LocalDate
    public var external: Bool
    public var pence: Int

    public init(hubCode: String, vacancyID: String?, incurred: LocalDate, external: Bool, pence: Int) {
        self.hubCode = hubCode
        self.vacancyID = vacancyID
        self.incurred = incurred
        self.external = external
        self.pence = pence
    }
}

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
