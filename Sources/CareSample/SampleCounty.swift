import CareModel

/// What to generate: how many hubs, how busy, which weeks, and the seed that fixes the rest.
public struct SampleCountySpec: Sendable, Hashable {
    /// Number of hubs, 1…`maximumSampleHubs`.
    public var hubs: Int
    /// Clients per hub (carers are sized to the demand their packages make).
    public var clientsPerHub: Int
    /// Everything random follows from this.
    public var seed: UInt64
    /// First week that gets shifts and absences.
    public var firstWeek: ISOWeek
    /// How many consecutive weeks get shifts.
    public var weeks: Int

    /// A specification; defaults give a small, quick county.
    public init(hubs: Int = 3, clientsPerHub: Int = 80, seed: UInt64 = 1, firstWeek: ISOWeek, weeks: Int = 2) {
        self.hubs = hubs
        self.clientsPerHub = clientsPerHub
        self.seed = seed
        self.firstWeek = firstWeek
        self.weeks = weeks
    }

    /// What is wrong with the specification, if anything.
    public func validationIssues() -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if !(1...maximumSampleHubs).contains(hubs) { issues.append(FieldIssue("hubs", "must be 1…\(maximumSampleHubs)")) }
        if !(1...2000).contains(clientsPerHub) { issues.append(FieldIssue("clients-per-hub", "must be 1…2000")) }
        if !(1...8).contains(weeks) { issues.append(FieldIssue("weeks", "must be 1…8")) }
        return issues
    }
}

/// A generated county: everything a hub manager would import, consistent and realistic.
public struct SampleCounty: Sendable {
    public var hubs: [Hub] = []
    /// Ordered so that every carer a client refers to comes before the client.
    public var carers: [Carer] = []
    public var clients: [Client] = []
    public var packages: [CarePackage] = []
    public var shifts: [LocalShift] = []
    public var absences: [LocalAbsence] = []

    /// Commissioned carer-minutes per week in one hub (double-ups count twice).
    public func weeklyDemandMinutes(hubCode: String) -> Int {
        let clientIDs = Set(clients.filter { $0.hubCode == hubCode }.map(\.externalID))
        return packages.filter { clientIDs.contains($0.clientID) }.reduce(0) { $0 + $1.weeklyCarerMinutes }
    }
}
