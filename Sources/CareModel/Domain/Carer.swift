/// A care worker employed by (or lent to) a hub.
public struct Carer: Hashable, Sendable {
    /// Stable identifier from the employer's HR system.
    public var externalID: String
    /// Code of the carer's home hub.
    public var hubCode: String
    public var givenName: String
    public var familyName: String
    public var gender: Gender
    /// Where the carer starts and ends the day (commuting from here is unpaid).
    public var home: GeoPoint
    public var contract: ContractType
    /// A zero-hours contract guarantees no hours, so `contractedMinutesPerWeek` is 0.
    public var zeroHours: Bool
    /// Minutes a week the contract promises.
    public var contractedMinutesPerWeek: Int
    /// Most paid minutes a week the carer may be rostered.
    public var maxMinutesPerWeek: Int
    /// Hourly pay in pence (integer money).
    public var hourlyRatePence: Int
    public var startDate: LocalDate
    /// Last day of employment, when the carer has left or is leaving.
    public var endDate: LocalDate?
    /// Codes of other hubs this carer may be lent to.
    public var lendableTo: [String]
    public var skills: [CarerSkill]
    /// How the carer travels between visits (`car` unless the carers file says otherwise).
    public var transport: TransportMode = .car

    /// A carer; every field is given, as the importer and the sample generator both know them.
    public init(
        externalID: String, hubCode: String, givenName: String, familyName: String, gender: Gender,
        home: GeoPoint, contract: ContractType, zeroHours: Bool, contractedMinutesPerWeek: Int,
        maxMinutesPerWeek: Int, hourlyRatePence: Int, startDate: LocalDate, endDate: LocalDate? = nil,
        lendableTo: [String] = [], skills: [CarerSkill] = []
    ) {
        self.externalID = externalID
        self.hubCode = hubCode
        self.givenName = givenName
        self.familyName = familyName
        self.gender = gender
        self.home = home
        self.contract = contract
        self.zeroHours = zeroHours
        self.contractedMinutesPerWeek = contractedMinutesPerWeek
        self.maxMinutesPerWeek = maxMinutesPerWeek
        self.hourlyRatePence = hourlyRatePence
        self.startDate = startDate
        self.endDate = endDate
        self.lendableTo = lendableTo
        self.skills = skills
    }
}
