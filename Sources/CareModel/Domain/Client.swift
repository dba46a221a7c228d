/// A person who receives care at home. Every field but the identifiers is personal data.
public struct Client: Hashable, Sendable {
    /// Stable identifier from the council or NHS record.
    public var externalID: String
    /// Code of the hub that serves the client.
    public var hubCode: String
    public var givenName: String
    public var familyName: String
    /// Postcode; its outward part (`ST16`) is the "address area" rosters may show.
    public var postcode: String
    public var location: GeoPoint
    /// When set, only carers of this gender may visit.
    public var genderPreference: Gender?
    /// Name of the social worker or nurse who leads the client's care.
    public var leadProfessional: String?
    public var funding: FundingStream
    /// True for someone discharged from hospital into Home First reablement.
    public var homeFirst: Bool
    /// The hospital discharge date, for Home First clients.
    public var dischargeDate: LocalDate?
    public var dateOfBirth: LocalDate?
    /// External ids of carers who must never visit.
    public var excludedCarers: [String]
    /// External ids of carers the client knows and prefers.
    public var preferredCarers: [String]

    /// A client; identifiers, place and funding are required, the rest optional.
    public init(
        externalID: String, hubCode: String, givenName: String, familyName: String, postcode: String,
        location: GeoPoint, genderPreference: Gender? = nil, leadProfessional: String? = nil,
        funding: FundingStream, homeFirst: Bool = false, dischargeDate: LocalDate? = nil,
        dateOfBirth: LocalDate? = nil, excludedCarers: [String] = [], preferredCarers: [String] = []
    ) {
        self.externalID = externalID
        self.hubCode = hubCode
        self.givenName = givenName
        self.familyName = familyName
        self.postcode = postcode
        self.location = location
        self.genderPreference = genderPreference
        self.leadProfessional = leadProfessional
        self.funding = funding
        self.homeFirst = homeFirst
        self.dischargeDate = dischargeDate
        self.dateOfBirth = dateOfBirth
        self.excludedCarers = excludedCarers
        self.preferredCarers = preferredCarers
    }

    /// The outward code of the postcode (`ST16 2AB` → `ST16`), safe to print on a rota.
    public var addressArea: String {
        String(postcode.split(separator: " ").first ?? "")
    }
}
