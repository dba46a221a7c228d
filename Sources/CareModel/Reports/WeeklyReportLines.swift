/// Capacity against demand for one hub in one ISO week: who is employed and on shift, and how
/// much care the valid packages commission.
public struct HubCapacityLine: Sendable, Equatable {
    public let hubCode: String
    public let hubName: String
    /// Carers employed on at least one day of the week.
    public let carers: Int
    public let zeroHoursCarers: Int
    public let contractedMinutes: Int
    /// Shift minutes in the week, less time lost to absences.
    public let availableMinutes: Int
    public let absentCarers: Int
    /// Clients with a package valid on at least one day of the week.
    public let clients: Int
    public let homeFirstClients: Int
    /// Calls the packages commission this week, and how many need two or more carers.
    public let calls: Int
    public let doubleUpCalls: Int
    /// Carer-minutes of care commissioned (a double-up counts each carer).
    public let demandMinutes: Int

    /// Zero-hours carers as a share of carers (0 when there are none).
    public var zeroHoursShare: Double { carers == 0 ? 0 : Double(zeroHoursCarers) / Double(carers) }
    /// Available shift time over commissioned care time; below about 1.25 travel will not fit.
    public var capacityRatio: Double? { demandMinutes == 0 ? nil : Double(availableMinutes) / Double(demandMinutes) }

    /// Memberwise, for building values in tests and callers outside the store.
    public init(
        hubCode: String, hubName: String, carers: Int, zeroHoursCarers: Int, contractedMinutes: Int, availableMinutes: Int,
        absentCarers: Int, clients: Int, homeFirstClients: Int, calls: Int, doubleUpCalls: Int, demandMinutes: Int
    ) {
        (self.hubCode, self.hubName, self.carers, self.zeroHoursCarers) = (hubCode, hubName, carers, zeroHoursCarers)
        (self.contractedMinutes, self.availableMinutes, self.absentCarers) = (contractedMinutes, availableMinutes, absentCarers)
        (self.clients, self.homeFirstClients, self.calls) = (clients, homeFirstClients, calls)
        (self.doubleUpCalls, self.demandMinutes) = (doubleUpCalls, demandMinutes)
    }
}

/// One hub and skill in one ISO week: calls needing it, carers holding it.
public struct SkillCoverageLine: Sendable, Equatable {
    public let hubCode: String
    public let skill: String
    public let calls: Int
    public let carers: Int
    /// Holders whose qualification has lapsed by the week's Monday.
    public let expiredHolders: Int

    /// Memberwise, for building values in tests and callers outside the store.
    public init(hubCode: String, skill: String, calls: Int, carers: Int, expiredHolders: Int) {
        (self.hubCode, self.skill, self.calls, self.carers, self.expiredHolders) = (hubCode, skill, calls, carers, expiredHolders)
    }
}
