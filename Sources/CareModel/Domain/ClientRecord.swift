/// The part of a person's record that health and social care share, beside what `Client` holds
/// for planning (name, postcode, date of birth): who they are to the NHS, who to call, what
/// matters to them, the risks anyone visiting must know, and their consent to share.
public struct ClientRecord: Sendable, Hashable {
    /// What a consent to share between health and social care covers.
    public enum ConsentScope: String, Sendable, CaseIterable, Codable, Comparable {
        case record
        case carePlan = "care_plan"
        case notes

        /// In the order listed: record, care plan, notes.
        public static func < (a: Self, b: Self) -> Bool {
            (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
        }

        /// In words: "record", "care plan", "notes".
        public var label: String { self == .carePlan ? "care plan" : rawValue }
    }

    /// Consent to share between health and social care: what it covers, who recorded it, when.
    public struct Consent: Sendable, Hashable {
        public var covers: Set<ConsentScope>
        /// The member of staff who recorded it (name and role, as written).
        public var recordedBy: String
        public var recordedOn: LocalDate

        public init(covers: Set<ConsentScope>, recordedBy: String, recordedOn: LocalDate) {
            self.covers = covers
            self.recordedBy = recordedBy
            self.recordedOn = recordedOn
        }
    }

    /// The risks everyone visiting must know.
    public struct Risks: Sendable, Hashable {
        public var falls: Bool
        public var hoist: Bool
        /// Allergies as written ("penicillin"); empty when none are known.
        public var allergies: String
        /// A DNACPR decision is held, and where the form is kept ("kitchen drawer").
        public var dnacprLocation: String?

        public init(falls: Bool = false, hoist: Bool = false, allergies: String = "", dnacprLocation: String? = nil) {
            self.falls = falls
            self.hoist = hoist
            self.allergies = allergies
            self.dnacprLocation = dnacprLocation
        }
    }

    /// External id of the client.
    public var clientID: String
    public var nhsNumber: NHSNumber?
    /// Full address (the postcode district is what other pages show).
    public var address: String
    public var nextOfKin: String
    public var gpPractice: String
    public var communicationNeeds: String
    /// "What matters to me", in the person's words.
    public var whatMatters: String
    public var risks: Risks
    /// Nil: no consent to share recorded (health staff outside the hub see nothing).
    public var consent: Consent?

    public init(
        clientID: String, nhsNumber: NHSNumber? = nil, address: String = "", nextOfKin: String = "", gpPractice: String = "",
        communicationNeeds: String = "", whatMatters: String = "", risks: Risks = Risks(), consent: Consent? = nil
    ) {
        self.clientID = clientID
        self.nhsNumber = nhsNumber
        self.address = address
        self.nextOfKin = nextOfKin
        self.gpPractice = gpPractice
        self.communicationNeeds = communicationNeeds
        self.whatMatters = whatMatters
        self.risks = risks
        self.consent = consent
    }
}
