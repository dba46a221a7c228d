/// One episode of a person's journey between services (issue 15): a hospital stay, a discharge,
/// Home First reablement, long-term care, no care, a readmission, a provider handing the package
/// back, death.
public struct JourneyEpisode: Sendable, Hashable {
    /// What happened.
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case hospitalAdmission = "hospital_admission"
        case hospitalDischarge = "hospital_discharge"
        case reablement
        case longTermCare = "long_term_care"
        case noCare = "no_care"
        case readmission
        case providerHandback = "provider_handback"
        case death

        /// As people say it.
        public var label: String {
            switch self {
            case .hospitalAdmission: "hospital admission"
            case .hospitalDischarge: "hospital discharge"
            case .reablement: "Home First reablement"
            case .longTermCare: "long-term home care"
            case .noCare: "no care needed"
            case .readmission: "readmission"
            case .providerHandback: "package handed back by the provider"
            case .death: "death"
            }
        }

        /// Kinds that last and are ended later (an admission, reablement, long-term care).
        public var lasts: Bool { [.hospitalAdmission, .readmission, .reablement, .longTermCare].contains(self) }
    }

    /// How reablement ended.
    public enum Outcome: String, Sendable, CaseIterable, Codable {
        case independent
        case longTermCare = "long_term_care"
        case hospital
        case careHome = "care_home"
        case died
    }

    /// The database id (nil before it is stored).
    public var id: Int?
    public var kind: Kind
    public var startedAt: Instant
    public var endedAt: Instant?
    /// The hospital discharge's external id, for a discharge and the reablement after it.
    public var dischargeID: String?
    /// Reablement's goals.
    public var goals: String?
    public var outcome: Outcome?
    /// Who recorded it (set by the database).
    public var recordedBy: String?

    public init(
        id: Int? = nil, kind: Kind, startedAt: Instant, endedAt: Instant? = nil, dischargeID: String? = nil, goals: String? = nil,
        outcome: Outcome? = nil, recordedBy: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.dischargeID = dischargeID
        self.goals = goals
        self.outcome = outcome
        self.recordedBy = recordedBy
    }
}

/// A person handed from one lead professional to another (issue 15).
public struct Handover: Sendable, Hashable {
    public let id: Int
    /// The client's external id.
    public let clientID: String
    public let fromName: String
    public let fromService: String?
    public let toName: String
    public let toService: String
    /// The receiver's person id, so a page can offer them (and only them) the accept button.
    public let toPersonID: Int
    public let handedAt: Instant
    public let acceptedAt: Instant?
    public let withdrawnAt: Instant?
    public let note: String?

    public init(
        id: Int, clientID: String, fromName: String, fromService: String?, toName: String, toService: String, toPersonID: Int, handedAt: Instant,
        acceptedAt: Instant?, withdrawnAt: Instant?, note: String?
    ) {
        self.id = id
        self.clientID = clientID
        self.fromName = fromName
        self.fromService = fromService
        self.toName = toName
        self.toService = toService
        self.toPersonID = toPersonID
        self.handedAt = handedAt
        self.acceptedAt = acceptedAt
        self.withdrawnAt = withdrawnAt
        self.note = note
    }

    /// Waiting for the receiver to accept.
    public var isWaiting: Bool { acceptedAt == nil && withdrawnAt == nil }

    /// Waiting more than 24 hours at `now`: flagged on the hub's page and in `journey waiting`.
    public func isOverdue(at now: Instant) -> Bool {
        isWaiting && now.secondsSinceEpoch - handedAt.secondsSinceEpoch > 24 * 3600
    }
}
