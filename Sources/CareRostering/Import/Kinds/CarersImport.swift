import CareModel
import CareStore

/// `carers.csv`: one carer per row, by external id, with contract and lending hubs.
enum CarersImport: RecordImport {
    static let name = "carers"
    static let requiredColumns = [
        "external_id", "hub", "given_name", "family_name", "home_lat", "home_lon", "contract_type", "contracted_hours", "max_hours",
        "hourly_rate", "start_date",
    ]

    static func value(_ r: inout RowReader, _ known: References) -> Carer? {
        let id = r.id("external_id")
        let hub = r.id("hub")
        let given = r.text("given_name")
        let family = r.record["family_name"]
        let gender = r.choice("gender", Gender.self, default: .unknown)
        let home = r.point("home_lat", "home_lon")
        let contract = r.choice("contract_type", ContractType.self)
        let zero = r.bool("zero_hours")
        let contracted = r.number("contracted_hours", in: 0...168)
        let maxHours = r.number("max_hours", in: 0.5...168)
        let rate = r.number("hourly_rate", in: 0.01...1000)
        let start = r.date("start_date")
        let end = r.date("end_date", required: false)
        let lend = r.ids("lendable_to")
        let transport = r.choice("transport", TransportMode.self, default: .car)
        if let hub, !known.hubs.contains(hub) { r.fail("hub", "unknown hub \(hub)") }
        for h in lend where !known.hubs.contains(h) { r.fail("lendable_to", "unknown hub \(h)") }
        if let contracted, let maxHours, contracted > maxHours { r.fail("contracted_hours", "more than max_hours") }
        if zero, let contracted, contracted > 0 { r.fail("contracted_hours", "must be 0 on a zero-hours contract") }
        if let start, let end, end < start { r.fail("end_date", "before start_date") }
        guard let id, let hub, let given, let gender, let home, let contract, let contracted, let maxHours, let rate, let start,
            let transport
        else { return nil }
        var carer = Carer(
            externalID: id, hubCode: hub, givenName: given, familyName: family, gender: gender, home: home, contract: contract,
            zeroHours: zero, contractedMinutesPerWeek: Int((contracted * 60).rounded()), maxMinutesPerWeek: Int((maxHours * 60).rounded()),
            hourlyRatePence: Int((rate * 100).rounded()), startDate: start, endDate: end, lendableTo: lend.filter { $0 != hub })
        carer.transport = transport
        return carer
    }

    static func identity(of carer: Carer) -> (key: String, name: String)? { (carer.externalID, "external_id \(carer.externalID)") }

    static func write(_ carer: Carer, to db: Connection) throws -> UpsertOutcome { try CarerRepository(db).upsert(carer) }
}

extension ImportKind {
    /// Carers: hub, contract, hours, pay, home, transport and the hubs they may be lent to.
    public static let carers = ImportKind(CarersImport.self)
}
