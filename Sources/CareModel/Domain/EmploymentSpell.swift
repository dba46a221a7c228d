/// One job a carer held: re-hires and internal moves make several spells per carer.
public struct EmploymentSpell: Sendable, Hashable {
    /// External id of the carer.
    public var carerID: String
    public var hubCode: String
    public var contract: ContractType
    public var zeroHours: Bool
    public var contractedMinutes: Int
    public var start: LocalDate
    /// Last day worked.
    public var end: LocalDate?
    /// The spell began with a move from another role or hub of the same provider.
    public var startedByInternalMove: Bool
    /// Why it ended, when it has.
    public var leaving: LeavingEvent?

    public init(
        carerID: String, hubCode: String, contract: ContractType, zeroHours: Bool, contractedMinutes: Int, start: LocalDate,
        end: LocalDate? = nil, startedByInternalMove: Bool = false, leaving: LeavingEvent? = nil
    ) {
        self.carerID = carerID
        self.hubCode = hubCode
        self.contract = contract
        self.zeroHours = zeroHours
        self.contractedMinutes = contractedMinutes
        self.start = start
        self.end = end
        self.startedByInternalMove = startedByInternalMove
        self.leaving = leaving
    }
}

/// Why and where a spell ended (codes in the spirit of ASC-WDS's leaver fields).
public struct LeavingEvent: Sendable, Hashable {
    public var reason: String
    public var destination: String?
    public var voluntary: Bool
    /// A move within the provider: not a leaver at provider level.
    public var internalMove: Bool

    public init(reason: String, destination: String? = nil, voluntary: Bool, internalMove: Bool = false) {
        self.reason = reason
        self.destination = destination
        self.voluntary = voluntary
        self.internalMove = internalMove
    }
}

/// A post a hub is recruiting to.
public struct Vacancy: Sendable, Hashable {
    public var externalID: String
    public var hubCode: String
    public var opened: LocalDate
    public var closed: LocalDate?
    public var closeReason: String?

    public init(externalID: String, hubCode: String, opened: LocalDate, closed: LocalDate? = nil, closeReason: String? = nil) {
        self.externalID = externalID
        self.hubCode = hubCode
        self.opened = opened
        self.closed = closed
        self.closeReason = closeReason
    }
}
