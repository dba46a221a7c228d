/// What a commissioner bought with a care package: who pays, how many hours a week at what
/// rate, when it was asked for, and when and why it ended. A commission for a package that has
/// no start yet is a person waiting for care.
public struct PackageCommission: Sendable, Hashable {
    /// Why a package ended, as commissioners record it.
    public enum EndReason: String, Sendable, CaseIterable, Codable {
        case providerHandback = "provider_handback"
        case died, hospital
        case careHome = "care_home"
        case noLongerNeeded = "no_longer_needed"
        case movedAway = "moved_away"
        case other
    }

    /// The package's external id (a new one creates a package with no calls yet).
    public var packageID: String
    /// The client's external id.
    public var clientID: String
    public var funder: FundingStream
    /// Hours a week bought (each carer's time counted); nil = the sum of the package's calls.
    public var commissionedHours: Double?
    /// Pounds an hour paid to the provider.
    public var hourlyRate: Double?
    public var requestedOn: LocalDate?
    /// First day of care; nil keeps the start the packages file gave (or none: still waiting).
    public var startedOn: LocalDate?
    /// Last day of care; with `endReason`.
    public var endedOn: LocalDate?
    public var endReason: EndReason?

    public init(
        packageID: String, clientID: String, funder: FundingStream, commissionedHours: Double? = nil, hourlyRate: Double? = nil,
        requestedOn: LocalDate? = nil, startedOn: LocalDate? = nil, endedOn: LocalDate? = nil, endReason: EndReason? = nil
    ) {
        self.packageID = packageID
        self.clientID = clientID
        self.funder = funder
        self.commissionedHours = commissionedHours
        self.hourlyRate = hourlyRate
        self.requestedOn = requestedOn
        self.startedOn = startedOn
        self.endedOn = endedOn
        self.endReason = endReason
    }
}
