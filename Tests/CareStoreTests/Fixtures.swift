import CareModel

/// Small named values for store tests.
enum Fixtures {
    static let place = GeoPoint(latitude: 52.8064, longitude: -2.1171)!

    /// A permanent 30-hour carer with medication and hoist.
    static func carer(_ id: String, hub: String, zeroHours: Bool = false) -> Carer {
        let start = LocalDate(year: 2020, month: 1, day: 6)!
        return Carer(
            externalID: id, hubCode: hub, givenName: "Test", familyName: "Carer", gender: .female, home: place,
            contract: zeroHours ? .bank : .permanent, zeroHours: zeroHours, contractedMinutesPerWeek: zeroHours ? 0 : 1800,
            maxMinutesPerWeek: 2400, hourlyRatePence: 1300, startDate: start,
            skills: [CarerSkill(skill: .medication, qualifiedOn: start), CarerSkill(skill: .hoist, qualifiedOn: start)])
    }
}
