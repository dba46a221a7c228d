/// A hospital discharge the hub hears about (Home First), with where the person was 91 days on.
public struct HospitalDischarge: Sendable, Hashable {
    /// Where someone is 91 days after discharge (ASCOF 2B(1)); `home` includes extra care housing.
    public enum Status: String, Sendable, CaseIterable, Codable {
        case home, hospital
        case careHome = "care_home"
        case died, unknown
    }

    public var externalID: String
    public var hubCode: String
    /// External id of the client, when the person is one.
    public var clientID: String?
    public var ageAtDischarge: Int
    public var dischargeReady: LocalDate?
    public var discharged: LocalDate
    /// Discharge pathway 0 (home, no new support) to 3 (new care home placement).
    public var pathway: Int
    public var reablementStart: LocalDate?
    public var councilFunded: Bool
    public var statusAt91: Status?

    public init(
        externalID: String, hubCode: String, clientID: String? = nil, ageAtDischarge: Int, dischargeReady: LocalDate?, discharged: LocalDate,
        pathway: Int, reablementStart: LocalDate?, councilFunded: Bool = true, statusAt91: Status?
    ) {
        self.externalID = externalID
        self.hubCode = hubCode
        self.clientID = clientID
        self.ageAtDischarge = ageAtDischarge
        self.dischargeReady = dischargeReady
        self.discharged = discharged
        self.pathway = pathway
        self.reablementStart = reablementStart
        self.councilFunded = councilFunded
        self.statusAt91 = statusAt91
    }
}
