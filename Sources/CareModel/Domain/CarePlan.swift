/// A person's care plan (issue 15): the tasks of their calls, how to get in, and the outcomes the
/// care works towards, in the order the plan lists them.
public struct CarePlan: Sendable, Hashable {
    /// The client's external id.
    public var clientID: String
    public var items: [Item]

    public init(clientID: String, items: [Item]) {
        self.clientID = clientID
        self.items = items
    }

    /// What an item is.
    public enum Kind: String, Sendable, CaseIterable, Codable {
        /// How to get in: key safe, parking, a dog to shut away. Shown first, on every call.
        case access
        case personalCare = "personal_care"
        case medicationPrompt = "medication_prompt"
        case meal
        case mobility
        case domestic
        case other
        /// An outcome the care works towards, with a review date; not a task of any call.
        case outcome

        /// As people say it.
        public var label: String {
            switch self {
            case .access: "getting in"
            case .personalCare: "personal care"
            case .medicationPrompt: "medication prompt"
            case .meal: "meal"
            case .mobility: "mobility"
            case .domestic: "domestic"
            case .other: "other"
            case .outcome: "outcome"
            }
        }

        /// A task carers do on a visit (or read before it, for access).
        public var isForCarers: Bool { self != .outcome }
    }

    /// One line of the plan.
    public struct Item: Sendable, Hashable {
        public var kind: Kind
        /// The call label it belongs to ("am", "tea"); nil: every call (always nil for access
        /// notes and outcomes).
        public var call: String?
        public var description: String
        /// When an outcome is next reviewed (outcomes only).
        public var reviewOn: LocalDate?

        public init(kind: Kind, call: String? = nil, description: String, reviewOn: LocalDate? = nil) {
            self.kind = kind
            self.call = call
            self.description = description
            self.reviewOn = reviewOn
        }
    }
}
